namespace LicenseGovernance.Simulator
{
    /// <summary>
    /// How much background work the tenant has run since it was created or loaded (not saved in snapshots): what a caller
    /// that moves the clock reads before and after to say what ran meanwhile.
    /// </summary>
    public sealed class CompletedWork
    {
        /// <summary>Users processed by group-based licensing (one group's licences for one user).</summary>
        public long LicenseProcessingSteps { get; internal set; }

        /// <summary>Dynamic membership evaluations (a group's whole rule, or the users whose attributes changed).</summary>
        public long MembershipEvaluations { get; internal set; }

        public long AccessPackageDeliveries { get; internal set; }

        /// <summary>Assignments ended by a removal request (adminRemove, userRemove).</summary>
        public long AccessPackageRemovals { get; internal set; }

        /// <summary>Assignments ended by their end date.</summary>
        public long AccessPackageExpiries { get; internal set; }

        /// <summary>Approval stages denied because nobody decided in time.</summary>
        public long ApprovalTimeouts { get; internal set; }

        /// <summary>What ran between <paramref name="earlier"/> and this tally.</summary>
        public CompletedWork Since(CompletedWork earlier) => new CompletedWork
        {
            LicenseProcessingSteps = LicenseProcessingSteps - earlier.LicenseProcessingSteps,
            MembershipEvaluations = MembershipEvaluations - earlier.MembershipEvaluations,
            AccessPackageDeliveries = AccessPackageDeliveries - earlier.AccessPackageDeliveries,
            AccessPackageRemovals = AccessPackageRemovals - earlier.AccessPackageRemovals,
            AccessPackageExpiries = AccessPackageExpiries - earlier.AccessPackageExpiries,
            ApprovalTimeouts = ApprovalTimeouts - earlier.ApprovalTimeouts,
        };

        internal CompletedWork Copy() => Since(new CompletedWork());
    }
}
