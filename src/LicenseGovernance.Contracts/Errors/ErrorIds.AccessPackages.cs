namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string AccessPackageApprovalRequired = "LicenseGovernance.AccessPackageApprovalRequired";
        public const string LicenseGroupIsDynamic = "LicenseGovernance.LicenseGroupIsDynamic";
        public const string ExceptionPackageNeedsTwoStages = "LicenseGovernance.ExceptionPackageNeedsTwoStages";
        public const string AccessPackageSettingInvalid = "LicenseGovernance.AccessPackageSettingInvalid";
        public const string PrincipalNotFound = "LicenseGovernance.PrincipalNotFound";
        public const string TierAccessPackageNotFound = "LicenseGovernance.TierAccessPackageNotFound";
        public const string AccessPackageHoldsOtherResources = "LicenseGovernance.AccessPackageHoldsOtherResources";
        public const string TierAssignmentExists = "LicenseGovernance.TierAssignmentExists";
        public const string TierAssignmentNotFound = "LicenseGovernance.TierAssignmentNotFound";
        public const string TierAssignmentIdNotFound = "LicenseGovernance.TierAssignmentIdNotFound";
        public const string TierAssignmentEndInvalid = "LicenseGovernance.TierAssignmentEndInvalid";
        public const string AccessPackagePlanStale = "LicenseGovernance.AccessPackagePlanStale";
        public const string TierAccessPackageInUse = "LicenseGovernance.TierAccessPackageInUse";
        public const string TierAccessPackageRemovalIncomplete = "LicenseGovernance.TierAccessPackageRemovalIncomplete";
        public const string DelegatedSignInRequired = "LicenseGovernance.DelegatedSignInRequired";
        public const string TierRequestRefused = "LicenseGovernance.TierRequestRefused";
        public const string TierAssignmentRequestNotFound = "LicenseGovernance.TierAssignmentRequestNotFound";
        public const string TierAssignmentRequestNotPending = "LicenseGovernance.TierAssignmentRequestNotPending";
        public const string NotApproverOfStage = "LicenseGovernance.NotApproverOfStage";
        public const string AccessReviewFallbackRequired = "LicenseGovernance.AccessReviewFallbackRequired";
        public const string AccessReviewDurationTooLong = "LicenseGovernance.AccessReviewDurationTooLong";
        public const string AccessReviewStartInPast = "LicenseGovernance.AccessReviewStartInPast";
        public const string AccessReviewDecisionNotFound = "LicenseGovernance.AccessReviewDecisionNotFound";
        public const string AccessReviewNotInProgress = "LicenseGovernance.AccessReviewNotInProgress";
    }
}
