namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>Why a licence cannot be taken away through Graph: each names the group whose membership cannot be changed here.</summary>
    internal enum LicenseRemovalRefusalKind
    {
        /// <summary>The group's membership rule would add the user straight back.</summary>
        DynamicGroup,

        /// <summary>On-premises Active Directory masters the membership.</summary>
        SyncedGroup,

        /// <summary>Exchange Online masters the membership of a mail-enabled security group.</summary>
        MailEnabledGroup,

        /// <summary>A role-assignable group, and the token lacks RoleManagement.ReadWrite.Directory.</summary>
        RoleAssignableGroup,
    }
}
