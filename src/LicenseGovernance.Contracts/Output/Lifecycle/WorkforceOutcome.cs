namespace LicenseGovernance
{
    /// <summary>What Sync-WorkforceLicense did, or would do, for one person.</summary>
    public enum WorkforceOutcome
    {
        /// <summary>-WhatIf, -Preview, or not confirmed: what the run would do.</summary>
        Planned,
        /// <summary>Done: the person holds what the rules give (and Entra has the HR dates).</summary>
        Changed,
        /// <summary>Part of the change is done; delivery or Entra has not finished. The next run continues.</summary>
        Waiting,
        /// <summary>Not started, because the tenant lacks the seats (Detail says how many, and what buying them costs).</summary>
        Refused,
        /// <summary>A step was refused; the person keeps what they held.</summary>
        Failed,
        /// <summary>Nothing to do now: a later start or last day, or a tier left to its dynamic rule.</summary>
        Deferred,
    }
}
