using LicenseGovernance.Engine.Graph.Connection;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsvHelper;
using CsvHelper.Configuration;
using LicenseGovernance.Engine.Graph;
using Microsoft.Kiota.Abstractions;

namespace LicenseGovernance.Engine.Usage
{
    /// <summary>
    /// Downloads Microsoft 365 usage reports through the Graph SDK (which follows the report's 302 to its pre-authenticated
    /// CSV) and reads them with CsvHelper by column name, so the order of columns does not matter.
    /// </summary>
    internal static class UsageReportReader
    {
        public const string ActiveUserReport = "getOffice365ActiveUserDetail";
        public const string AppUserReport = "getM365AppUserDetail";

        public static readonly string[] Workloads = { "Exchange", "OneDrive", "SharePoint", "Skype For Business", "Yammer", "Teams" };
        public static readonly string[] Apps = { "Outlook", "Word", "Excel", "PowerPoint", "OneNote", "Teams" };
        public static readonly string[] Platforms = { "Windows", "Mac", "Mobile", "Web" };

        public static async Task<IReadOnlyDictionary<string, ActiveUserReportRow>> ReadActiveUsersAsync(GraphSession session, string period, CancellationToken cancellation)
        {
            var stream = await DownloadAsync(session, ActiveUserReport, period,
                c => c.Reports.GetOffice365ActiveUserDetailWithPeriod(period).GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            return ParseActiveUsers(stream);
        }

        /// <summary>
        /// Reads a getOffice365ActiveUserDetail CSV, keyed by user principal name; the stream is disposed. Rows of deleted
        /// users (Is Deleted True) are left out: the report keeps them for a while, and a re-created account can reuse the
        /// name, so such a row would otherwise stand for the live user (or for none, with a deleted account's activity).
        /// </summary>
        internal static IReadOnlyDictionary<string, ActiveUserReportRow> ParseActiveUsers(Stream stream)
        {
            return Parse(stream, ActiveUserReport, new[] { "Report Refresh Date", "User Principal Name", "Display Name" }
                .Concat(Workloads.Select(w => w + " Last Activity Date")).Concat(Workloads.Select(w => $"Has {w} License")), csv =>
            {
                if (csv.TryGetField<string>("Is Deleted", out var deleted) && string.Equals(deleted?.Trim(), "True", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                var row = new ActiveUserReportRow
                {
                    UserPrincipalName = csv.GetField("User Principal Name") ?? "",
                    DisplayName = csv.GetField("Display Name"),
                    ReportRefreshDate = Day(csv, "Report Refresh Date"),
                };
                foreach (var workload in Workloads)
                {
                    row.LastActivity[workload] = Day(csv, workload + " Last Activity Date");
                    row.HasLicense[workload] = Flag(csv, $"Has {workload} License");
                }

                return row;
            });
        }

        public static async Task<IReadOnlyDictionary<string, AppUserReportRow>> ReadAppUsersAsync(GraphSession session, string period, CancellationToken cancellation)
        {
            var stream = await DownloadAsync(session, AppUserReport, period,
                c => c.Reports.GetM365AppUserDetailWithPeriod(period).GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            return ParseAppUsers(stream);
        }

        /// <summary>Reads a getM365AppUserDetail CSV, keyed by user principal name; the stream is disposed.</summary>
        internal static IReadOnlyDictionary<string, AppUserReportRow> ParseAppUsers(Stream stream)
        {
            var columns = Platforms.SelectMany(p => Apps.Select(a => $"{a} ({p})")).ToArray();
            return Parse(stream, AppUserReport, new[] { "Report Refresh Date", "User Principal Name", "Last Activation Date", "Last Activity Date" }.Concat(columns), csv =>
            {
                var row = new AppUserReportRow
                {
                    UserPrincipalName = csv.GetField("User Principal Name") ?? "",
                    ReportRefreshDate = Day(csv, "Report Refresh Date"),
                    LastActivationDate = Day(csv, "Last Activation Date"),
                    LastActivityDate = Day(csv, "Last Activity Date"),
                };
                foreach (var column in columns)
                {
                    if (Flag(csv, column))
                    {
                        row.AppsUsed.Add(column);
                    }
                }

                return row;
            });
        }

        /// <summary>
        /// Concealed reports put an identifier where user principal names belong: observed as 32 upper-case hex characters,
        /// but Graph's algorithm is not public, so the test is that no row holds a name (a user principal name always has an
        /// '@'). One real name among the rows is enough to know names are shown.
        /// </summary>
        public static bool NamesConcealed<T>(IReadOnlyDictionary<string, T> rows) =>
            rows.Count > 0 && rows.Keys.All(k => k.IndexOf('@') < 0);

        /// <summary>
        /// adminReportSettings.displayConcealedNames, or null when the token may not read it (ReportSettings.Read.All is
        /// optional: concealment also shows in the reports themselves, after a download).
        /// </summary>
        public static async Task<bool?> ReadNamesConcealedSettingAsync(GraphSession session, Action<string> verbose, CancellationToken cancellation)
        {
            var settings = await session.CallAsync("read the report settings", "ReadReportSettings", async client =>
            {
                try
                {
                    return await client.Admin.ReportSettings.GetAsync(cancellationToken: cancellation).ConfigureAwait(false);
                }
                catch (ApiException api) when (api.ResponseStatusCode == 403)
                {
                    verbose("The token may not read the report settings (ReportSettings.Read.All); whether reports conceal names is judged from the reports.");
                    return null;
                }
            }, cancellation).ConfigureAwait(false);
            return settings?.DisplayConcealedNames;
        }

        private static async Task<Stream> DownloadAsync(GraphSession session, string report, string period, Func<Microsoft.Graph.GraphServiceClient, Task<Stream?>> call, CancellationToken cancellation)
        {
            var operation = $"read the usage report {report}(period='{period}')";
            var stream = await session.CallAsync(operation, "ReadUsageReports", async client =>
            {
                try
                {
                    return await call(client).ConfigureAwait(false);
                }
                catch (ApiException api) when (api.ResponseStatusCode == 403)
                {
                    // Reports word a missing permission as S2SUnauthorized inside UnknownError, not Authorization_RequestDenied.
                    throw ReportsDenied(operation, session.Claims, (api as Microsoft.Graph.Models.ODataErrors.ODataError)?.Error?.Message ?? api.Message).ToException();
                }
            }, cancellation).ConfigureAwait(false);
            return stream ?? throw Errors.UsageReportUnreadable(report, "Microsoft Graph returned no content.").ToException();
        }

        /// <param name="read">The row, or null for a row that stands for no user.</param>
        /// <summary>
        /// The error for a report Graph refused with 403. App-only tokens need the application permission; delegated ones the
        /// scope and an Entra role of the signed-in user, which Graph's answer does not tell apart, so the token says which.
        /// </summary>
        internal static GovernanceError ReportsDenied(string operation, TokenClaims? claims, string? graphMessage)
        {
            var appOnly = claims?.IsAppOnly ?? true;
            var accepted = CapabilityCatalog.Get("ReadUsageReports").AcceptedPermissions(appOnly);
            if (appOnly)
            {
                return Errors.PermissionDenied(operation, accepted, graphMessage);
            }

            var has = claims!.Permissions.Any(p => accepted.Contains(p, StringComparer.OrdinalIgnoreCase));
            return Errors.UsageReportsDelegatedDenied(operation, accepted, has, graphMessage);
        }

        private static IReadOnlyDictionary<string, T> Parse<T>(Stream stream, string report, IEnumerable<string> required, Func<CsvReader, T?> read)
            where T : UsageReportRow
        {
            var rows = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
            using (stream)
            using (var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            using (var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                TrimOptions = TrimOptions.Trim,
                // Columns are found by name whatever their case, as the check for missing ones does.
                PrepareHeaderForMatch = args => args.Header.Trim().ToUpperInvariant(),
            }))
            {
                try
                {
                    if (!csv.Read() || !csv.ReadHeader())
                    {
                        throw Errors.UsageReportUnreadable(report, "it is empty (not even a header row).").ToException();
                    }

                    var header = new HashSet<string>(csv.HeaderRecord ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
                    var missing = required.Where(r => !header.Contains(r)).ToList();
                    if (missing.Count > 0)
                    {
                        throw Errors.UsageReportUnreadable(report, $"it lacks the column(s) {string.Join(", ", missing.Select(m => "'" + m + "'"))}.").ToException();
                    }

                    while (csv.Read())
                    {
                        var row = read(csv);
                        if (row != null && row.UserPrincipalName.Length > 0)
                        {
                            rows[row.UserPrincipalName] = row;
                        }
                    }
                }
                catch (CsvHelperException e)
                {
                    throw Errors.UsageReportUnreadable(report, e.Message).ToException();
                }
                catch (FormatException e)
                {
                    throw Errors.UsageReportUnreadable(report, e.Message).ToException();
                }
            }

            return rows;
        }

        private static DateTime? Day(CsvReader csv, string column)
        {
            var value = csv.GetField(column);
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (DateTime.TryParseExact(value, new[] { "yyyy-MM-dd", "M/d/yyyy" }, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
            {
                return DateTime.SpecifyKind(day.Date, DateTimeKind.Utc);
            }

            throw new FormatException($"'{value}' in column '{column}' is not a date.");
        }

        // Reports write yes/no columns as True/False or Yes/No depending on the report.
        private static bool Flag(CsvReader csv, string column)
        {
            var value = csv.GetField(column)?.Trim();
            return string.Equals(value, "True", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "Yes", StringComparison.OrdinalIgnoreCase);
        }
    }

    internal abstract class UsageReportRow
    {
        public string UserPrincipalName { get; set; } = "";
        public DateTime? ReportRefreshDate { get; set; }
    }

    /// <summary>One user's row of getOffice365ActiveUserDetail.</summary>
    internal sealed class ActiveUserReportRow : UsageReportRow
    {
        public string? DisplayName { get; set; }
        public WorkloadValues<DateTime?> LastActivity { get; } = new WorkloadValues<DateTime?>();
        public WorkloadValues<bool> HasLicense { get; } = new WorkloadValues<bool>();
    }

    /// <summary>
    /// One value per workload of <see cref="UsageReportReader.Workloads"/>, by name. A report row is kept for every user of
    /// the tenant until the users have been read, so it holds a plain array, not a dictionary of six entries per row:
    /// at 200,000 users the two dictionaries were most of Get-UnderusedLicense's memory.
    /// </summary>
    internal sealed class WorkloadValues<T>
    {
        private readonly T[] _values = new T[UsageReportReader.Workloads.Length];

        public T this[string workload]
        {
            get => _values[IndexOf(workload)];
            set => _values[IndexOf(workload)] = value;
        }

        public IEnumerable<T> Values => _values;

        private static int IndexOf(string workload)
        {
            var index = Array.FindIndex(UsageReportReader.Workloads, w => string.Equals(w, workload, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index : throw new KeyNotFoundException($"'{workload}' is not a workload of {UsageReportReader.ActiveUserReport}.");
        }
    }

    /// <summary>One user's row of getM365AppUserDetail: which apps on which platforms within the period.</summary>
    internal sealed class AppUserReportRow : UsageReportRow
    {
        public DateTime? LastActivationDate { get; set; }
        public DateTime? LastActivityDate { get; set; }
        /// <summary>Columns such as "Word (Windows)" that say the app was used there within the period.</summary>
        public List<string> AppsUsed { get; } = new List<string>();
    }
}
