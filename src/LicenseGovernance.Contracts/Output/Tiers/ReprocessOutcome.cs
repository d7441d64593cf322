namespace LicenseGovernance
{
    /// <summary>Where a user stands after Invoke-LicenseReprocess.</summary>
    public enum ReprocessOutcome
    {
        /// <summary>Asked for, not waited for.</summary>
        Requested,
        /// <summary>Every licence from the watched groups is active.</summary>
        Active,
        /// <summary>Entra processed the user and a licence is still in error.</summary>
        Error,
        /// <summary>Not settled when the wait ran out.</summary>
        Pending,
    }
}
