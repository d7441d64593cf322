using System;
using System.Collections.Generic;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Usage
{
    /// <summary>
    /// A usage report's rows by user principal name, held compactly: every row of the tenant is kept until the users have been
    /// read, so a row is a small struct under a 128-bit hash of the name rather than a name string and objects (at 200,000
    /// users the rows were most of Get-UnderusedLicense's memory). Two names of one tenant share a 128-bit hash with odds far
    /// below one in 10^25. Rows are unpacked into objects only for the users asked about.
    /// </summary>
    internal abstract class ReportRows<TPacked, TRow>
        where TPacked : struct
        where TRow : UsageReportRow
    {
        private readonly Dictionary<NameKey, TPacked> _rows = new Dictionary<NameKey, TPacked>();
        private readonly Func<TPacked, TRow> _unpack;

        protected ReportRows(Func<TPacked, TRow> unpack)
        {
            _unpack = unpack;
        }

        public int Count => _rows.Count;

        /// <summary>Adds or replaces the user's row.</summary>
        public void Set(string userPrincipalName, TPacked row)
        {
            _rows[NameKey.Of(userPrincipalName)] = row;
        }

        /// <summary>Adds or replaces the row of the user whose name has this key (rows read back from a spill file).</summary>
        public void Set(NameKey key, TPacked row) => _rows[key] = row;

        public bool ContainsKey(string userPrincipalName) => _rows.ContainsKey(NameKey.Of(userPrincipalName));

        public bool TryGetValue(string userPrincipalName, out TRow row)
        {
            if (_rows.TryGetValue(NameKey.Of(userPrincipalName), out var packed))
            {
                row = Unpack(userPrincipalName, packed);
                return true;
            }

            row = null!;
            return false;
        }

        public TRow this[string userPrincipalName] => TryGetValue(userPrincipalName, out var row)
            ? row
            : throw new KeyNotFoundException($"'{userPrincipalName}' has no row in the report.");

        private TRow Unpack(string userPrincipalName, TPacked packed)
        {
            var row = _unpack(packed);
            row.UserPrincipalName = userPrincipalName;
            return row;
        }
    }

    /// <summary>Report dates as days since 1970 plus one in 16 bits (zero for none), good to 2149.</summary>
    internal static class ReportDay
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static ushort Pack(DateTime? day)
        {
            if (day == null)
            {
                return 0;
            }

            var days = (day.Value - Epoch).TotalDays;
            return days >= 0 && days < ushort.MaxValue
                ? (ushort)(days + 1)
                : throw new FormatException($"'{day.Value:yyyy-MM-dd}' is outside the dates a usage report holds.");
        }

        public static DateTime? Unpack(ushort packed) => packed == 0 ? (DateTime?)null : Epoch.AddDays(packed - 1);
    }
}
