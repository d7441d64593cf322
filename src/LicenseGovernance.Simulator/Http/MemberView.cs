namespace LicenseGovernance.Simulator.Http
{
    /// <summary>Which members a members route lists.</summary>
    internal enum MemberView
    {
        /// <summary>/members: users and nested groups.</summary>
        All,

        /// <summary>/members/microsoft.graph.user.</summary>
        Users,

        /// <summary>/members/microsoft.graph.group.</summary>
        Groups,

        /// <summary>/membersWithLicenseErrors: users whose licence from the group is in error.</summary>
        WithLicenseErrors,
    }
}
