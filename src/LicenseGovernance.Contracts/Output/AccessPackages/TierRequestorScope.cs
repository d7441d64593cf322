namespace LicenseGovernance
{
    /// <summary>Who a tier package's policy lets request it (Graph's allowedTargetScope).</summary>
    public enum TierRequestorScope
    {
        /// <summary>The package has no policy, so nobody can be assigned it.</summary>
        Nobody,
        /// <summary>Every member user of the tenant, no guests (allMemberUsers).</summary>
        AllMembers,
        /// <summary>Every user of the directory, guests included (allDirectoryUsers).</summary>
        AllUsers,
        /// <summary>The users and groups in Requestors (specificDirectoryUsers).</summary>
        SpecificUsers,
        /// <summary>A scope this module does not write (connected organisations), as Graph names it in the summary.</summary>
        Other,
    }
}
