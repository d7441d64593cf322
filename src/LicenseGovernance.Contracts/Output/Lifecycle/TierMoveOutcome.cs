namespace LicenseGovernance
{
    /// <summary>What Sync-LicenseTier or Move-UserLicenseTier did, or would do, for one user.</summary>
    public enum TierMoveOutcome
    {
        /// <summary>-WhatIf, or not confirmed: what the run would do.</summary>
        Planned,
        /// <summary>The user holds exactly the desired tier now, its licences active from its group.</summary>
        Moved,
        /// <summary>A direct copy of the user's tier licences was added ahead of an assignment's end, so its expiry takes nothing away.</summary>
        Bridged,
        /// <summary>Part of the move is done; access package delivery or Entra has not finished. The next run continues.</summary>
        Waiting,
        /// <summary>A step was refused; the user keeps what they held.</summary>
        Failed,
        /// <summary>Left alone, with the reason (another run holds the lease, a dynamic tier cannot be left).</summary>
        Skipped,
    }
}
