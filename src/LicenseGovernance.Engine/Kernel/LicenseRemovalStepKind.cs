namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>How one step of a <see cref="LicenseRemovalPlan"/> takes a licence away, following the way it arrives.</summary>
    internal enum LicenseRemovalStepKind
    {
        /// <summary>assignLicense removes the direct assignment.</summary>
        RemoveDirectAssignment,

        /// <summary>An access package assignment delivers the group membership: ending it ends the membership too.</summary>
        EndAccessPackageAssignment,

        /// <summary>The user is taken out of the licence group (after a look for an access package that delivers it).</summary>
        LeaveGroup,
    }
}
