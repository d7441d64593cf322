namespace LicenseGovernance
{
    /// <summary>Every error id the module raises. A test proves the values are unique and that each has a factory in <see cref="Errors"/>.</summary>
    public static partial class ErrorIds
    {
        public const string NotConnected = "LicenseGovernance.NotConnected";
        public const string NonInteractiveHost = "LicenseGovernance.NonInteractiveHost";
        public const string AuthenticationFailed = "LicenseGovernance.AuthenticationFailed";
        public const string InvalidGraphEndpoint = "LicenseGovernance.InvalidGraphEndpoint";
        public const string InvalidCredentialParameter = "LicenseGovernance.InvalidCredentialParameter";
        public const string CertificateNotFound = "LicenseGovernance.CertificateNotFound";
        public const string PermissionDenied = "LicenseGovernance.PermissionDenied";
        public const string TokenRejected = "LicenseGovernance.TokenRejected";
        public const string TenantLicenseRequired = "LicenseGovernance.TenantLicenseRequired";
        public const string GraphRequestFailed = "LicenseGovernance.GraphRequestFailed";
        public const string GraphUnreachable = "LicenseGovernance.GraphUnreachable";
        public const string Throttled = "LicenseGovernance.Throttled";
        public const string SkuNotFound = "LicenseGovernance.SkuNotFound";
        public const string ServicePlanNotFound = "LicenseGovernance.ServicePlanNotFound";
        public const string CatalogFileNotFound = "LicenseGovernance.CatalogFileNotFound";
        public const string CatalogFileInvalid = "LicenseGovernance.CatalogFileInvalid";
        public const string PriceFileInvalid = "LicenseGovernance.PriceFileInvalid";
        public const string PriceInvalid = "LicenseGovernance.PriceInvalid";
        public const string SnapshotInvalid = "LicenseGovernance.SnapshotInvalid";
        public const string SimulatorRequired = "LicenseGovernance.SimulatorRequired";
        public const string OperationCancelled = "LicenseGovernance.OperationCancelled";
        public const string SettingsWriteFailed = "LicenseGovernance.SettingsWriteFailed";
        public const string SettingsFileInvalid = "LicenseGovernance.SettingsFileInvalid";
        public const string GroupNotFound = "LicenseGovernance.GroupNotFound";
        public const string GroupNameAmbiguous = "LicenseGovernance.GroupNameAmbiguous";
        public const string GroupServesOtherPurpose = "LicenseGovernance.GroupServesOtherPurpose";
        public const string NotATierGroup = "LicenseGovernance.NotATierGroup";
        public const string TierRankInUse = "LicenseGovernance.TierRankInUse";
        public const string BaselineAlreadyDefined = "LicenseGovernance.BaselineAlreadyDefined";
        public const string TierGroupInUse = "LicenseGovernance.TierGroupInUse";
        public const string MembershipRuleInvalid = "LicenseGovernance.MembershipRuleInvalid";
        public const string PlanSelectionInvalid = "LicenseGovernance.PlanSelectionInvalid";
        public const string UserNotFound = "LicenseGovernance.UserNotFound";
        public const string TierGroupChanged = "LicenseGovernance.TierGroupChanged";
        public const string TierRankInvalid = "LicenseGovernance.TierRankInvalid";
        public const string GroupCannotCarryLicenses = "LicenseGovernance.GroupCannotCarryLicenses";
        public const string TierReplacementNotActive = "LicenseGovernance.TierReplacementNotActive";
        public const string NotEnoughSeats = "LicenseGovernance.NotEnoughSeats";
        public const string TierLicensesExclusive = "LicenseGovernance.TierLicensesExclusive";
    }
}
