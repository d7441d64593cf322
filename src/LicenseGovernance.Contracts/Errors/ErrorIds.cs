namespace LicenseGovernance
{
    /// <summary>
    /// Every error id the module raises: here those of the connection and those every area shares (Graph, settings, users);
    /// each area's own are in ErrorIds.&lt;Area&gt;.cs. A test proves the values are unique and that each has a factory in <see cref="Errors"/>.
    /// </summary>
    public static partial class ErrorIds
    {
        public const string NotConnected = "LicenseGovernance.NotConnected";
        public const string NonInteractiveHost = "LicenseGovernance.NonInteractiveHost";
        public const string AuthenticationFailed = "LicenseGovernance.AuthenticationFailed";
        public const string InvalidGraphEndpoint = "LicenseGovernance.InvalidGraphEndpoint";
        public const string InvalidCredentialParameter = "LicenseGovernance.InvalidCredentialParameter";
        public const string CertificateNotFound = "LicenseGovernance.CertificateNotFound";
        public const string AccessTokenNotJwt = "LicenseGovernance.AccessTokenNotJwt";
        public const string AccessTokenClaimMissing = "LicenseGovernance.AccessTokenClaimMissing";
        public const string AccessTokenExpired = "LicenseGovernance.AccessTokenExpired";
        public const string PermissionDenied = "LicenseGovernance.PermissionDenied";
        public const string EntitlementRoleRequired = "LicenseGovernance.EntitlementRoleRequired";
        public const string TokenRejected = "LicenseGovernance.TokenRejected";
        public const string TenantLicenseRequired = "LicenseGovernance.TenantLicenseRequired";
        public const string GraphRequestFailed = "LicenseGovernance.GraphRequestFailed";
        public const string GraphUnreachable = "LicenseGovernance.GraphUnreachable";
        public const string Throttled = "LicenseGovernance.Throttled";
        public const string SnapshotInvalid = "LicenseGovernance.SnapshotInvalid";
        public const string OperationCancelled = "LicenseGovernance.OperationCancelled";
        public const string SettingsWriteFailed = "LicenseGovernance.SettingsWriteFailed";
        public const string SettingsFileInvalid = "LicenseGovernance.SettingsFileInvalid";
        public const string UserNotFound = "LicenseGovernance.UserNotFound";
        public const string TemporaryFileUnavailable = "LicenseGovernance.TemporaryFileUnavailable";
    }
}
