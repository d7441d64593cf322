namespace LicenseGovernance
{
    /// <summary>What Remove-ZombieLicense did with one zombie licence.</summary>
    public enum ZombieRemovalOutcome
    {
        /// <summary>Taken away the way it arrives.</summary>
        Removed,
        /// <summary>Left in place, with the reason (no longer a zombie, mailbox, dynamic group, ...).</summary>
        Skipped,
        /// <summary>Graph refused a step; what was done before the failure is listed.</summary>
        Failed,
        /// <summary>-WhatIf, or the confirmation was declined.</summary>
        NotConfirmed,
    }
}
