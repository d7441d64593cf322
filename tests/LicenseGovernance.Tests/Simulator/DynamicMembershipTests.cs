using System.Net;
using System.Text.Json;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>Dynamic groups evaluated by the shared rule library on the simulator clock, feeding group-based licensing.</summary>
public class DynamicMembershipTests
{
    private static readonly Guid E3 = SkuCatalog.SkuId("SPE_E3");

    private static readonly SimulatorOptions Timing = new()
    {
        DynamicMembershipDelay = TimeSpan.FromMinutes(3),
        DynamicMembershipTimePerUser = TimeSpan.Zero,
        LicenseProcessingDelay = TimeSpan.FromMinutes(1),
        LicenseProcessingTimePerUser = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task Document_003_attribute_moves_users_between_E3_tiers_and_a_user_in_two_groups_gets_the_union()
    {
        var tenant = SimulatedTenant.CreateEmpty(Now, Timing);
        var store = tenant.Store;
        store.AddSku("SPE_E3", 10);
        var ann = store.AddUser("ann@contoso.onmicrosoft.com", u => u.ExtensionAttributes[9] = "E3 All");
        var bob = store.AddUser("bob@contoso.onmicrosoft.com", u =>
        {
            u.ExtensionAttributes[9] = "E3 with Selected Services";
            u.Department = "Marketing";
        });
        store.AddUser("cat@contoso.onmicrosoft.com");
        using var client = Client(tenant);

        var all = await CreateDynamicGroup(client, "E3 All", "user.extensionAttribute10 -eq \"E3 All\"");
        var selected = await CreateDynamicGroup(client, "E3 with Selected Services", "user.extensionAttribute10 -eq \"E3 with Selected Services\"");
        var keep = new[] { "SHAREPOINTENTERPRISE", "EXCHANGE_S_ENTERPRISE", "TEAMS1" }.Select(SkuCatalog.PlanId).ToList();
        var selectedDisabled = store.GetSku(E3)!.ServicePlans.Select(p => p.ServicePlanId).Where(p => !keep.Contains(p)).ToArray();
        await AssignLicense(client, all, Array.Empty<Guid>());
        await AssignLicense(client, selected, selectedDisabled);

        tenant.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(await Members(client, all));
        tenant.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new[] { ann.Id }, await Members(client, all));
        Assert.Equal(new[] { bob.Id }, await Members(client, selected));
        Assert.Empty(await Plans(client, bob.Id));

        tenant.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains(SkuCatalog.PlanId("YAMMER_ENTERPRISE"), await Plans(client, ann.Id));
        Assert.Equal(keep.OrderBy(p => p), (await Plans(client, bob.Id)).OrderBy(p => p));

        // Bob's attribute changes in the directory: he moves to "E3 All" after the rule delay, and his plans follow.
        var patch = await client.PatchAsync($"users/{bob.Id}", Json(new { onPremisesExtensionAttributes = new { extensionAttribute10 = "E3 All" } }));
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        tenant.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(new[] { ann.Id, bob.Id }, await Members(client, all));
        Assert.Empty(await Members(client, selected));
        tenant.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new[] { all.ToString() }, (await States(client, bob.Id)).Select(s => s.GetProperty("assignedByGroup").GetString()));
        Assert.Contains(SkuCatalog.PlanId("YAMMER_ENTERPRISE"), await Plans(client, bob.Id));

        // A user matches one value of one attribute, so "in two groups" takes a second rule: Forms for Marketing.
        var forms = await CreateDynamicGroup(client, "E3 Forms for Marketing", "user.department -eq \"Marketing\"");
        var formsOnly = store.GetSku(E3)!.ServicePlans.Select(p => p.ServicePlanId).Where(p => p != SkuCatalog.PlanId("FORMS_PLAN_E3")).ToArray();
        await AssignLicense(client, forms, formsOnly);
        await client.PatchAsync($"users/{bob.Id}", Json(new { onPremisesExtensionAttributes = new { extensionAttribute10 = "E3 with Selected Services" } }));
        tenant.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(new[] { bob.Id }, await Members(client, selected));
        Assert.Equal(new[] { bob.Id }, await Members(client, forms));
        tenant.Clock.Advance(TimeSpan.FromMinutes(2));
        var union = keep.Append(SkuCatalog.PlanId("FORMS_PLAN_E3")).OrderBy(p => p);
        Assert.Equal(union, (await Plans(client, bob.Id)).OrderBy(p => p));
        Assert.Equal(2, store.GetSku(E3)!.ConsumedUnits);
    }

    [Fact]
    public async Task Paused_groups_are_not_evaluated_until_turned_On()
    {
        var tenant = SimulatedTenant.CreateEmpty(Now, Timing);
        var store = tenant.Store;
        var sales = store.AddUser("sales@contoso.onmicrosoft.com", u => u.Department = "Sales");
        using var client = Client(tenant);
        var group = await CreateDynamicGroup(client, "Sales", "user.department -eq \"Sales\"", state: "Paused");
        tenant.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(await Members(client, group));
        Assert.False(store.HasPendingProcessing);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PatchAsync($"groups/{group}", Json(new { membershipRuleProcessingState = "On" }))).StatusCode);
        tenant.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(new[] { sales.Id }, await Members(client, group));

        // Paused again: members stay as they were, whatever changes.
        store.UpdateGroup(group, g => g.MembershipRuleProcessingState = "Paused");
        store.UpdateUser(sales.Id, u => u.Department = "Finance");
        tenant.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(new[] { sales.Id }, await Members(client, group));
    }

    [Fact]
    public async Task New_users_and_rule_changes_are_evaluated_after_the_delay()
    {
        var tenant = SimulatedTenant.CreateEmpty(Now, Timing);
        var store = tenant.Store;
        var finance = store.AddUser("fin@contoso.onmicrosoft.com", u => u.Department = "Finance");
        var group = store.AddGroup("DYN-Finance", g =>
        {
            g.GroupTypes.Add("DynamicMembership");
            g.MembershipRule = "user.department -eq \"Finance\"";
            g.MembershipRuleProcessingState = "On";
        });
        using var client = Client(tenant);
        var created = await client.PostAsync("users", Json(new
        {
            accountEnabled = true,
            displayName = "New Hire",
            mailNickname = "newhire",
            userPrincipalName = "newhire@contoso.onmicrosoft.com",
            passwordProfile = new { password = "x", forceChangePasswordNextSignIn = true },
            department = "Finance",
        }));
        var newHire = Guid.Parse((await ReadJson(created)).GetProperty("id").GetString()!);
        tenant.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(new[] { finance.Id, newHire }, await Members(client, group.Id));

        var changed = await client.PatchAsync($"groups/{group.Id}", Json(new { membershipRule = "user.department -eq \"Finance\" -and user.userPrincipalName -startsWith \"new\"" }));
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(2, (await Members(client, group.Id)).Count);
        tenant.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(new[] { newHire }, await Members(client, group.Id));

        // Attributes the rule does not read queue nothing.
        store.UpdateUser(newHire, u => u.JobTitle = "Analyst");
        Assert.False(store.HasPendingProcessing);
        var manual = await client.PostAsync($"groups/{group.Id}/members/$ref", Json(new Dictionary<string, string> { ["@odata.id"] = $"{Root}/directoryObjects/{finance.Id}" }));
        Assert.Equal(HttpStatusCode.BadRequest, manual.StatusCode);
    }

    [Fact]
    public async Task Invalid_rules_are_refused_on_create_and_on_patch_and_change_nothing()
    {
        var tenant = SimulatedTenant.CreateEmpty(Now, Timing);
        using var client = Client(tenant);
        var refused = await client.PostAsync("groups", Json(new
        {
            displayName = "Broken", mailEnabled = false, mailNickname = "broken", securityEnabled = true,
            groupTypes = new[] { "DynamicMembership" }, membershipRule = "user.department -eq", membershipRuleProcessingState = "On",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (code, message) = await ReadError(refused);
        Assert.Equal("Request_BadRequest", code);
        Assert.StartsWith("Dynamic membership rule validation error: ", message);
        Assert.Contains("at position 20.", message);
        Assert.Empty(tenant.Store.Groups);

        var group = await CreateDynamicGroup(client, "Fine", "user.department -eq \"Sales\"");
        var patch = await client.PatchAsync($"groups/{group}", Json(new { displayName = "Renamed", membershipRule = "user.nonsense -eq \"x\"" }));
        Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
        var stored = tenant.Store.FindGroup(group)!;
        Assert.Equal(("Fine", "user.department -eq \"Sales\""), (stored.DisplayName, stored.MembershipRule));
        Assert.Throws<GraphServiceError>(() => tenant.Store.UpdateGroup(group, g => g.MembershipRule = "(user.department -eq \"Sales\""));
        Assert.Equal("user.department -eq \"Sales\"", tenant.Store.FindGroup(group)!.MembershipRule);
    }

    private static async Task<Guid> CreateDynamicGroup(HttpClient client, string name, string rule, string state = "On")
    {
        var response = await client.PostAsync("groups", Json(new
        {
            displayName = name,
            mailEnabled = false,
            mailNickname = new string(name.Where(char.IsLetterOrDigit).ToArray()),
            securityEnabled = true,
            groupTypes = new[] { "DynamicMembership" },
            membershipRule = rule,
            membershipRuleProcessingState = state,
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await ReadJson(response)).GetProperty("id").GetString()!);
    }

    private static async Task AssignLicense(HttpClient client, Guid group, Guid[] disabledPlans)
    {
        var response = await client.PostAsync($"groups/{group}/assignLicense", Json(new { addLicenses = new[] { new { skuId = E3, disabledPlans } }, removeLicenses = Array.Empty<Guid>() }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<List<Guid>> Members(HttpClient client, Guid group)
    {
        var page = await ReadJson(await client.GetAsync($"groups/{group}/members"));
        return page.GetProperty("value").EnumerateArray().Select(m => Guid.Parse(m.GetProperty("id").GetString()!)).ToList();
    }

    private static async Task<List<Guid>> Plans(HttpClient client, Guid user)
    {
        var body = await ReadJson(await client.GetAsync($"users/{user}?$select=assignedPlans"));
        return body.GetProperty("assignedPlans").EnumerateArray().Select(p => Guid.Parse(p.GetProperty("servicePlanId").GetString()!)).ToList();
    }

    private static async Task<List<JsonElement>> States(HttpClient client, Guid user)
    {
        var body = await ReadJson(await client.GetAsync($"users/{user}?$select=licenseAssignmentStates"));
        return body.GetProperty("licenseAssignmentStates").EnumerateArray().ToList();
    }
}
