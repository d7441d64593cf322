using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// Every capability the module has and the Graph permissions each needs. Kept as data so that
    /// Test-LicenseGovernancePermission, the 403 translation and the default delegated scopes all agree.
    /// </summary>
    public static class CapabilityCatalog
    {
        public const string EntraP1 = "Microsoft Entra ID P1";
        public const string EntraP2OrGovernance = "Microsoft Entra ID P2 or Microsoft Entra ID Governance";
        public const string EntraGovernance = "Microsoft Entra ID Governance";

        private const string DelegatedRoleNote = "Delegated calls also need a supporting Entra role for the signed-in user.";

        public static IReadOnlyList<Capability> All { get; } = new[]
        {
            new Capability(
                "ReadSkus", "Read subscribed SKUs",
                new[] { "Get-LicenseSku", "Get-ZombieLicense", "Get-LicenseUtilization", "Get-LicenseHealth", "Export-LicenseHealthReport", "Get-UnderusedLicense", "Sync-LicenseTier", "Move-UserLicenseTier", "Sync-WorkforceLicense", "Get-LicenseTierConflict", "Remove-TierAccessPackage", "Start-LicenseOffboarding" },
                "LicenseAssignment.Read.All", "LicenseAssignment.Read.All",
                new[] { "LicenseAssignment.ReadWrite.All", "Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" }),
            new Capability(
                "ReadUsers", "Read users and their licences",
                new[] { "Get-ZombieLicense", "Get-LicenseUtilization", "Remove-ZombieLicense", "Get-DirectLicenseAssignment", "Move-DirectToGroupLicense", "Test-LicenseMembershipRule", "Invoke-LicenseReprocess", "Get-LicenseHealth", "Export-LicenseHealthReport", "Get-UnderusedLicense", "Undo-LicenseChange", "Sync-LicenseTier", "Move-UserLicenseTier", "Sync-WorkforceLicense", "Get-LicenseTierConflict", "Remove-TierAccessPackage", "Start-LicenseOffboarding" },
                "User.Read.All", "User.Read.All",
                new[] { "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" },
                notes: "User.ReadBasic.All is not enough: it hides assignedLicenses and licenseAssignmentStates."),
            new Capability(
                "ReadSignInActivity", "Read users' last sign-in (signInActivity)",
                new[] { "Get-ZombieLicense", "Get-LicenseUtilization", "Get-LicenseHealth", "Export-LicenseHealthReport" },
                "AuditLog.Read.All", "AuditLog.Read.All",
                tenantLicense: EntraP1,
                notes: "Needs ReadUsers (User.Read.All) too. " + DelegatedRoleNote + " For example Reports Reader or Security Reader.",
                alsoRequires: new[] { "ReadUsers" }),
            new Capability(
                "ReadLifecycleInfo", "Read employee leave dates (employeeLeaveDateTime)",
                new[] { "Get-ZombieLicense", "Get-LicenseUtilization", "Get-LicenseHealth", "Export-LicenseHealthReport", "Sync-WorkforceLicense" },
                "User-LifeCycleInfo.Read.All", "User-LifeCycleInfo.Read.All",
                new[] { "User-LifeCycleInfo.ReadWrite.All" },
                notes: "Needs ReadUsers (User.Read.All) too. Delegated callers need the Lifecycle Workflows Administrator or Global Reader role.",
                alsoRequires: new[] { "ReadUsers" }),
            new Capability(
                "WriteLifecycleInfo", "Write employees' leave dates (employeeLeaveDateTime)",
                new[] { "Sync-WorkforceLicense" },
                "User-LifeCycleInfo.ReadWrite.All", "User-LifeCycleInfo.ReadWrite.All",
                notes: "Needs ReadUsers (User.Read.All) too, as Graph's \"Set employeeLeaveDateTime\" documents; employeeHireDate is written like any user property " +
                    "(User.ReadWrite.All, as for ManageUserExtensions). Delegated writes need the Global Administrator role, as that page says.",
                alsoRequires: new[] { "ReadUsers" }),
            new Capability(
                "AssignUserLicense", "Assign and remove users' direct licences",
                new[] { "Remove-ZombieLicense", "Move-DirectToGroupLicense", "Undo-LicenseChange", "Sync-LicenseTier", "Move-UserLicenseTier", "Sync-WorkforceLicense", "Remove-TierAccessPackage", "Start-LicenseOffboarding" },
                "LicenseAssignment.ReadWrite.All", "LicenseAssignment.ReadWrite.All",
                new[] { "User.ReadWrite.All", "Directory.ReadWrite.All" },
                notes: DelegatedRoleNote + " For example License Administrator."),
            new Capability(
                "ReadGroups", "Read groups and their members",
                new[] { "Get-LicenseTierGroup", "Get-GroupLicenseError", "Test-LicenseMembershipRule", "New-LicenseTierGroup", "Remove-LicenseTierGroup", "Move-DirectToGroupLicense", "Get-ZombieLicense", "Remove-ZombieLicense", "Get-LicenseHealth", "Export-LicenseHealthReport", "Undo-LicenseChange", "New-TierLifecycleWorkflow", "Sync-LicenseTier", "Move-UserLicenseTier", "Sync-WorkforceLicense", "Get-LicenseTierConflict", "Remove-TierAccessPackage", "Start-LicenseOffboarding" },
                "GroupMember.Read.All", "GroupMember.Read.All",
                new[] { "Group.Read.All", "GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All" }),
            new Capability(
                "ManageGroups", "Create and change licensing groups",
                new[] { "New-LicenseTierGroup", "Set-LicenseTierGroup", "Remove-LicenseTierGroup", "Sync-LicenseTier", "Move-UserLicenseTier", "Sync-WorkforceLicense", "Remove-TierAccessPackage" },
                "Group.ReadWrite.All", "Group.ReadWrite.All",
                new[] { "Directory.ReadWrite.All" },
                notes: "An application holding only Group.Create can create groups but not change them afterwards, so the module asks for Group.ReadWrite.All."),
            new Capability(
                "ManageGroupMembers", "Add and remove group members",
                new[] { "Move-DirectToGroupLicense", "Remove-ZombieLicense", "Undo-LicenseChange", "Sync-LicenseTier", "Move-UserLicenseTier", "Sync-WorkforceLicense", "Remove-TierAccessPackage", "Start-LicenseOffboarding" },
                "GroupMember.ReadWrite.All", "GroupMember.ReadWrite.All",
                new[] { "Group.ReadWrite.All", "Directory.ReadWrite.All" },
                notes: "Role-assignable groups also need RoleManagement.ReadWrite.Directory."),
            new Capability(
                "AssignGroupLicense", "Assign licences to groups (group-based licensing)",
                new[] { "New-LicenseTierGroup", "Set-LicenseTierGroup", "Remove-LicenseTierGroup", "Move-DirectToGroupLicense" },
                "LicenseAssignment.ReadWrite.All", "LicenseAssignment.ReadWrite.All",
                new[] { "Group.ReadWrite.All", "Directory.ReadWrite.All" },
                tenantLicense: EntraP1,
                notes: "Group-based licensing needs Microsoft Entra ID P1 (or an Office 365 E3-class licence) in the tenant."),
            new Capability(
                "ReprocessLicense", "Reprocess users' group licence assignments",
                new[] { "Invoke-LicenseReprocess", "Sync-LicenseTier", "Move-UserLicenseTier", "Sync-WorkforceLicense", "Remove-TierAccessPackage" },
                "User.ReadWrite.All", "User.ReadWrite.All",
                new[] { "Directory.ReadWrite.All" },
                notes: DelegatedRoleNote + " For example License Administrator or User Administrator."),
            new Capability(
                "ManageUserExtensions", "Record on a user where a temporary tier move returns to (open extension)",
                new[] { "Sync-LicenseTier", "Move-UserLicenseTier", "Sync-WorkforceLicense", "Remove-TierAccessPackage" },
                "User.ReadWrite.All", "User.ReadWrite.All",
                new[] { "Directory.ReadWrite.All" },
                notes: "Open extensions on users have no narrower permission. " + DelegatedRoleNote + " For example User Administrator."),
            new Capability(
                "ReadEntitlementManagement", "Read access packages, policies and assignments",
                new[] { "Get-TierAccessPackage", "Get-TierAssignment", "Get-TierAssignmentRequest", "New-LicenseTierGroup", "Get-ZombieLicense", "Get-LicenseHealth", "Export-LicenseHealthReport", "New-TierLifecycleWorkflow", "Sync-LicenseTier", "Move-UserLicenseTier", "Sync-WorkforceLicense", "Get-LicenseTierConflict", "Remove-TierAccessPackage", "Start-LicenseOffboarding" },
                "EntitlementManagement.Read.All", "EntitlementManagement.Read.All",
                new[] { "EntitlementManagement.ReadWrite.All" },
                tenantLicense: EntraP2OrGovernance),
            new Capability(
                "ManageEntitlementManagement", "Create and delete access packages and policies, and request assignments",
                new[] { "New-TierAccessPackage", "New-LicenseExceptionPackage", "Add-TierAssignment", "Remove-TierAssignment", "Remove-ZombieLicense", "Undo-LicenseChange", "Sync-LicenseTier", "Move-UserLicenseTier", "Sync-WorkforceLicense", "Remove-TierAccessPackage", "Start-LicenseOffboarding" },
                "EntitlementManagement.ReadWrite.All", "EntitlementManagement.ReadWrite.All",
                tenantLicense: EntraP2OrGovernance,
                notes: "Adding a group to a catalog as an application also needs Group.ReadWrite.All."),
            new Capability(
                "ReadAccessReviews", "Read access reviews of tier packages and their decisions",
                new[] { "Get-TierAccessReview", "Set-TierAccessReviewDecision" },
                "AccessReview.Read.All", "AccessReview.Read.All",
                new[] { "AccessReview.ReadWrite.All" },
                tenantLicense: EntraP2OrGovernance,
                notes: "A reviewer reads the decisions that are theirs (filterByCurrentUser); the whole review needs a reader role such as Identity Governance Administrator."),
            new Capability(
                "DecideAccessReviews", "Record a reviewer's access review decisions",
                new[] { "Set-TierAccessReviewDecision" },
                "AccessReview.ReadWrite.All", "AccessReview.ReadWrite.All",
                tenantLicense: EntraP2OrGovernance,
                notes: "Graph records a decision only for a signed-in reviewer of it; an application cannot decide."),
            new Capability(
                "ReadLifecycleWorkflows", "Read lifecycle workflows and their schedule",
                new[] { "New-TierLifecycleWorkflow" },
                "LifecycleWorkflows.Read.All", "LifecycleWorkflows.Read.All",
                new[] { "LifecycleWorkflows.ReadWrite.All" },
                tenantLicense: EntraGovernance,
                notes: "The schedule (settings) needs LifecycleWorkflows.Read.All or ReadWrite.All; the granular LifecycleWorkflows-Workflow permissions read workflows only."),
            new Capability(
                "ManageLifecycleWorkflows", "Create and change lifecycle workflows",
                new[] { "New-TierLifecycleWorkflow" },
                "LifecycleWorkflows-Workflow.ReadWrite.All", "LifecycleWorkflows-Workflow.ReadWrite.All",
                new[] { "LifecycleWorkflows.ReadWrite.All" },
                tenantLicense: EntraGovernance,
                notes: "Activating a workflow on demand needs LifecycleWorkflows-Workflow.Activate. Delegated callers need the Lifecycle Workflows Administrator role."),
            new Capability(
                "ReadAuditLogs", "Read directory audit logs and sign-ins",
                Array.Empty<string>(),
                "AuditLog.Read.All", "AuditLog.Read.All",
                notes: "Directory audits also need Directory.Read.All (or ReadUsers for user names).",
                plannedFor: "licence changes made outside the module, from directory audits"),
            new Capability(
                "ReadUsageReports", "Read Microsoft 365 usage reports",
                new[] { "Get-UnderusedLicense" },
                "Reports.Read.All", "Reports.Read.All",
                notes: DelegatedRoleNote + " Reports Reader is the least privileged; Global Reader, Global Administrator and the Exchange, SharePoint, Teams, Teams Communications and Skype for Business administrators also may."),
            new Capability(
                "ReadReportSettings", "Read whether reports conceal user names",
                new[] { "Get-UnderusedLicense" },
                "ReportSettings.Read.All", "ReportSettings.Read.All",
                new[] { "ReportSettings.ReadWrite.All" },
                notes: "When reports conceal names, usage rows cannot be matched to users; changing the setting needs ReportSettings.ReadWrite.All."),
            new Capability(
                "RevokeSessions", "Revoke users' sign-in sessions",
                new[] { "Start-LicenseOffboarding" },
                "User.RevokeSessions.All", "User.RevokeSessions.All",
                new[] { "User.ReadWrite.All", "Directory.ReadWrite.All" }),
            new Capability(
                "EnableDisableAccount", "Enable and disable user accounts",
                new[] { "Start-LicenseOffboarding", "Undo-LicenseChange" },
                "User.EnableDisableAccount.All", "User.EnableDisableAccount.All",
                new[] { "User.ReadWrite.All", "Directory.ReadWrite.All" },
                notes: "Needs ReadUsers (User.Read.All) too. Accounts holding privileged admin roles need a higher-privileged caller.",
                alsoRequires: new[] { "ReadUsers" }),
            new Capability(
                "ReadEdiscoveryHolds", "Read eDiscovery cases and their legal holds",
                new[] { "Start-LicenseOffboarding" },
                "eDiscovery.Read.All", "eDiscovery.Read.All",
                new[] { "eDiscovery.ReadWrite.All" },
                notes: "Delegated callers need a Microsoft Purview eDiscovery role (eDiscovery Manager sees only the cases they manage; eDiscovery Administrator sees all). Without it offboarding keeps the mailbox licence."),
            new Capability(
                "ReadMailboxSettings", "Read users' mailbox settings (userPurpose: user or shared mailbox)",
                new[] { "Start-LicenseOffboarding" },
                "MailboxSettings.Read", "MailboxSettings.Read",
                new[] { "MailboxSettings.ReadWrite" },
                notes: "Converting a mailbox to shared is not in Graph: it needs Exchange Online PowerShell (Set-Mailbox -Type Shared)."),
            new Capability(
                "ShareUserFiles", "Read users' OneDrive and share it (driveItem invite)",
                new[] { "Start-LicenseOffboarding" },
                "Files.ReadWrite.All", "Files.ReadWrite.All",
                new[] { "Sites.ReadWrite.All" }),
            new Capability(
                "SendMail", "Send mail (the recovered licences to finance)",
                new[] { "Start-LicenseOffboarding" },
                "Mail.Send", "Mail.Send",
                notes: "Application permission lets the app send as any mailbox; restrict it with an Exchange Online application access policy, and give Start-LicenseOffboarding -SenderMailbox."),
        };

        private static readonly Dictionary<string, Capability> ByKey =
            All.ToDictionary(c => c.Key, StringComparer.OrdinalIgnoreCase);

        /// <summary>The capability with this key. An unknown key is a programming error in the engine, not a user error.</summary>
        public static Capability Get(string key) =>
            TryGet(key) ?? throw new ArgumentException($"No capability '{key}'. Known: {string.Join(", ", ByKey.Keys)}.", nameof(key));

        public static Capability? TryGet(string? key) =>
            key != null && ByKey.TryGetValue(key, out var capability) ? capability : null;

        /// <summary>The delegated least-privileged permission of every capability, once each: what an interactive sign-in asks for by default.</summary>
        public static IReadOnlyList<string> DelegatedPermissions() =>
            All.Select(c => c.DelegatedPermission).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
