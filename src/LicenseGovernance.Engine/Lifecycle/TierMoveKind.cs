namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>What one user's tier move has to do, as planned from the tenant.</summary>
    internal enum TierMoveKind
    {
        /// <summary>In exactly the desired tier, its licences active, nothing left over: nothing to do.</summary>
        None,
        /// <summary>
        /// An assignment of the desired (or a higher) tier is still being delivered; nothing is touched until it is, except that
        /// a tier whose assignment ends meanwhile is bridged.
        /// </summary>
        Waiting,
        /// <summary>The move needs something the module cannot change (leaving a dynamic tier); left alone, with the remedy.</summary>
        Blocked,
        /// <summary>Settled, but the tier's assignment ends within the look-ahead: a direct copy of its licences goes on now.</summary>
        LookAheadBridge,
        /// <summary>Settled in the desired tier, with other tiers, bridges or a due return marker left to take away.</summary>
        CleanUp,
        /// <summary>To a tier whose licences cannot sit beside the old ones: bridge, leave, swap in one request, join, verify.</summary>
        Exclusive,
        /// <summary>To a tier whose licences can sit beside the old ones: join, verify, then leave.</summary>
        NonExclusive,
    }
}
