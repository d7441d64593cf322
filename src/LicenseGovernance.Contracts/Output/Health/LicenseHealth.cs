using System;

namespace LicenseGovernance
{
    /// <summary>Get-LicenseHealth: the tenant's 0-100 licence health score and the components it is made of.</summary>
    public sealed class LicenseHealth
    {
        /// <summary>0-100: the components' points over the weights of the components that could be measured, times 100, rounded.</summary>
        public int Score { get; set; }
        /// <summary>A (90+), B (75+), C (60+), D (40+) or F.</summary>
        public string Grade { get; set; } = "";
        public Guid? TenantId { get; set; }
        public DateTimeOffset MeasuredAt { get; set; }
        /// <summary>What the purchased seats of priced SKUs cost a month.</summary>
        public decimal MonthlySpend { get; set; }
        /// <summary>What unassigned seats and seats on zombie accounts cost a month.</summary>
        public decimal MonthlyWaste { get; set; }
        public string? Currency { get; set; }
        public int LicensedUsers { get; set; }
        public ItemList<LicenseHealthComponent> Components { get; set; } = new ItemList<LicenseHealthComponent>();
        /// <summary>Why a component could not be measured, or what it leaves out.</summary>
        public ItemList<string> Warnings { get; set; } = new ItemList<string>();

        public override string ToString() => $"{Score} ({Grade})";
    }

    /// <summary>One component of the licence health score.</summary>
    public sealed class LicenseHealthComponent
    {
        /// <summary>Waste, LicenseErrors, DirectAssignments, Ungoverned or ConflictingTiers.</summary>
        public string Name { get; set; } = "";
        public string Description { get; set; } = "";
        /// <summary>The most points the component can give; the weights add up to 100.</summary>
        public int Weight { get; set; }
        /// <summary>The measured share (0-1): what is wrong over what was looked at.</summary>
        public double Value { get; set; }
        /// <summary>What is wrong, in the component's unit (money, users, assignments).</summary>
        public decimal Affected { get; set; }
        /// <summary>What was looked at, in the same unit.</summary>
        public decimal OutOf { get; set; }
        /// <summary>The share at which the component gives no points.</summary>
        public double ZeroAt { get; set; }
        /// <summary>Weight × (1 − min(1, Value ÷ ZeroAt)), rounded to one decimal; null when the component could not be measured.</summary>
        public double? Points { get; set; }
        public bool Measured { get; set; } = true;
        /// <summary>What was counted, in words.</summary>
        public string Detail { get; set; } = "";
        /// <summary>The command that fixes what the component counts.</summary>
        public string FixedBy { get; set; } = "";

        public override string ToString() => $"{Name}: {(Points.HasValue ? Points.Value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "not measured")} of {Weight}";
    }
}
