using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LicenseGovernance.Simulator.Model
{
    public sealed class SimulatedGroup
    {
        public Guid Id { get; set; }

        public string DisplayName { get; set; } = string.Empty;

        public string? Description { get; set; }

        public bool MailEnabled { get; set; }

        public string MailNickname { get; set; } = string.Empty;

        public bool SecurityEnabled { get; set; } = true;

        public string? Mail { get; set; }

        public List<string> GroupTypes { get; set; } = new List<string>();

        public string? MembershipRule { get; set; }

        public string? MembershipRuleProcessingState { get; set; }

        public bool IsAssignableToRole { get; set; }

        public string? Visibility { get; set; }

        public string SecurityIdentifier { get; set; } = string.Empty;

        public DateTimeOffset CreatedDateTime { get; set; }

        /// <summary>The group's licences (skuId + disabledPlans); members inherit them.</summary>
        public List<AssignedLicense> AssignedLicenses { get; set; } = new List<AssignedLicense>();

        /// <summary>QueuedForProcessing, ProcessingInProgress or ProcessingComplete; null when the group never carried licences.</summary>
        public string? LicenseProcessingState { get; set; }

        /// <summary>Direct members in the order they were added.</summary>
        public List<Guid> Members { get; set; } = new List<Guid>();

        public DateTimeOffset? VisibleAfter { get; set; }

        [JsonIgnore]
        public bool IsDynamic => GroupTypes.Exists(t => string.Equals(t, "DynamicMembership", StringComparison.OrdinalIgnoreCase));

        [JsonIgnore]
        internal HashSet<Guid> MemberSet { get; } = new HashSet<Guid>();

        [JsonIgnore]
        internal long Sequence { get; set; }
    }
}
