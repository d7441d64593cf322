namespace LicenseGovernance
{
    /// <summary>Ways a user stands outside "exactly one tier" (Get-LicenseTierConflict).</summary>
    public enum TierConflictKind
    {
        /// <summary>Member of two or more tier groups.</summary>
        MultipleTiers,
        /// <summary>In a tier and holding one of its SKUs directly as well.</summary>
        TierAndDirect,
        /// <summary>Holding a tier's SKU directly while in no tier.</summary>
        DirectWithoutTier,
        /// <summary>In the tier system (an assignment of a tier package) but in no tier group.</summary>
        NoTier,
        /// <summary>A static member of a tier above the baseline that no access package assignment delivers: no owner, no end date.</summary>
        UngovernedMembership,
        /// <summary>In a dynamic baseline while entitled to a higher tier: the rule keeps the user in both.</summary>
        DynamicBaseline,
        /// <summary>A tier's licence is in an error state for the user (for example MutuallyExclusiveViolation beside another tier).</summary>
        TierLicenseError,
    }
}
