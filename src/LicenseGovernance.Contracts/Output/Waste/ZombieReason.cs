namespace LicenseGovernance
{
    /// <summary>Why a licence is paid for nobody.</summary>
    public enum ZombieReason
    {
        /// <summary>The account is disabled (accountEnabled false): nobody can sign in with it.</summary>
        Disabled,
        /// <summary>The employee has left: employeeLeaveDateTime is in the past.</summary>
        Departed,
        /// <summary>No successful sign-in for longer than -InactiveDays (and the account is older than that).</summary>
        Inactive,
        /// <summary>No sign-in ever recorded, and the account is older than -InactiveDays.</summary>
        NeverSignedIn,
    }
}
