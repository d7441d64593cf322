namespace LicenseGovernance
{
    /// <summary>How one offboarding step stands after the run.</summary>
    public enum OffboardingStepStatus
    {
        /// <summary>This run did it.</summary>
        Done,
        /// <summary>The tenant (or an earlier run, as the journal shows) already had it done; nothing was sent.</summary>
        AlreadyDone,
        /// <summary>Something outside this run must happen first (the mailbox shared, Entra processing a group); run again after it.</summary>
        Waiting,
        /// <summary>Nothing to do for this user (no mailbox, no OneDrive, no notice asked for), or kept on purpose (a legal hold).</summary>
        Skipped,
        /// <summary>The module cannot do it (a dynamic, synced or mail-enabled group, a missing permission); Next says where to change it.</summary>
        Refused,
        /// <summary>Graph refused a write; the error was written and the next run tries again.</summary>
        Failed,
        /// <summary>-WhatIf, or not confirmed: what the run would do.</summary>
        Planned,
    }
}
