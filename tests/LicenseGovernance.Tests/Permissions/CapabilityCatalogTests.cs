using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Permissions;
using Xunit;

namespace LicenseGovernance.Tests.Permissions
{
    public class CapabilityCatalogTests
    {
        public static readonly TheoryData<string> EngineKeys = new TheoryData<string>
        {
            "ReadSkus", "ReadUsers", "ReadSignInActivity", "ReadLifecycleInfo", "AssignUserLicense", "ReadGroups", "ManageGroups",
            "ManageGroupMembers", "AssignGroupLicense", "ReprocessLicense", "ReadEntitlementManagement", "ManageEntitlementManagement",
            "ReadLifecycleWorkflows", "ManageLifecycleWorkflows", "ReadAuditLogs", "ReadUsageReports", "ReadReportSettings",
            "RevokeSessions", "EnableDisableAccount",
        };

        [Theory]
        [MemberData(nameof(EngineKeys))]
        public void Every_key_the_engine_uses_exists_and_is_complete(string key)
        {
            var capability = CapabilityCatalog.Get(key);

            Assert.Equal(key, capability.Key);
            Assert.False(string.IsNullOrWhiteSpace(capability.Name));
            // Either cmdlets use it now, or it says which feature will (a consent granted today can cover it).
            Assert.True(capability.Commands.Length > 0 ^ capability.PlannedFor != null, key + ": name its cmdlets or, for none yet, the feature planned");
            Assert.Matches(@"^[A-Za-z-]+(\.[A-Za-z-]+)+$", capability.DelegatedPermission);
            Assert.Matches(@"^[A-Za-z-]+(\.[A-Za-z-]+)+$", capability.ApplicationPermission);
            Assert.DoesNotContain(capability.DelegatedPermission, capability.BroaderPermissions);
        }

        [Fact]
        public void Keys_and_names_are_unique_and_prerequisites_exist()
        {
            Assert.Equal(CapabilityCatalog.All.Count, CapabilityCatalog.All.Select(c => c.Key.ToLowerInvariant()).Distinct().Count());
            Assert.Equal(CapabilityCatalog.All.Count, CapabilityCatalog.All.Select(c => c.Name).Distinct().Count());
            Assert.All(CapabilityCatalog.All.SelectMany(c => c.AlsoRequires), k => Assert.NotNull(CapabilityCatalog.TryGet(k)));
        }

        [Theory]
        [InlineData("ReadSkus", "LicenseAssignment.Read.All", "LicenseAssignment.Read.All")]
        [InlineData("ReadSignInActivity", "AuditLog.Read.All", "AuditLog.Read.All")]
        [InlineData("ReadLifecycleInfo", "User-LifeCycleInfo.Read.All", "User-LifeCycleInfo.Read.All")]
        [InlineData("AssignUserLicense", "LicenseAssignment.ReadWrite.All", "LicenseAssignment.ReadWrite.All")]
        [InlineData("ManageGroupMembers", "GroupMember.ReadWrite.All", "GroupMember.ReadWrite.All")]
        [InlineData("RevokeSessions", "User.RevokeSessions.All", "User.RevokeSessions.All")]
        [InlineData("EnableDisableAccount", "User.EnableDisableAccount.All", "User.EnableDisableAccount.All")]
        [InlineData("ManageLifecycleWorkflows", "LifecycleWorkflows-Workflow.ReadWrite.All", "LifecycleWorkflows-Workflow.ReadWrite.All")]
        public void Least_privileged_permissions_follow_the_contract(string key, string delegated, string application)
        {
            var capability = CapabilityCatalog.Get(key);

            Assert.Equal(delegated, capability.DelegatedPermission);
            Assert.Equal(application, capability.ApplicationPermission);
        }

        [Theory]
        [InlineData("ReadSignInActivity", "Microsoft Entra ID P1")]
        [InlineData("ReadEntitlementManagement", "Microsoft Entra ID P2 or Microsoft Entra ID Governance")]
        [InlineData("ManageEntitlementManagement", "Microsoft Entra ID P2 or Microsoft Entra ID Governance")]
        [InlineData("ReadLifecycleWorkflows", "Microsoft Entra ID Governance")]
        [InlineData("ManageLifecycleWorkflows", "Microsoft Entra ID Governance")]
        [InlineData("ReadSkus", null)]
        public void Tenant_licences_are_recorded(string key, string? licence)
        {
            Assert.Equal(licence, CapabilityCatalog.Get(key).TenantLicense);
        }

        [Fact]
        public void Accepted_permissions_follow_the_token_type()
        {
            var capability = new Capability("Probe", "Probe", new[] { "Get-Probe" }, "Probe.Delegated", "Probe.Application", new[] { "Probe.Broader" });

            Assert.Equal(new[] { "Probe.Delegated", "Probe.Broader" }, capability.AcceptedPermissions(appOnly: false));
            Assert.Equal(new[] { "Probe.Application", "Probe.Broader" }, capability.AcceptedPermissions(appOnly: true));
        }

        [Fact]
        public void Unknown_key_is_a_programming_error()
        {
            Assert.Throws<ArgumentException>(() => CapabilityCatalog.Get("NoSuchThing"));
            Assert.Null(CapabilityCatalog.TryGet("NoSuchThing"));
            Assert.Same(CapabilityCatalog.Get("ReadUsers"), CapabilityCatalog.Get("readusers"));
        }
    }
}
