namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string AccessPackageApprovalRequired = "LicenseGovernance.AccessPackage.ApprovalRequired";
        public const string ExceptionPackageNeedsTwoStages = "LicenseGovernance.AccessPackage.ExceptionNeedsTwoStages";
        public const string AccessPackageSettingInvalid = "LicenseGovernance.AccessPackage.SettingInvalid";
        public const string PrincipalNotFound = "LicenseGovernance.AccessPackage.PrincipalNotFound";
        public const string TierAccessPackageNotFound = "LicenseGovernance.AccessPackage.NotFound";
        public const string AccessPackageHoldsOtherResources = "LicenseGovernance.AccessPackage.HoldsOtherResources";
        public const string TierAssignmentExists = "LicenseGovernance.AccessPackage.AssignmentExists";
        public const string TierAssignmentNotFound = "LicenseGovernance.AccessPackage.AssignmentNotFound";
        public const string TierAssignmentEndInvalid = "LicenseGovernance.AccessPackage.EndDateInvalid";
        public const string AccessPackagePlanStale = "LicenseGovernance.AccessPackage.PlanStale";
    }
}
