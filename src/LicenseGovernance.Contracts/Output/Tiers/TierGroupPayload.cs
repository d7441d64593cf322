using System;
using System.Collections.Generic;

namespace LicenseGovernance
{
    /// <summary>
    /// What applying a <see cref="TierGroupPlan"/> sends, resolved by the planner to ids so that applying needs nothing the
    /// plan did not show. Plain data, because the plan travels through the cmdlet and back to the engine; not for display.
    /// </summary>
    public sealed class TierGroupPayload
    {
        /// <summary>The group's state when planned (Update, Remove): the plan is applied only while the group still has it.</summary>
        public string? Fingerprint { get; set; }
        /// <summary>The new group's mail nickname (Create).</summary>
        public string? MailNickname { get; set; }
        /// <summary>The description to set; null leaves it as it is, empty clears it.</summary>
        public string? Description { get; set; }
        /// <summary>The membership to set: a dynamic rule, empty for static, null to leave it as it is.</summary>
        public string? MembershipRule { get; set; }
        public int Tier { get; set; }
        public bool Baseline { get; set; }
        public TierRecordChange Record { get; set; }
        /// <summary>SKUs to add, or to give other disabled plans.</summary>
        public ItemList<PlannedLicense> AddLicenses { get; set; } = new ItemList<PlannedLicense>();
        /// <summary>SKUs to take off the group.</summary>
        public ItemList<Guid> RemoveLicenses { get; set; } = new ItemList<Guid>();

        public override string ToString() => $"tier {Tier}{(Baseline ? " (baseline)" : "")}; add {AddLicenses}; remove {RemoveLicenses}";
    }
}
