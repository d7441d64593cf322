namespace LicenseGovernance
{
    /// <summary>Mirrors the names of System.Management.Automation.ErrorCategory that the module uses; the cmdlet layer maps by name.</summary>
    public enum GovernanceErrorCategory
    {
        NotSpecified,
        InvalidArgument,
        InvalidData,
        InvalidOperation,
        ObjectNotFound,
        PermissionDenied,
        AuthenticationError,
        ConnectionError,
        LimitsExceeded,
        ResourceUnavailable,
        OperationStopped,
        ResourceExists,
        ReadError,
        WriteError,
        NotImplemented,
    }
}
