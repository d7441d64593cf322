using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Seeding
{
    /// <summary>
    /// Writes a Workday/BambooHR-style HR export of a simulated tenant's member users, for rehearsing Sync-WorkforceLicense:
    /// steady employees as Entra has them, joiners starting today and next week (taken from users holding no licence),
    /// movers given another persona's department and title, leavers whose last day has come, people on leave, and a set
    /// number of malformed rows (a bad date, an unknown status, a missing name, a leave without its end, an unknown user).
    /// Which users play which part is decided by the seed, so a test can rebuild the same file.
    /// </summary>
    public static class HrExportGenerator
    {
        public const string Header = "EmployeeId,UserPrincipalName,Status,HireDate,TerminationDate,LeaveStart,LeaveEnd,Department,JobTitle,EmployeeType,Manager";

        public static HrExport Create(SimulatedTenant tenant, HrExportOptions options)
        {
            var random = new Random(options.Seed);
            var today = options.Today.UtcDateTime.Date;
            var users = tenant.Store.Users.Where(u => u.UserType == "Member" && u.AccountEnabled).OrderBy(u => u.UserPrincipalName, StringComparer.Ordinal).ToList();
            var unlicensed = users.Where(u => u.LicenseAssignmentStates.Count == 0).ToList();
            var licensed = Shuffle(users.Where(u => u.LicenseAssignmentStates.Count > 0).ToList(), random);
            var rows = new List<HrExportRow>();
            var joiners = unlicensed.Take(options.JoinersToday + options.JoinersNextWeek).ToList();
            rows.AddRange(joiners.Select((u, i) => Row(u, HrExportPart.Joiner, "Active", hire: i < options.JoinersToday ? today : today.AddDays(7))));
            var queue = new Queue<SimulatedUser>(licensed);
            rows.AddRange(Take(queue, options.Movers).Select(u => Moved(Row(u, HrExportPart.Mover, "Active"), options.Personas, random)));
            rows.AddRange(Take(queue, options.Leavers).Select(u => Row(u, HrExportPart.Leaver, "Terminated", termination: today.AddDays(-random.Next(0, 3)))));
            rows.AddRange(Take(queue, options.OnLeave).Select(u => Row(u, HrExportPart.Leave, "Leave", leaveStart: today.AddDays(-1), leaveEnd: today.AddDays(options.LeaveDays))));
            var steady = options.Rows - rows.Count - options.Malformed;
            rows.AddRange(Take(queue, Math.Max(0, steady)).Select(u => Row(u, HrExportPart.Steady, "Active")));
            rows = Shuffle(rows, random);
            return Write(rows, options.Malformed, random, tenant.DefaultDomain);
        }

        private static HrExport Write(List<HrExportRow> rows, int malformed, Random random, string domain)
        {
            var text = new StringBuilder(Header).Append('\n');
            var lines = new List<int>();
            var bad = new HashSet<int>(Enumerable.Range(0, rows.Count + malformed).OrderBy(_ => random.Next()).Take(malformed));
            var next = 0;
            for (var i = 0; i < rows.Count + malformed; i++)
            {
                var line = i + 2;
                if (bad.Contains(i))
                {
                    text.Append(Malformed(lines.Count, line, domain)).Append('\n');
                    lines.Add(line);
                    continue;
                }

                rows[next].Line = line;
                text.Append(Csv(rows[next++])).Append('\n');
            }

            return new HrExport(text.ToString(), rows, lines);
        }

        /// <summary>One of five kinds of bad row, in turn.</summary>
        private static string Malformed(int index, int line, string domain)
        {
            var id = (900000 + line).ToString(CultureInfo.InvariantCulture);
            switch (index % 5)
            {
                case 0: return $"{id},bad.date{line}@{domain},Active,07/12/2026,,,,Sales,Account Executive,Employee,";
                case 1: return $"{id},bad.status{line}@{domain},Retired,2020-01-01,,,,Sales,Account Executive,Employee,";
                case 2: return $"{id},,Active,2020-01-01,,,,Sales,Account Executive,Employee,";
                case 3: return $"{id},bad.leave{line}@{domain},Leave,2020-01-01,,2026-01-01,,Sales,Account Executive,Employee,";
                default: return $"{id},nobody{line}@{domain},Active,2020-01-01,,,,Sales,Account Executive,Employee,";
            }
        }

        private static HrExportRow Row(SimulatedUser user, HrExportPart part, string status, DateTime? hire = null, DateTime? termination = null, DateTime? leaveStart = null, DateTime? leaveEnd = null) => new HrExportRow
        {
            UserPrincipalName = user.UserPrincipalName, EmployeeId = user.EmployeeId ?? user.Id.ToString("N").Substring(0, 8), Part = part, Status = status,
            HireDate = hire ?? user.EmployeeHireDate?.UtcDateTime.Date ?? user.CreatedDateTime.UtcDateTime.Date, TerminationDate = termination, LeaveStart = leaveStart, LeaveEnd = leaveEnd,
            Department = user.Department, JobTitle = user.JobTitle, EmployeeType = user.EmployeeType ?? "Employee",
        };

        /// <summary>A mover takes another persona's department and title.</summary>
        private static HrExportRow Moved(HrExportRow row, IReadOnlyList<(string Department, string JobTitle)> personas, Random random)
        {
            var others = personas.Where(p => p.Department != row.Department).ToList();
            var persona = others[random.Next(others.Count)];
            (row.Department, row.JobTitle) = (persona.Department, persona.JobTitle);
            return row;
        }

        private static string Csv(HrExportRow r) => string.Join(",", new[]
        {
            r.EmployeeId, r.UserPrincipalName, r.Status, Day(r.HireDate), Day(r.TerminationDate), Day(r.LeaveStart), Day(r.LeaveEnd), Quote(r.Department), Quote(r.JobTitle), r.EmployeeType, "",
        });

        private static string Day(DateTime? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

        private static string Quote(string? value) => value == null ? "" : value.Contains(",") ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

        private static IEnumerable<SimulatedUser> Take(Queue<SimulatedUser> queue, int count)
        {
            for (var i = 0; i < count && queue.Count > 0; i++)
            {
                yield return queue.Dequeue();
            }
        }

        private static List<T> Shuffle<T>(List<T> items, Random random) => items.Select(i => (Key: random.Next(), Item: i)).OrderBy(p => p.Key).Select(p => p.Item).ToList();
    }

    /// <summary>What the HR export holds.</summary>
    public sealed class HrExportOptions
    {
        /// <summary>The tenant's today: joiners start on it and a week after.</summary>
        public DateTimeOffset Today { get; set; }

        public int Rows { get; set; } = 500;

        public int JoinersToday { get; set; } = 10;

        public int JoinersNextWeek { get; set; } = 10;

        public int Movers { get; set; } = 30;

        public int Leavers { get; set; } = 10;

        public int OnLeave { get; set; } = 10;

        public int LeaveDays { get; set; } = 30;

        public int Malformed { get; set; } = 10;

        public int Seed { get; set; } = 16;

        /// <summary>The departments and titles movers move between.</summary>
        public IReadOnlyList<(string Department, string JobTitle)> Personas { get; set; } = new[]
        {
            ("Operations", "Warehouse Associate"), ("Sales", "Account Executive"), ("Finance", "Financial Analyst"),
        };
    }

    /// <summary>The part a row plays in the rehearsal.</summary>
    public enum HrExportPart
    {
        Steady,
        Joiner,
        Mover,
        Leaver,
        Leave,
    }

    /// <summary>One good row of the export, as written.</summary>
    public sealed class HrExportRow
    {
        public int Line { get; set; }
        public string UserPrincipalName { get; set; } = "";
        public string EmployeeId { get; set; } = "";
        public HrExportPart Part { get; set; }
        public string Status { get; set; } = "";
        public DateTime? HireDate { get; set; }
        public DateTime? TerminationDate { get; set; }
        public DateTime? LeaveStart { get; set; }
        public DateTime? LeaveEnd { get; set; }
        public string? Department { get; set; }
        public string? JobTitle { get; set; }
        public string EmployeeType { get; set; } = "Employee";
    }

    /// <summary>The CSV text, its good rows, and the lines of its malformed rows.</summary>
    public sealed class HrExport
    {
        public HrExport(string csv, IReadOnlyList<HrExportRow> rows, IReadOnlyList<int> malformedLines)
        {
            Csv = csv;
            Rows = rows;
            MalformedLines = malformedLines;
        }

        public string Csv { get; }

        public IReadOnlyList<HrExportRow> Rows { get; }

        public IReadOnlyList<int> MalformedLines { get; }
    }
}
