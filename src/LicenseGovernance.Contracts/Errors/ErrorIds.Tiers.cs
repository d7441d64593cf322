namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string GroupNotFound = "LicenseGovernance.GroupNotFound";
        public const string GroupNameAmbiguous = "LicenseGovernance.GroupNameAmbiguous";
        public const string GroupServesOtherPurpose = "LicenseGovernance.GroupServesOtherPurpose";
        public const string NotATierGroup = "LicenseGovernance.NotATierGroup";
        public const string TierRankInUse = "LicenseGovernance.TierRankInUse";
        public const string BaselineAlreadyDefined = "LicenseGovernance.BaselineAlreadyDefined";
        public const string TierGroupInUse = "LicenseGovernance.TierGroupInUse";
        public const string MembershipRuleInvalid = "LicenseGovernance.MembershipRuleInvalid";
        public const string PlanSelectionInvalid = "LicenseGovernance.PlanSelectionInvalid";
        public const string TierGroupChanged = "LicenseGovernance.TierGroupChanged";
        public const string TierRankInvalid = "LicenseGovernance.TierRankInvalid";
        public const string TierGivenAsRank = "LicenseGovernance.TierGivenAsRank";
        public const string GroupCannotCarryLicenses = "LicenseGovernance.GroupCannotCarryLicenses";
        public const string TierReplacementNotActive = "LicenseGovernance.TierReplacementNotActive";
        public const string TierLicensesExclusive = "LicenseGovernance.TierLicensesExclusive";
        public const string NotEnoughSeats = "LicenseGovernance.NotEnoughSeats";
        public const string TierChangeTakesLicenses = "LicenseGovernance.TierChangeTakesLicenses";
        public const string TierHandedOutByAccessPackage = "LicenseGovernance.TierHandedOutByAccessPackage";
        public const string TierGroupNameTooLong = "LicenseGovernance.TierGroupNameTooLong";
        public const string ReprocessTimeoutInvalid = "LicenseGovernance.ReprocessTimeoutInvalid";
    }
}
