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

        public static async Task<ActiveUserRows> ReadActiveUsersAsync(GraphSession session, string period, CancellationToken cancellation)
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
        internal static ActiveUserRows ParseActiveUsers(Stream stream)
        {
            var rows = new ActiveUserRows();
            Parse(stream, ActiveUserReport, new[] { "Report Refresh Date", "User Principal Name" }.Concat(Workloads.Select(w => w + " Last Activity Date")), csv =>
            {
                if (csv.TryGetField<string>("Is Deleted", out var deleted) && string.Equals(deleted?.Trim(), "True", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                var row = new PackedActivity { Refresh = ReportDay.Pack(Day(csv, "Report Refresh Date")) };
                for (var i = 0; i < Workloads.Length; i++)
                {
                    row[i] = ReportDay.Pack(Day(csv, Workloads[i] + " Last Activity Date"));
                }

                Keep(rows, csv, row);
            });
            return rows;
        }

        public static async Task<AppUserRows> ReadAppUsersAsync(GraphSession session, string period, CancellationToken cancellation)
        {
            var stream = await DownloadAsync(session, AppUserReport, period,
                c => c.Reports.GetM365AppUserDetailWithPeriod(period).GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            return ParseAppUsers(stream);
        }

        /// <summary>The app report's "app (platform)" columns, in the order of the bits of <see cref="PackedAppUse.Apps"/>.</summary>
        internal static readonly string[] AppColumns = Platforms.SelectMany(p => Apps.Select(a => $"{a} ({p})")).ToArray();

        /// <summary>Reads a getM365AppUserDetail CSV, keyed by user principal name; the stream is disposed.</summary>
        internal static AppUserRows ParseAppUsers(Stream stream)
        {
            var rows = new AppUserRows();
            Parse(stream, AppUserReport, new[] { "Report Refresh Date", "User Principal Name", "Last Activation Date", "Last Activity Date" }.Concat(AppColumns), csv =>
            {
                var row = new PackedAppUse
                {
                    Refresh = ReportDay.Pack(Day(csv, "Report Refresh Date")),
                    LastActivation = ReportDay.Pack(Day(csv, "Last Activation Date")),
                    LastActivity = ReportDay.Pack(Day(csv, "Last Activity Date")),
                };
                for (var i = 0; i < AppColumns.Length; i++)
                {
                    row.Apps |= Flag(csv, AppColumns[i]) ? 1u << i : 0;
                }

                Keep(rows, csv, row);
            });
            return rows;
        }

        private static void Keep<TPacked, TRow>(ReportRows<TPacked, TRow> rows, CsvReader csv, TPacked row)
            where TPacked : struct
            where TRow : UsageReportRow
        {
            var name = csv.GetField("User Principal Name") ?? "";
            if (name.Length > 0)
            {
                rows.Set(name, row);
            }
        }

        /// <summary>
        /// Concealed reports put an identifier where user principal names belong: observed as 32 upper-case hex characters,
        /// but Graph's algorithm is not public, so the test is that no row holds a name (a user principal name always has an
        /// '@'). One real name among the rows is enough to know names are shown.
        /// </summary>
        public static bool NamesConcealed<TPacked, TRow>(ReportRows<TPacked, TRow> rows)
            where TPacked : struct
            where TRow : UsageReportRow =>
            rows.Count > 0 && !rows.ShowsNames;

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

        /// <param name="read">Reads the current record and keeps its row, if it stands for a user.</param>
        private static void Parse(Stream stream, string report, IEnumerable<string> required, Action<CsvReader> read)
        {
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
                        read(csv);
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

    internal sealed class ActiveUserRows : ReportRows<PackedActivity, ActiveUserReportRow>
    {
        public ActiveUserRows()
            : base(ActiveUserReportRow.Unpack)
        {
        }
    }

    internal sealed class AppUserRows : ReportRows<PackedAppUse, AppUserReportRow>
    {
        public AppUserRows()
            : base(AppUserReportRow.Unpack)
        {
        }
    }

    /// <summary>One row of getOffice365ActiveUserDetail as held: report dates (<see cref="ReportDay"/>) per workload.</summary>
    internal struct PackedActivity
    {
        public ushort Refresh;
        private ushort _exchange, _oneDrive, _sharePoint, _skype, _yammer, _teams;

        /// <summary>The last activity date of <see cref="UsageReportReader.Workloads"/>[workload].</summary>
        public ushort this[int workload]
        {
            get => workload switch { 0 => _exchange, 1 => _oneDrive, 2 => _sharePoint, 3 => _skype, 4 => _yammer, 5 => _teams, _ => throw new ArgumentOutOfRangeException(nameof(workload)) };
            set
            {
                switch (workload)
                {
                    case 0: _exchange = value; break;
                    case 1: _oneDrive = value; break;
                    case 2: _sharePoint = value; break;
                    case 3: _skype = value; break;
                    case 4: _yammer = value; break;
                    case 5: _teams = value; break;
                    default: throw new ArgumentOutOfRangeException(nameof(workload));
                }
            }
        }
    }

    /// <summary>One row of getM365AppUserDetail as held: dates, and one bit per column of <see cref="UsageReportReader.AppColumns"/>.</summary>
    internal struct PackedAppUse
    {
        public ushort Refresh;
        public ushort LastActivation;
        public ushort LastActivity;
        public uint Apps;
    }

    /// <summary>One user's row of getOffice365ActiveUserDetail.</summary>
    internal sealed class ActiveUserReportRow : UsageReportRow
    {
        public WorkloadValues<DateTime?> LastActivity { get; } = new WorkloadValues<DateTime?>();

        public static ActiveUserReportRow Unpack(PackedActivity packed)
        {
            var row = new ActiveUserReportRow { ReportRefreshDate = ReportDay.Unpack(packed.Refresh) };
            for (var i = 0; i < UsageReportReader.Workloads.Length; i++)
            {
                row.LastActivity[UsageReportReader.Workloads[i]] = ReportDay.Unpack(packed[i]);
            }

            return row;
        }
    }

    /// <summary>One value per workload of <see cref="UsageReportReader.Workloads"/>, by name.</summary>
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

        public static AppUserReportRow Unpack(PackedAppUse packed)
        {
            var row = new AppUserReportRow
            {
                ReportRefreshDate = ReportDay.Unpack(packed.Refresh),
                LastActivationDate = ReportDay.Unpack(packed.LastActivation),
                LastActivityDate = ReportDay.Unpack(packed.LastActivity),
            };
            for (var i = 0; i < UsageReportReader.AppColumns.Length; i++)
            {
                if ((packed.Apps & (1u << i)) != 0)
                {
                    row.AppsUsed.Add(UsageReportReader.AppColumns[i]);
                }
            }

            return row;
        }
    }
}
