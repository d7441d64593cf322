using System;
using System.Collections.Generic;

namespace LicenseGovernance.Engine.Health
{
    /// <summary>Everything the health score is computed from, as measured in the tenant; the calculator needs nothing else.</summary>
    internal sealed class HealthInputs
    {
        public Guid? TenantId { get; set; }
        public DateTimeOffset MeasuredAt { get; set; }

        /// <summary>Null when the waste scan could not run (the reason is in <see cref="Warnings"/>).</summary>
        public WasteInput? Waste { get; set; }

        /// <summary>Users holding at least one licence by any path (direct or group), in any state.</summary>
        public int LicensedUsers { get; set; }
        /// <summary>Licensed users with at least one licence in state Error or ActiveWithError.</summary>
        public int UsersInError { get; set; }
        /// <summary>Errors by Graph's error type (CountViolation, ...), one per user and SKU in error.</summary>
        public Dictionary<string, int> ErrorsByType { get; set; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Licences held, one per user and SKU, whichever path they arrive by.</summary>
        public int LicenseAssignments { get; set; }
        /// <summary>Of those, the ones held directly (including those also inherited from a group).</summary>
        public int DirectAssignments { get; set; }

        /// <summary>Live access package assignments that hand out a licensed group other than the baseline tier; null when entitlement management could not be read.</summary>
        public int? PackageAssignments { get; set; }
        public int? PackageAssignmentsWithoutEnd { get; set; }
        /// <summary>Groups that carry a licence.</summary>
        public int LicensedGroups { get; set; }
        /// <summary>Licensed groups with no owner; null when owners could not be read.</summary>
        public int? LicensedGroupsWithoutOwner { get; set; }

        /// <summary>Tier groups in the tenant.</summary>
        public int Tiers { get; set; }
        /// <summary>Users with a licence state from at least one tier group.</summary>
        public int TierUsers { get; set; }
        /// <summary>Users with licence states from two or more tier groups.</summary>
        public int ConflictingTierUsers { get; set; }

        public List<string> Warnings { get; set; } = new List<string>();

        /// <summary>Forgets what a user pass counted, so a pass that broke off can be run again from the start.</summary>
        public void ClearUserCounts()
        {
            LicensedUsers = 0;
            UsersInError = 0;
            ErrorsByType.Clear();
            LicenseAssignments = 0;
            DirectAssignments = 0;
            TierUsers = 0;
            ConflictingTierUsers = 0;
        }
    }

    /// <summary>What the seats of priced SKUs cost a month, and how much of it buys nothing.</summary>
    internal sealed class WasteInput
    {
        public decimal PurchasedMonthlyCost { get; set; }
        public decimal UnassignedMonthlyCost { get; set; }
        public decimal ZombieMonthlyCost { get; set; }
        public int UnassignedSeats { get; set; }
        public int ZombieSeats { get; set; }
        /// <summary>SKUs with seats but no price, left out of the money.</summary>
        public int UnpricedSkus { get; set; }
        public string? Currency { get; set; }
    }
}
