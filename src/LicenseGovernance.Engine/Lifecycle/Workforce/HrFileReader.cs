using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>
    /// Reads an HR export (Workday or BambooHR style) by the headers the rules file maps, with CsvHelper. A row that is
    /// wrong (no UPN, an unknown status, a date that is not ISO 8601, a leave without its end, a person twice) is kept out
    /// with its line and reason; only a file that cannot be read as CSV, or lacks a required column, stops the run.
    /// </summary>
    internal static class HrFileReader
    {
        private static readonly Dictionary<string, HrStatus> Statuses = Enum.GetValues(typeof(HrStatus)).Cast<HrStatus>().ToDictionary(s => s.ToString(), StringComparer.OrdinalIgnoreCase);

        private static readonly string[] DateFormats = { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK" };

        public static HrSource Read(string path, HrColumns columns)
        {
            if (!File.Exists(path))
            {
                throw Errors.HrFileNotFound(path).ToException();
            }

            var source = new HrSource(path);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                TrimOptions = TrimOptions.Trim,
                PrepareHeaderForMatch = args => args.Header.Trim().ToUpperInvariant(),
                MissingFieldFound = null,
                BadDataFound = null,
                DetectColumnCountChanges = false,
            });
            try
            {
                var headers = ReadHeader(csv, path, columns);
                while (csv.Read())
                {
                    var record = Parse(csv, headers, columns, source);
                    if (record != null && !seen.Add(record.UserPrincipalName))
                    {
                        source.Reject(record, "UserPrincipalName", record.UserPrincipalName, "the person appears on an earlier line too; only the first row counts.");
                    }
                    else if (record != null)
                    {
                        source.Records.Add(record);
                    }
                }
            }
            catch (CsvHelperException e)
            {
                throw Errors.HrFileInvalid(path, e.Message).ToException();
            }

            return source;
        }

        private static HashSet<string> ReadHeader(CsvReader csv, string path, HrColumns columns)
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                throw Errors.HrFileInvalid(path, "it is empty (not even a header row).").ToException();
            }

            var headers = new HashSet<string>(csv.HeaderRecord ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            foreach (var field in HrColumns.Required.Where(f => !headers.Contains(columns.Header(f))))
            {
                throw Errors.HrColumnMissing(path, field, columns.Header(field), headers).ToException();
            }

            return headers;
        }

        /// <summary>The row as a record, or null when it is rejected (recorded in <paramref name="source"/>).</summary>
        private static HrRecord? Parse(CsvReader csv, HashSet<string> headers, HrColumns columns, HrSource source)
        {
            string? Field(string field) => headers.Contains(columns.Header(field)) ? NullIfEmpty(csv.GetField(columns.Header(field))) : null;
            var record = new HrRecord
            {
                Line = csv.Parser.RawRow, EmployeeId = Field("EmployeeId"), UserPrincipalName = Field("UserPrincipalName") ?? "",
                Department = Field("Department"), JobTitle = Field("JobTitle"), EmployeeType = Field("EmployeeType"), CompanyName = Field("CompanyName"), Manager = Field("Manager"),
            };
            var problem = Check(record, Field);
            if (problem != null)
            {
                source.Reject(record, problem.Value.Field, Field(problem.Value.Field), problem.Value.Reason);
                return null;
            }

            return record;
        }

        /// <summary>Fills the status and dates; the first thing wrong with the row, or null.</summary>
        private static (string Field, string Reason)? Check(HrRecord record, Func<string, string?> field)
        {
            if (record.UserPrincipalName.Length == 0 || !record.UserPrincipalName.Contains("@"))
            {
                return ("UserPrincipalName", record.UserPrincipalName.Length == 0 ? "it has no user principal name." : $"'{record.UserPrincipalName}' is not a user principal name (name@domain).");
            }

            if (!Statuses.TryGetValue(field("Status") ?? "", out var status))
            {
                return ("Status", $"the status '{field("Status")}' is not Active, Leave or Terminated.");
            }

            record.Status = status;
            foreach (var name in new[] { "HireDate", "TerminationDate", "LeaveStart", "LeaveEnd" })
            {
                var text = field(name);
                if (text != null && !TryDate(text, out _))
                {
                    return (name, $"{name} '{text}' is not an ISO 8601 date (yyyy-MM-dd).");
                }
            }

            record.HireDate = Date(field("HireDate"));
            record.TerminationDate = Date(field("TerminationDate"));
            record.LeaveStart = Date(field("LeaveStart"));
            record.LeaveEnd = Date(field("LeaveEnd"));
            return CheckDates(record);
        }

        private static (string Field, string Reason)? CheckDates(HrRecord record)
        {
            if (record.Status == HrStatus.Terminated && record.TerminationDate == null)
            {
                return ("TerminationDate", "a Terminated row needs its TerminationDate (the last day).");
            }

            if (record.Status == HrStatus.Leave && record.LeaveEnd == null)
            {
                return ("LeaveEnd", "a Leave row needs its LeaveEnd (the day the person is back).");
            }

            if (record.LeaveStart != null && record.LeaveEnd <= record.LeaveStart)
            {
                return ("LeaveEnd", "LeaveEnd is not after LeaveStart.");
            }

            return null;
        }

        private static DateTimeOffset? Date(string? text) => text != null && TryDate(text, out var date) ? date : (DateTimeOffset?)null;

        /// <summary>ISO 8601 only: a day is midnight UTC, a time without offset is UTC.</summary>
        private static bool TryDate(string text, out DateTimeOffset date) =>
            DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);

        private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
