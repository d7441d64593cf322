namespace LicenseGovernance.Requests
{
    /// <summary>New-LicenseTierGroup and Set-LicenseTierGroup: the desired state of one tier group.</summary>
    public sealed class TierGroupRequest
    {
        public const int MinTier = 1;
        public const int MaxTier = 1000;
        /// <summary>The longest group displayName Microsoft Entra accepts.</summary>
        public const int MaxNameLength = 256;

        /// <summary>Display name of the group (also how an existing tier is found).</summary>
        public string Name { get; set; } = "";
        /// <summary>True for New (create or converge), false for Set (the tier must exist).</summary>
        public bool CreateIfMissing { get; set; }
        /// <summary>Part numbers, ids or product names; null on Set means unchanged.</summary>
        public string[]? Sku { get; set; }
        /// <summary>The tier's rank (-Rank): higher ranks are upgrades of lower ones; null keeps an existing rank or takes the next one.</summary>
        public int? Rank { get; set; }
        public bool? Baseline { get; set; }
        /// <summary>Plan names (or ids or friendly names) to enable; every other plan of the SKU is disabled.</summary>
        public string[]? EnabledPlan { get; set; }
        /// <summary>Plan names to disable; every other plan stays enabled.</summary>
        public string[]? DisabledPlan { get; set; }
        /// <summary>
        /// A dynamic membership rule, or empty for static. Null keeps an existing group's membership as it is (a dynamic group
        /// keeps its rule); a group New creates is then static.
        /// </summary>
        public string? MembershipRule { get; set; }
        /// <summary>Null keeps an existing group's description; empty clears it.</summary>
        public string? Description { get; set; }
        /// <summary>
        /// Go ahead where the change would otherwise be refused: a group that serves another purpose becomes a tier, or
        /// members lose a SKU or service plan they hold from nowhere else.
        /// </summary>
        public bool Force { get; set; }
    }

    public sealed class RemoveTierGroupRequest
    {
        public string Group { get; set; } = "";
        /// <summary>Remove even when members would be left without any licence.</summary>
        public bool Force { get; set; }
    }

    public sealed class GetTierGroupRequest
    {
        /// <summary>Names (wildcards allowed) or ids; every tier when empty.</summary>
        public string[]? Name { get; set; }
    }

    public sealed class TestMembershipRuleRequest
    {
        public string Rule { get; set; } = "";
        /// <summary>The SKU the tier would carry, for seat demand and cost.</summary>
        public string? Sku { get; set; }
        /// <summary>An existing tier group the rule is meant for, for who would join and leave.</summary>
        public string? Group { get; set; }
    }

    public sealed class GetGroupLicenseErrorRequest
    {
        /// <summary>Group names or ids; every licensed group when empty.</summary>
        public string[]? Group { get; set; }
        public string[]? ErrorType { get; set; }
        /// <summary>Write one summary object instead of the entries.</summary>
        public bool Summary { get; set; }
    }

    public sealed class ReprocessRequest
    {
        /// <summary>User ids or UPNs.</summary>
        public string[]? User { get; set; }
        /// <summary>A group whose members in error are reprocessed (Graph v1.0 has no group-level reprocess).</summary>
        public string? Group { get; set; }
        public bool Wait { get; set; }
        public int WaitTimeoutSeconds { get; set; } = 300;

        public const int MinWaitTimeoutSeconds = 1;
        /// <summary>A day: Microsoft asks for a support ticket when group licensing takes longer than that.</summary>
        public const int MaxWaitTimeoutSeconds = 86400;
    }
}
