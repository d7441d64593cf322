using System.Net;
using LicenseGovernance.Simulator;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>
/// What offboarding reads and writes on the simulated tenant: mailbox purpose, OneDrive invite, eDiscovery legal holds,
/// sendMail and revoked sessions, each refused (403) without the permission Graph requires.
/// </summary>
public class OffboardingRouteTests
{
    [Fact]
    public async Task The_mailbox_purpose_follows_the_licence_and_the_Exchange_side()
    {
        var (tenant, alice, e3) = SmallTenant();
        using var client = Client(tenant);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"users/{alice.Id}/mailboxSettings")).StatusCode);
        tenant.Store.AssignLicense(alice.Id, e3.SkuId);
        Assert.Equal("user", (await ReadJson(await client.GetAsync($"users/{alice.Id}/mailboxSettings"))).GetProperty("userPurpose").GetString());
        tenant.Store.SetMailboxPurpose(alice.Id, TenantStore.MailboxShared);
        tenant.Store.RemoveLicense(alice.Id, e3.SkuId);

        Assert.Equal("shared", (await ReadJson(await client.GetAsync($"users/{alice.UserPrincipalName}/mailboxSettings/userPurpose"))).GetProperty("value").GetString());
        using var denied = Client(tenant, new SimulatedPrincipal(Guid.NewGuid().ToString(), "Reader", null, new[] { "User.Read.All" }));
        Assert.Equal(HttpStatusCode.Forbidden, (await denied.GetAsync($"users/{alice.Id}/mailboxSettings")).StatusCode);
    }

    [Fact]
    public async Task An_invite_grants_write_on_the_OneDrive_root_and_needs_Files_ReadWrite_All()
    {
        var (tenant, alice, _) = SmallTenant();
        var bob = tenant.Store.AddUser("bob@" + tenant.DefaultDomain);
        using var client = Client(tenant);
        var driveId = (await ReadJson(await client.GetAsync($"users/{alice.Id}/drive"))).GetProperty("id").GetString();
        var body = new { recipients = new[] { new { email = bob.UserPrincipalName } }, roles = new[] { "write" }, requireSignIn = true, sendInvitation = false };

        using var reader = Client(tenant, new SimulatedPrincipal(Guid.NewGuid().ToString(), "Reader", null, new[] { "Files.Read.All" }));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"drives/{driveId}/items/root/invite", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"drives/{driveId}/items/root/invite", Json(body))).StatusCode);

        var granted = (await ReadJson(await client.GetAsync($"drives/{driveId}/items/root/permissions"))).GetProperty("value")[0];
        Assert.Equal(bob.Id.ToString(), granted.GetProperty("grantedToV2").GetProperty("user").GetProperty("id").GetString());
        Assert.Equal("write", granted.GetProperty("roles")[0].GetString());
        var permission = Assert.Single(tenant.Store.GetUser(alice.Id).DrivePermissions);
        Assert.True(permission.RequireSignIn);
        Assert.False(permission.InvitationSent);
    }

    [Fact]
    public async Task Legal_holds_list_their_user_sources_and_need_eDiscovery_Read_All()
    {
        var (tenant, alice, _) = SmallTenant();
        var hold = tenant.Store.AddLegalHold("Case 1", "Hold A", alice.Id);
        using var client = Client(tenant);

        var ediscoveryCase = (await ReadJson(await client.GetAsync("security/cases/ediscoveryCases"))).GetProperty("value")[0];
        var caseId = ediscoveryCase.GetProperty("id").GetString();
        var listed = (await ReadJson(await client.GetAsync($"security/cases/ediscoveryCases/{caseId}/legalHolds"))).GetProperty("value")[0];
        Assert.Equal("Hold A", listed.GetProperty("displayName").GetString());
        var source = (await ReadJson(await client.GetAsync($"security/cases/ediscoveryCases/{caseId}/legalHolds/{hold.Id}/userSources"))).GetProperty("value")[0];
        Assert.Equal(alice.Mail ?? alice.UserPrincipalName, source.GetProperty("email").GetString());

        using var denied = Client(tenant, new SimulatedPrincipal(Guid.NewGuid().ToString(), "Reader", null, new[] { "User.Read.All" }));
        Assert.Equal(HttpStatusCode.Forbidden, (await denied.GetAsync("security/cases/ediscoveryCases")).StatusCode);
    }

    [Fact]
    public async Task SendMail_is_kept_for_tests_me_needs_a_signed_in_user_and_Mail_Send()
    {
        var (tenant, alice, e3) = SmallTenant();
        tenant.Store.AssignLicense(alice.Id, e3.SkuId);
        using var client = Client(tenant);
        var body = new { Message = new { subject = "Recovered", body = new { contentType = "Text", content = "2 seats" }, toRecipients = new[] { new { emailAddress = new { address = "finance@contoso.com" } } } } };

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("me/sendMail", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"users/{alice.Id}/sendMail", Json(body))).StatusCode);
        var mail = Assert.Single(tenant.Store.SentMail);
        Assert.Equal(("Recovered", "2 seats", "finance@contoso.com"), (mail.Subject, mail.Body, mail.To.Single()));

        using var denied = Client(tenant, new SimulatedPrincipal(Guid.NewGuid().ToString(), "Reader", null, new[] { "User.Read.All" }));
        Assert.Equal(HttpStatusCode.Forbidden, (await denied.PostAsync($"users/{alice.Id}/sendMail", Json(body))).StatusCode);
    }

    [Fact]
    public async Task Revoking_sessions_moves_their_start_and_counts_and_the_state_survives_a_snapshot()
    {
        var (tenant, alice, _) = SmallTenant();
        tenant.Store.AddLegalHold("Case 1", "Hold A", alice.Id);
        using var client = Client(tenant);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"users/{alice.Id}/revokeSignInSessions", null)).StatusCode);

        var user = tenant.Store.GetUser(alice.Id);
        Assert.Equal(1, user.SignInSessionsRevoked);
        Assert.Equal(tenant.Clock.UtcNow, user.SignInSessionsValidFromDateTime);
        var path = Path.Combine(Path.GetTempPath(), $"lg-offboarding-{Guid.NewGuid():N}.json");
        try
        {
            tenant.SaveSnapshot(path);
            var loaded = SimulatedTenant.LoadSnapshot(path);
            Assert.Equal(1, loaded.Store.GetUser(alice.Id).SignInSessionsRevoked);
            Assert.Equal("Hold A", loaded.Store.EdiscoveryCases.Single().LegalHolds.Single().DisplayName);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
