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

        /// <summary>True for a group synced from on-premises Active Directory (its membership is changed there); null for cloud groups.</summary>
        public bool? OnPremisesSyncEnabled { get; set; }

        /// <summary>
        /// Whether Graph refuses membership changes: a synced group is mastered on-premises, a mail-enabled security group
        /// (or distribution list) by Exchange Online.
        /// </summary>
        [JsonIgnore]
        public bool MembershipMasteredElsewhere => OnPremisesSyncEnabled == true || (MailEnabled && !IsUnified);

        public string? Visibility { get; set; }

        public string SecurityIdentifier { get; set; } = string.Empty;

        public DateTimeOffset CreatedDateTime { get; set; }

        /// <summary>The group's licences (skuId + disabledPlans); members inherit them.</summary>
        public List<AssignedLicense> AssignedLicenses { get; set; } = new List<AssignedLicense>();

        /// <summary>QueuedForProcessing, ProcessingInProgress or ProcessingComplete; null when the group never carried licences.</summary>
        public string? LicenseProcessingState { get; set; }

        /// <summary>Direct members (users, and groups nested in this one) in the order they were added.</summary>
        public List<Guid> Members { get; set; } = new List<Guid>();

        /// <summary>Owners (users) in the order they were added; GET /groups/{id}/owners lists them.</summary>
        public List<Guid> Owners { get; set; } = new List<Guid>();

        /// <summary>Open extensions (openTypeExtension) in the order they were created.</summary>
        public List<SimulatedOpenExtension> Extensions { get; set; } = new List<SimulatedOpenExtension>();

        /// <summary>App roles granted to the group; set up through <see cref="TenantStore.AddAppRoleAssignment"/>.</summary>
        public List<SimulatedAppRoleAssignment> AppRoleAssignments { get; set; } = new List<SimulatedAppRoleAssignment>();

        public DateTimeOffset? VisibleAfter { get; set; }

        [JsonIgnore]
        public bool IsDynamic => GroupTypes.Exists(t => string.Equals(t, "DynamicMembership", StringComparison.OrdinalIgnoreCase));

        [JsonIgnore]
        internal HashSet<Guid> MemberSet { get; } = new HashSet<Guid>();

        /// <summary>Groups this group is a direct member of, derived from their member lists; rebuilt after a snapshot load.</summary>
        [JsonIgnore]
        internal HashSet<Guid> MemberOf { get; } = new HashSet<Guid>();

        [JsonIgnore]
        internal bool IsUnified => GroupTypes.Exists(t => string.Equals(t, "Unified", StringComparison.OrdinalIgnoreCase));

        [JsonIgnore]
        internal long Sequence { get; set; }
    }
}
