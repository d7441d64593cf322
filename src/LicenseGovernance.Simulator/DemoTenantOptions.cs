using System;

namespace LicenseGovernance.Simulator
{
    public sealed class DemoTenantOptions
    {
        public int UserCount { get; set; } = 2000;

        public int Seed { get; set; } = 20261124;

        /// <summary>
        /// When the tenant's clock starts (UTC); every seeded date (hires, leavers, sign-ins, usage, group creation) is set
        /// relative to it. Today, now, unless pinned: a rehearsal or a test that needs fixed dates sets it.
        /// </summary>
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public string TenantDomain { get; set; } = "contoso.onmicrosoft.com";

        public bool TenantHasEntraP1 { get; set; } = true;

        internal void Validate()
        {
            if (UserCount < 1 || UserCount > 200000)
            {
                throw new ArgumentOutOfRangeException(nameof(UserCount), UserCount, "A demo tenant holds between 1 and 200000 users.");
            }

            if (string.IsNullOrWhiteSpace(TenantDomain) || TenantDomain.IndexOf('.') < 0)
            {
                throw new ArgumentException("TenantDomain must be a DNS name such as contoso.onmicrosoft.com.", nameof(TenantDomain));
            }
        }
    }
}
