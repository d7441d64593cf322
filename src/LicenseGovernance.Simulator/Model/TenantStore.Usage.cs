using System;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Usage;

namespace LicenseGovernance.Simulator
{
    public sealed partial class TenantStore
    {
        // Graph's default since September 2021: reports conceal user names until an administrator turns it off.
        private bool _displayConcealedNames = true;

        /// <summary>adminReportSettings.displayConcealedNames: whether usage reports hide user principal names and display names.</summary>
        public bool DisplayConcealedNames
        {
            get => Read(() => _displayConcealedNames);
            set => Write(() => _displayConcealedNames = value);
        }

        /// <summary>For the seeder and snapshot loading, already under the write lock.</summary>
        internal bool DisplayConcealedNamesCore
        {
            get => _displayConcealedNames;
            set => _displayConcealedNames = value;
        }

        /// <summary>Sets (or with null, clears) what a user last did in each workload and app, the data behind usage reports.</summary>
        public void SetUsage(Guid userId, UsageProfile? usage) => UpdateUser(userId, u => u.Usage = usage);

        internal ReportDownloads ReportDownloads { get; } = new ReportDownloads();
    }
}
