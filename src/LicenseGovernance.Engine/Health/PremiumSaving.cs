namespace LicenseGovernance.Engine.Health
{
    /// <summary>
    /// What moving underused premium seats (E5 whose holders use only what E3 covers) to the cheaper tier would save: the
    /// headline of document 001. Measured by the Usage capability and handed in by the entry point, since Health may not
    /// use another capability.
    /// </summary>
    internal sealed class PremiumSaving
    {
        public int Seats { get; set; }
        public decimal MonthlySaving { get; set; }
        public string? Currency { get; set; }
        /// <summary>Why the saving could not be measured (usage reports unreadable, concealed names); null when it was.</summary>
        public string? NotMeasured { get; set; }
    }
}
