namespace LicenseGovernance.Simulator.Http
{
    /// <summary>Accepted permissions per operation (graph-contract §9: least privileged plus the broader alternatives).</summary>
    internal static class Permissions
    {
        public static readonly string[] UserRead = { "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" };

        /// <summary>Delegated callers may list basic profile properties with User.ReadBasic.All alone.</summary>
        public static readonly string[] UserReadBasic = { "User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" };

        public static readonly string[] UserWrite = { "User.ReadWrite.All", "Directory.ReadWrite.All" };

        public static readonly string[] UserEnableDisable = { "User.EnableDisableAccount.All", "User.ReadWrite.All", "Directory.ReadWrite.All" };

        public static readonly string[] LifeCycleRead = { "User-LifeCycleInfo.Read.All", "User-LifeCycleInfo.ReadWrite.All" };

        public static readonly string[] LifeCycleWrite = { "User-LifeCycleInfo.ReadWrite.All" };

        public static readonly string[] AuditLogRead = { "AuditLog.Read.All" };

        public static readonly string[] RevokeSessions = { "User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All" };

        public static readonly string[] LicenseAssign = { "LicenseAssignment.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All" };

        public static readonly string[] GroupLicenseAssign = { "LicenseAssignment.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All" };

        public static readonly string[] LicenseDetailsRead = { "LicenseAssignment.Read.All", "LicenseAssignment.ReadWrite.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" };

        public static readonly string[] SubscribedSkusRead = { "LicenseAssignment.Read.All", "LicenseAssignment.ReadWrite.All", "Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" };

        public static readonly string[] GroupCreate = { "Group.Create", "Group.ReadWrite.All", "Directory.ReadWrite.All" };

        public static readonly string[] GroupRead = { "GroupMember.Read.All", "Group.Read.All", "GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" };

        public static readonly string[] GroupWrite = { "Group.ReadWrite.All", "Directory.ReadWrite.All" };

        public static readonly string[] GroupMemberWrite = { "GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All" };

        /// <summary>
        /// Needed in addition to <see cref="GroupMemberWrite"/> to change the membership of a role-assignable group
        /// (isAssignableToRole); no broader permission stands in for it.
        /// </summary>
        public static readonly string[] RoleAssignableGroupMemberWrite = { "RoleManagement.ReadWrite.Directory" };

        public static readonly string[] AppRoleAssignmentRead = { "Directory.Read.All", "AppRoleAssignment.ReadWrite.All", "Directory.ReadWrite.All" };

        /// <summary>Open extensions on groups: Group.ReadWrite.All for every write (the docs list no narrower permission).</summary>
        public static readonly string[] GroupExtensionWrite = { "Group.ReadWrite.All", "Directory.ReadWrite.All" };

        public static readonly string[] EntitlementRead = { "EntitlementManagement.Read.All", "EntitlementManagement.ReadWrite.All" };

        public static readonly string[] EntitlementWrite = { "EntitlementManagement.ReadWrite.All" };

        public static readonly string[] AccessReviewRead = { "AccessReview.Read.All", "AccessReview.ReadWrite.All" };

        /// <summary>Recording a review decision: AccessReview.ReadWrite.All, delegated only ("Update accessReviewInstanceDecisionItem").</summary>
        public static readonly string[] AccessReviewWrite = { "AccessReview.ReadWrite.All" };

        /// <summary>Lifecycle workflows: reading workflows, their versions and tasks (granular permission first).</summary>
        public static readonly string[] WorkflowRead = { "LifecycleWorkflows-Workflow.Read.All", "LifecycleWorkflows-Workflow.ReadWrite.All", "LifecycleWorkflows.Read.All", "LifecycleWorkflows.ReadWrite.All" };

        public static readonly string[] WorkflowWrite = { "LifecycleWorkflows-Workflow.ReadWrite.All", "LifecycleWorkflows.ReadWrite.All" };

        public static readonly string[] WorkflowActivate = { "LifecycleWorkflows-Workflow.Activate", "LifecycleWorkflows.ReadWrite.All" };

        /// <summary>Runs and processing results ("List runs": LifecycleWorkflows-Reports.Read.All least).</summary>
        public static readonly string[] LifecycleReportsRead = { "LifecycleWorkflows-Reports.Read.All", "LifecycleWorkflows.Read.All", "LifecycleWorkflows.ReadWrite.All" };

        /// <summary>Task definitions and settings ("List taskDefinitions": LifecycleWorkflows.Read.All least).</summary>
        public static readonly string[] LifecycleRead = { "LifecycleWorkflows.Read.All", "LifecycleWorkflows.ReadWrite.All" };

        /// <summary>Updating lifecycleManagementSettings has no narrower permission.</summary>
        public static readonly string[] LifecycleWrite = { "LifecycleWorkflows.ReadWrite.All" };

        /// <summary>GET mailboxSettings (v1.0 "Get user mailbox settings": MailboxSettings.Read least).</summary>
        public static readonly string[] MailboxSettingsRead = { "MailboxSettings.Read", "MailboxSettings.ReadWrite" };

        /// <summary>Reading a user's drive and its root's permissions (v1.0 "Get drive", "List permissions").</summary>
        public static readonly string[] FilesRead = { "Files.Read.All", "Files.ReadWrite.All", "Sites.Read.All", "Sites.ReadWrite.All" };

        /// <summary>driveItem invite for another user's OneDrive: Files.ReadWrite.All least for application callers.</summary>
        public static readonly string[] FilesWrite = { "Files.ReadWrite.All", "Sites.ReadWrite.All" };

        /// <summary>sendMail, delegated (/me) or application (/users/{id}); no broader permission stands in for it.</summary>
        public static readonly string[] MailSend = { "Mail.Send" };

        /// <summary>eDiscovery cases, legal holds and their user sources (v1.0: eDiscovery.Read.All least).</summary>
        public static readonly string[] EdiscoveryRead = { "eDiscovery.Read.All", "eDiscovery.ReadWrite.All" };

        /// <summary>Every application permission in graph-contract §9, for the default app-only principal.</summary>
        public static readonly string[] AllApplication =
        {
            "User.Read.All", "User.ReadWrite.All", "AuditLog.Read.All", "User-LifeCycleInfo.Read.All", "User-LifeCycleInfo.ReadWrite.All",
            "LicenseAssignment.Read.All", "LicenseAssignment.ReadWrite.All", "User.RevokeSessions.All", "User.EnableDisableAccount.All",
            "Organization.Read.All", "Directory.Read.All", "Directory.ReadWrite.All", "Group.Create", "GroupMember.Read.All", "Group.Read.All",
            "Group.ReadWrite.All", "GroupMember.ReadWrite.All", "EntitlementManagement.Read.All", "EntitlementManagement.ReadWrite.All",
            "LifecycleWorkflows.Read.All", "LifecycleWorkflows-Workflow.ReadWrite.All", "LifecycleWorkflows.ReadWrite.All",
            "LifecycleWorkflows-Workflow.Activate", "Reports.Read.All", "ReportSettings.Read.All", "ReportSettings.ReadWrite.All",
            "RoleManagement.ReadWrite.Directory", "AccessReview.Read.All", "AccessReview.ReadWrite.All", "MailboxSettings.Read", "Files.ReadWrite.All",
            "Mail.Send", "eDiscovery.Read.All",
        };
    }
}
