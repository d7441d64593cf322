namespace LicenseGovernance.Simulator.Throttling
{
    /// <summary>The identity-service token-bucket limits of graph-contract §8.2. A limit of zero or less turns its bucket off.</summary>
    public sealed class ThrottlingOptions
    {
        public bool Enabled { get; set; } = true;

        /// <summary>Per application and tenant.</summary>
        public int ResourceUnitsPer10Seconds { get; set; } = 8000;

        /// <summary>Per application and tenant.</summary>
        public int WritesPer150Seconds { get; set; } = 3000;

        /// <summary>Per tenant, across all applications.</summary>
        public int TenantWritesPer5Minutes { get; set; } = 18000;

        /// <summary>Per application, across all tenants.</summary>
        public int ApplicationResourceUnitsPer20Seconds { get; set; } = 150000;

        /// <summary>Per application, across all tenants.</summary>
        public int ApplicationWritesPer5Minutes { get; set; } = 70000;

        /// <summary>Graph sizes the app+tenant resource-unit budget by the tenant's user count.</summary>
        public static ThrottlingOptions ForTenantSize(int userCount)
        {
            int units = userCount < 50 ? 3500 : userCount <= 500 ? 5000 : 8000;
            return new ThrottlingOptions { ResourceUnitsPer10Seconds = units };
        }
    }
}
