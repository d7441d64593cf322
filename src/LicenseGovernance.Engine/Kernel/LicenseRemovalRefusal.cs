namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// Why a plan cannot free the SKU, found before anything is changed: taking away only the licence's other sources would
    /// not free the seat. <see cref="Code"/> and <see cref="Detail"/> are what a skipped row shows; <see cref="Error"/> is the error to write.
    /// </summary>
    internal sealed class LicenseRemovalRefusal
    {
        public LicenseRemovalRefusal(LicenseRemovalRefusalKind kind, string groupId, string groupName, string skuPartNumber, bool delegated)
        {
            Kind = kind;
            GroupId = groupId;
            GroupName = groupName;
            SkuPartNumber = skuPartNumber;
            Delegated = delegated;
        }

        public LicenseRemovalRefusalKind Kind { get; }

        public string GroupId { get; }

        /// <summary>The group's display name, or its id when the group could not be read.</summary>
        public string GroupName { get; }

        public string SkuPartNumber { get; }

        /// <summary>A signed-in user's token (not an application's): what to ask for differs.</summary>
        public bool Delegated { get; }

        public string Code => Kind.ToString();

        public string Detail => Kind switch
        {
            LicenseRemovalRefusalKind.DynamicGroup => $"Inherited from the dynamic group '{GroupName}'.",
            LicenseRemovalRefusalKind.SyncedGroup => $"Inherited from '{GroupName}', a group synced from on-premises Active Directory.",
            LicenseRemovalRefusalKind.MailEnabledGroup => $"Inherited from '{GroupName}', a mail-enabled security group.",
            _ => $"Inherited from '{GroupName}', a role-assignable group; the token lacks {LicenseRemovalPlanner.RoleManagementWrite}.",
        };

        /// <summary>The error that says where the membership can be changed; <paramref name="target"/> names the user and licence.</summary>
        public GovernanceError Error(string target) => Kind switch
        {
            LicenseRemovalRefusalKind.DynamicGroup => Errors.ZombieLicenseFromDynamicGroup(target, SkuPartNumber, GroupName),
            LicenseRemovalRefusalKind.SyncedGroup => Errors.ZombieLicenseFromSyncedGroup(target, SkuPartNumber, GroupName),
            LicenseRemovalRefusalKind.MailEnabledGroup => Errors.ZombieLicenseFromMailEnabledGroup(target, SkuPartNumber, GroupName),
            _ => Errors.ZombieLicenseFromRoleAssignableGroup(target, SkuPartNumber, GroupName, Delegated),
        };
    }
}
