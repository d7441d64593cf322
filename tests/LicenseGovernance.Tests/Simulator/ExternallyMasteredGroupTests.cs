using System.Net;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>
/// Groups whose membership Graph cannot change: synced from on-premises AD (changed there) and mail-enabled security
/// groups (mastered by Exchange Online). Graph answers 400 to every membership change of either.
/// </summary>
public class ExternallyMasteredGroupTests
{
    [Theory]
    [InlineData(true, false, "on-premises mastered Directory Sync objects")]
    [InlineData(false, true, "originated within an external service")]
    public async Task MembershipChangesAreRefused_AsGraphDoes(bool synced, bool mailEnabled, string message)
    {
        var (tenant, alice, _) = SmallTenant();
        var bob = tenant.Store.AddUser("bob@contoso.onmicrosoft.com");
        var group = tenant.Store.AddGroup("LIC-Mastered", g =>
        {
            g.OnPremisesSyncEnabled = synced ? true : null;
            g.MailEnabled = mailEnabled;
            g.Members.Add(alice.Id);
        });
        using var client = Client(tenant);

        var remove = await client.DeleteAsync($"groups/{group.Id}/members/{alice.Id}/$ref");
        Assert.Equal(HttpStatusCode.BadRequest, remove.StatusCode);
        Assert.Contains(message, await remove.Content.ReadAsStringAsync());
        var add = await client.PostAsync($"groups/{group.Id}/members/$ref", Json(new Dictionary<string, string> { ["@odata.id"] = $"{Root}/directoryObjects/{bob.Id}" }));
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Equal(new[] { alice.Id }, tenant.Store.Groups.Single(g => g.Id == group.Id).Members);

        var read = await ReadJson(await client.GetAsync($"groups/{group.Id}?$select=id,onPremisesSyncEnabled,mailEnabled"));
        Assert.Equal(synced ? JsonValueKindOf(true) : System.Text.Json.JsonValueKind.Null, read.GetProperty("onPremisesSyncEnabled").ValueKind);
    }

    private static System.Text.Json.JsonValueKind JsonValueKindOf(bool value) => value ? System.Text.Json.JsonValueKind.True : System.Text.Json.JsonValueKind.False;
}
