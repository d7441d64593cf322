using System;

namespace LicenseGovernance.Simulator
{
    public sealed class DemoTenantOptions
    {
        public int UserCount { get; set; } = 2000;

        public int Seed { get; set; } = 20261124;

        public DateTimeOffset Now { get; set; } = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

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
