using LicenseGovernance.Engine.Graph.Connection;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Permissions;
using LicenseGovernance.Tests.Connection;
using Xunit;

namespace LicenseGovernance.Tests.Permissions
{
    public class PermissionEvaluatorTests
    {
        [Fact]
        public void One_row_per_capability()
        {
            var rows = PermissionEvaluator.Evaluate(TokenClaims.TryParse(TestTokens.App())).ToList();

            Assert.Equal(CapabilityCatalog.All.Select(c => c.Name), rows.Select(r => r.Capability));
        }

        [Fact]
        public void Delegated_token_granted_through_the_least_privileged_scope()
        {
            var row = Row(TestTokens.Delegated("openid LicenseAssignment.Read.All"), "ReadSkus");

            Assert.Equal("Delegated", row.PermissionType);
            Assert.Equal("LicenseAssignment.Read.All", row.Permission);
            Assert.True(row.Granted);
            Assert.Null(row.GrantedBy);
        }

        [Fact]
        public void Application_token_granted_through_a_broader_role()
        {
            var row = Row(TestTokens.App("Directory.Read.All"), "ReadUsers");

            Assert.Equal("Application", row.PermissionType);
            Assert.Equal("User.Read.All", row.Permission);
            Assert.True(row.Granted);
            Assert.Equal("Directory.Read.All", row.GrantedBy);
        }

        [Fact]
        public void Broader_match_is_case_insensitive()
        {
            Assert.True(Row(TestTokens.App("directory.readwrite.all"), "AssignGroupLicense").Granted);
        }

        [Fact]
        public void Missing_permission_is_not_granted()
        {
            var row = Row(TestTokens.App("User.Read.All"), "ReadSignInActivity");

            Assert.False(row.Granted);
            Assert.Null(row.GrantedBy);
            Assert.Equal("AuditLog.Read.All", row.Permission);
            Assert.Equal("Microsoft Entra ID P1", row.TenantLicense);
            Assert.Contains("Get-ZombieLicense", row.Commands);
        }

        [Fact]
        public void A_read_permission_does_not_satisfy_a_write_capability()
        {
            Assert.False(Row(TestTokens.App("Directory.Read.All", "Group.Read.All"), "ManageGroupMembers").Granted);
        }

        [Fact]
        public void Scopes_of_a_delegated_token_are_not_mistaken_for_roles()
        {
            var claims = TokenClaims.TryParse(TestTokens.Jwt(new { scp = "User.Read", roles = new[] { "User.Read.All" } }));

            var row = PermissionEvaluator.Evaluate(claims).Single(r => r.Capability == CapabilityCatalog.Get("ReadUsers").Name);

            Assert.Equal("Delegated", row.PermissionType);
            Assert.False(row.Granted);
        }

        [Fact]
        public void Unreadable_token_gives_application_rows_with_unknown_grant()
        {
            var rows = PermissionEvaluator.Evaluate(null).ToList();

            Assert.NotEmpty(rows);
            Assert.All(rows, r =>
            {
                Assert.Null(r.Granted);
                Assert.Equal("Application", r.PermissionType);
                Assert.Contains("could not be read", r.Notes);
            });
        }

        [Fact]
        public void Accepted_permissions_list_least_first_then_broader()
        {
            var accepted = PermissionEvaluator.AcceptedPermissions("ReadUsers", appOnly: true);

            Assert.Equal("User.Read.All", accepted[0]);
            Assert.Contains("Directory.Read.All", accepted);
            Assert.Equal(accepted.Count, accepted.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }

        private static LicensePermissionCheck Row(string token, string key) =>
            PermissionEvaluator.Evaluate(TokenClaims.TryParse(token)).Single(r => r.Capability == CapabilityCatalog.Get(key).Name);
    }
}
