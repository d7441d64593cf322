using System.Net;
using System.Text.Json;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>Group-based licensing as Entra runs it: queued on the clock, processed per user, errors recorded on users.</summary>
public class GroupLicensingTests
{
    private static readonly Guid E3 = SkuCatalog.SkuId("SPE_E3");

    [Fact]
    public async Task Processing_state_moves_through_its_states_over_simulated_time()
    {
        var tenant = SimulatedTenant.CreateEmpty(Now, new SimulatorOptions { LicenseProcessingDelay = TimeSpan.FromMinutes(1), LicenseProcessingTimePerUser = TimeSpan.FromSeconds(10) });
        var store = tenant.Store;
        store.AddSku("SPE_E3", 10);
        var group = store.AddGroup("LIC-E3");
        var users = Enumerable.Range(1, 3).Select(i => store.AddUser($"user{i}@contoso.onmicrosoft.com", u => u.UsageLocation = "US")).ToList();
        foreach (var user in users)
        {
            store.AddMember(group.Id, user.Id);
        }

        Assert.Null(store.FindGroup(group.Id)!.LicenseProcessingState);
        using var client = Client(tenant);
        var assigned = await client.PostAsync($"groups/{group.Id}/assignLicense", Json(new { addLicenses = new[] { new { skuId = E3, disabledPlans = Array.Empty<Guid>() } }, removeLicenses = Array.Empty<Guid>() }));
        Assert.Equal(HttpStatusCode.Accepted, assigned.StatusCode);
        Assert.Equal("QueuedForProcessing", await ProcessingState(client, group.Id));
        Assert.Empty(await States(client, users[0].Id));

        tenant.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("QueuedForProcessing", await ProcessingState(client, group.Id));
        tenant.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("ProcessingInProgress", await ProcessingState(client, group.Id));
        Assert.Empty(await States(client, users[0].Id));

        tenant.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("Active", (await States(client, users[0].Id)).Single().GetProperty("state").GetString());
        Assert.Empty(await States(client, users[1].Id));
        Assert.Equal("ProcessingInProgress", await ProcessingState(client, group.Id));

        tenant.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal("ProcessingComplete", await ProcessingState(client, group.Id));
        var last = (await States(client, users[2].Id)).Single();
        Assert.Equal(group.Id.ToString(), last.GetProperty("assignedByGroup").GetString());
        Assert.Equal("None", last.GetProperty("error").GetString());

        // Each user is stamped when it was processed, not when the clock happened to move.
        Assert.Equal("2026-11-01T09:01:30Z", last.GetProperty("lastUpdatedDateTime").GetString());
        Assert.Equal(3, store.GetSku(E3)!.ConsumedUnits);
        Assert.False(store.HasPendingProcessing);
    }

    [Fact]
    public void Processing_time_grows_with_the_number_of_members()
    {
        var options = new SimulatorOptions { LicenseProcessingDelay = TimeSpan.FromMinutes(2), LicenseProcessingTimePerUser = TimeSpan.FromSeconds(1) };
        var tenant = SimulatedTenant.CreateEmpty(Now, options);
        var store = tenant.Store;
        store.AddSku("SPE_E3", 100);
        var small = store.AddGroup("LIC-small");
        var large = store.AddGroup("LIC-large");
        store.AddMember(small.Id, store.AddUser("solo@contoso.onmicrosoft.com").Id);
        for (var i = 0; i < 40; i++)
        {
            store.AddMember(large.Id, store.AddUser($"member{i}@contoso.onmicrosoft.com").Id);
        }

        store.AssignGroupLicense(small.Id, E3);
        store.AssignGroupLicense(large.Id, E3);
        Assert.Equal(Now.AddMinutes(2), store.NextProcessingDue);

        tenant.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal("ProcessingComplete", store.FindGroup(small.Id)!.LicenseProcessingState);
        Assert.Equal("ProcessingInProgress", store.FindGroup(large.Id)!.LicenseProcessingState);

        tenant.Clock.Set(Now.AddMinutes(2).AddSeconds(39));
        Assert.Equal("ProcessingInProgress", store.FindGroup(large.Id)!.LicenseProcessingState);
        tenant.Clock.Set(Now.AddMinutes(2).AddSeconds(40));
        Assert.Equal("ProcessingComplete", store.FindGroup(large.Id)!.LicenseProcessingState);
        Assert.Equal(41, store.GetSku(E3)!.ConsumedUnits);
    }

    [Fact]
    public async Task Work_that_fell_due_lands_before_a_request_is_served()
    {
        var tenant = SimulatedTenant.CreateEmpty(Now, new SimulatorOptions { LicenseProcessingDelay = TimeSpan.Zero, LicenseProcessingTimePerUser = TimeSpan.Zero });
        var store = tenant.Store;
        store.AddSku("SPE_E3", 5);
        var group = store.AddGroup("LIC-E3");
        var user = store.AddUser("ann@contoso.onmicrosoft.com");
        store.AddMember(group.Id, user.Id);
        store.AssignGroupLicense(group.Id, E3);
        Assert.Equal("QueuedForProcessing", store.FindGroup(group.Id)!.LicenseProcessingState);

        using var client = Client(tenant);
        Assert.Equal("ProcessingComplete", await ProcessingState(client, group.Id));
        Assert.Equal("Active", (await States(client, user.Id)).Single().GetProperty("state").GetString());
    }

    [Fact]
    public async Task Seats_running_out_leave_exactly_the_overflow_users_in_CountViolation_until_seats_and_reprocess()
    {
        var (tenant, store, group, members) = TenantWithGroup(seats: 3, memberNames: new[] { "carol", "alice", "erin", "bob", "dave" });
        store.AssignGroupLicense(group.Id, E3);
        store.ProcessPendingNow();

        // Members are processed in the order they were added, so the last two added are the ones left without a seat.
        using var client = Client(tenant);
        var overflow = new[] { members[3].Id, members[4].Id };
        foreach (var member in members)
        {
            var state = (await States(client, member.Id)).Single();
            var expectError = overflow.Contains(member.Id);
            Assert.Equal(expectError ? "Error" : "Active", state.GetProperty("state").GetString());
            Assert.Equal(expectError ? "CountViolation" : "None", state.GetProperty("error").GetString());
        }

        Assert.Equal(overflow.OrderBy(id => id), (await MemberIds(client, $"groups/{group.Id}/membersWithLicenseErrors")).OrderBy(id => id));
        Assert.Equal(new[] { group.Id }, await GroupsWithErrors(client));
        Assert.Equal(3, store.GetSku(E3)!.ConsumedUnits);

        // Buying seats alone changes nothing: Entra does not retry users in error by itself.
        store.SetPrepaidUnits(E3, 5);
        tenant.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(2, (await MemberIds(client, $"groups/{group.Id}/membersWithLicenseErrors")).Count);

        foreach (var id in overflow)
        {
            var reprocessed = await client.PostAsync($"users/{id}/reprocessLicenseAssignment", null);
            Assert.Equal(HttpStatusCode.OK, reprocessed.StatusCode);
            Assert.Equal(id.ToString(), (await ReadJson(reprocessed)).GetProperty("id").GetString());
        }

        Assert.Equal("QueuedForProcessing", await ProcessingState(client, group.Id));
        Assert.Equal(2, (await MemberIds(client, $"groups/{group.Id}/membersWithLicenseErrors")).Count);
        tenant.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await MemberIds(client, $"groups/{group.Id}/membersWithLicenseErrors"));
        Assert.Empty(await GroupsWithErrors(client));
        Assert.Equal(5, store.GetSku(E3)!.ConsumedUnits);
    }

    [Fact]
    public async Task Group_level_reprocess_is_not_served_because_v1_has_none()
    {
        var (tenant, _, group, _) = TenantWithGroup(seats: 1, memberNames: new[] { "ann" });
        using var client = Client(tenant);
        var response = await client.PostAsync($"groups/{group.Id}/reprocessLicenseAssignment", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("BadRequest", "Resource not found for the segment 'reprocessLicenseAssignment'."), await ReadError(response));
    }

    [Fact]
    public async Task Conflicting_mailbox_plans_are_a_MutuallyExclusiveViolation_and_take_no_seat()
    {
        var (tenant, store, group, members) = TenantWithGroup(seats: 5, memberNames: new[] { "ann" });
        var spb = store.AddSku("SPB", 5);
        store.AssignLicense(members[0].Id, spb.SkuId);
        store.AssignGroupLicense(group.Id, E3);
        store.ProcessPendingNow();

        using var client = Client(tenant);
        var user = await ReadJson(await client.GetAsync($"users/{members[0].Id}?$select=assignedLicenses,licenseAssignmentStates"));
        var fromGroup = user.GetProperty("licenseAssignmentStates").EnumerateArray().Single(s => s.GetProperty("assignedByGroup").ValueKind == JsonValueKind.String);
        Assert.Equal(("Error", "MutuallyExclusiveViolation"), (fromGroup.GetProperty("state").GetString(), fromGroup.GetProperty("error").GetString()));
        Assert.Equal(new[] { spb.SkuId.ToString() }, user.GetProperty("assignedLicenses").EnumerateArray().Select(l => l.GetProperty("skuId").GetString()));
        Assert.Equal(0, store.GetSku(E3)!.ConsumedUnits);
    }

    [Fact]
    public async Task Leaving_a_group_whose_plan_another_licence_depends_on_is_a_DependencyViolation_that_keeps_the_licence()
    {
        var (tenant, store, group, members) = TenantWithGroup(seats: 5, memberNames: new[] { "ann" });
        var f1 = store.AddSku("SPE_F1", 5);
        var ann = members[0];
        store.AssignGroupLicense(group.Id, E3);
        store.ProcessPendingNow();

        // Office for the web from F1 leans on SharePoint from the group's E3 once F1's own SharePoint (and mailbox) are off.
        store.AssignLicense(ann.Id, f1.SkuId, new[] { SkuCatalog.PlanId("SHAREPOINTDESKLESS"), SkuCatalog.PlanId("EXCHANGE_S_DESKLESS") });
        store.RemoveMember(group.Id, ann.Id);
        store.ProcessPendingNow();

        using var client = Client(tenant);
        var state = (await States(client, ann.Id)).Single(s => s.GetProperty("assignedByGroup").ValueKind == JsonValueKind.String);
        Assert.Equal(("ActiveWithError", "DependencyViolation"), (state.GetProperty("state").GetString(), state.GetProperty("error").GetString()));
        Assert.Equal(1, store.GetSku(E3)!.ConsumedUnits);

        // Once F1 no longer needs it, a reprocess lets the group's licence go.
        store.RemoveLicense(ann.Id, f1.SkuId);
        store.ReprocessLicenseAssignment(ann.Id);
        store.ProcessPendingNow();
        Assert.Empty(await States(client, ann.Id));
        Assert.Equal(0, store.GetSku(E3)!.ConsumedUnits);
    }

    [Fact]
    public async Task Members_without_usage_location_take_the_tenant_country_and_restricted_plans_are_refused()
    {
        var options = new SimulatorOptions { TenantUsageLocation = "DE" };
        options.UnavailableServicePlans["fr"] = new HashSet<Guid> { SkuCatalog.PlanId("MCOSTANDARD") };
        var tenant = SimulatedTenant.CreateEmpty(Now, options);
        var store = tenant.Store;
        store.AddSku("SPE_E3", 10);
        var group = store.AddGroup("LIC-E3");
        var unset = store.AddUser("unset@contoso.onmicrosoft.com");
        var french = store.AddUser("french@contoso.onmicrosoft.com", u => u.UsageLocation = "FR");
        foreach (var user in new[] { unset, french })
        {
            store.AddMember(group.Id, user.Id);
        }

        store.AssignGroupLicense(group.Id, E3);
        store.ProcessPendingNow();
        using var client = Client(tenant);
        Assert.Equal("Active", (await States(client, unset.Id)).Single().GetProperty("state").GetString());
        Assert.Null(store.GetUser(unset.Id).UsageLocation);
        Assert.Equal("ProhibitedInUsageLocationViolation", (await States(client, french.Id)).Single().GetProperty("error").GetString());

        // A licence without the restricted plan is fine in France; a tenant without a country leaves unset users in error.
        store.AssignGroupLicense(group.Id, E3, new[] { SkuCatalog.PlanId("MCOSTANDARD") });
        tenant.Options.TenantUsageLocation = null;
        store.ProcessPendingNow();
        Assert.Equal("Active", (await States(client, french.Id)).Single().GetProperty("state").GetString());
        var unsetState = (await States(client, unset.Id)).Single();
        Assert.Equal(("ActiveWithError", "ProhibitedInUsageLocationViolation"), (unsetState.GetProperty("state").GetString(), unsetState.GetProperty("error").GetString()));

        var newcomer = store.AddUser("newcomer@contoso.onmicrosoft.com");
        store.AddMember(group.Id, newcomer.Id);
        store.ProcessPendingNow();
        var newcomerState = (await States(client, newcomer.Id)).Single();
        Assert.Equal(("Error", "ProhibitedInUsageLocationViolation"), (newcomerState.GetProperty("state").GetString(), newcomerState.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Shared_proxy_address_blocks_a_mailbox_with_UniquenessViolation()
    {
        var (tenant, store, group, members) = TenantWithGroup(seats: 5, memberNames: new[] { "ann", "bea" });
        store.UpdateUser(members[1].Id, u => u.Mail = "ann@contoso.onmicrosoft.com");
        store.UpdateUser(members[0].Id, u => u.Mail = "ann@contoso.onmicrosoft.com");
        store.AssignGroupLicense(group.Id, E3);
        store.ProcessPendingNow();
        using var client = Client(tenant);
        Assert.Equal("UniquenessViolation", (await States(client, members[0].Id)).Single().GetProperty("error").GetString());

        // Without the mailbox plan the licence needs no unique address.
        store.AssignGroupLicense(group.Id, E3, new[] { SkuCatalog.PlanId("EXCHANGE_S_ENTERPRISE") });
        store.ProcessPendingNow();
        Assert.Equal("None", (await States(client, members[0].Id)).Single().GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_user_in_two_groups_of_one_sku_gets_the_union_of_their_plans_and_uses_one_seat()
    {
        var (tenant, store, first, members) = TenantWithGroup(seats: 5, memberNames: new[] { "ann" });
        var second = store.AddGroup("LIC-E3-Second");
        store.AddMember(second.Id, members[0].Id);
        var yammer = SkuCatalog.PlanId("YAMMER_ENTERPRISE");
        var sway = SkuCatalog.PlanId("SWAY");
        var forms = SkuCatalog.PlanId("FORMS_PLAN_E3");
        store.AssignGroupLicense(first.Id, E3, new[] { yammer, sway });
        store.AssignGroupLicense(second.Id, E3, new[] { sway, forms });
        store.ProcessPendingNow();

        using var client = Client(tenant);
        var user = await ReadJson(await client.GetAsync($"users/{members[0].Id}?$select=assignedLicenses,assignedPlans,licenseAssignmentStates"));
        Assert.Equal(2, user.GetProperty("licenseAssignmentStates").GetArrayLength());
        var license = user.GetProperty("assignedLicenses").EnumerateArray().Single();
        Assert.Equal(new[] { sway.ToString() }, license.GetProperty("disabledPlans").EnumerateArray().Select(p => p.GetString()));
        var plans = user.GetProperty("assignedPlans").EnumerateArray().Select(p => Guid.Parse(p.GetProperty("servicePlanId").GetString()!)).ToList();
        Assert.Contains(yammer, plans);
        Assert.Contains(forms, plans);
        Assert.DoesNotContain(sway, plans);
        Assert.Equal(1, store.GetSku(E3)!.ConsumedUnits);
    }

    [Fact]
    public async Task Direct_and_group_assignment_of_one_sku_use_one_seat()
    {
        var (tenant, store, group, members) = TenantWithGroup(seats: 1, memberNames: new[] { "ann" });
        store.AssignLicense(members[0].Id, E3);
        store.AssignGroupLicense(group.Id, E3);
        store.ProcessPendingNow();
        using var client = Client(tenant);
        Assert.Equal(new[] { "Active", "Active" }, (await States(client, members[0].Id)).Select(s => s.GetProperty("state").GetString()));
        Assert.Single((await ReadJson(await client.GetAsync($"users/{members[0].Id}/licenseDetails"))).GetProperty("value").EnumerateArray());
        Assert.Equal(1, store.GetSku(E3)!.ConsumedUnits);
    }

    [Fact]
    public async Task Removing_a_group_licence_is_queued_too_and_then_the_group_can_be_deleted()
    {
        var (tenant, store, group, members) = TenantWithGroup(seats: 5, memberNames: new[] { "ann", "bea" });
        store.AssignGroupLicense(group.Id, E3);
        store.ProcessPendingNow();
        Assert.Equal(2, store.GetSku(E3)!.ConsumedUnits);

        using var client = Client(tenant);
        var removed = await client.PostAsync($"groups/{group.Id}/assignLicense", Json(new { addLicenses = Array.Empty<object>(), removeLicenses = new[] { E3 } }));
        Assert.Equal(HttpStatusCode.Accepted, removed.StatusCode);
        Assert.Equal(2, store.GetSku(E3)!.ConsumedUnits);
        tenant.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, store.GetSku(E3)!.ConsumedUnits);
        Assert.Empty(await States(client, members[0].Id));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"groups/{group.Id}")).StatusCode);
    }

    private static (SimulatedTenant Tenant, TenantStore Store, SimulatedGroup Group, List<SimulatedUser> Members) TenantWithGroup(int seats, string[] memberNames)
    {
        var tenant = SimulatedTenant.CreateEmpty(Now);
        var store = tenant.Store;
        store.AddSku("SPE_E3", seats);
        var group = store.AddGroup("LIC-E3");
        var members = new List<SimulatedUser>();
        foreach (var name in memberNames)
        {
            var user = store.AddUser($"{name}@contoso.onmicrosoft.com", u =>
            {
                u.UsageLocation = "US";
                u.Mail = u.UserPrincipalName;
            });
            store.AddMember(group.Id, user.Id);
            members.Add(user);
        }

        return (tenant, store, group, members);
    }

    private static async Task<string?> ProcessingState(HttpClient client, Guid groupId)
    {
        var group = await ReadJson(await client.GetAsync($"groups/{groupId}?$select=id,licenseProcessingState"));
        return group.GetProperty("licenseProcessingState").GetProperty("state").GetString();
    }

    private static async Task<List<JsonElement>> States(HttpClient client, Guid userId)
    {
        var user = await ReadJson(await client.GetAsync($"users/{userId}?$select=licenseAssignmentStates"));
        return user.GetProperty("licenseAssignmentStates").EnumerateArray().ToList();
    }

    private static async Task<List<Guid>> MemberIds(HttpClient client, string path)
    {
        var page = await ReadJson(await client.GetAsync(path));
        return page.GetProperty("value").EnumerateArray().Select(m => Guid.Parse(m.GetProperty("id").GetString()!)).ToList();
    }

    private static async Task<List<Guid>> GroupsWithErrors(HttpClient client) => await MemberIds(client, "groups?$filter=hasMembersWithLicenseErrors eq true");
}
