using System.Text.Json;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Entitlement;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>
/// Access package delivery takes time, as in Entra: delivering before delivered, the group membership only once delivered,
/// removals and expiries a moment later, and a delivery that stalls until the service retries it, or for good.
/// </summary>
public class AccessPackageDeliveryTests
{
    private const string Em = "identityGovernance/entitlementManagement/";

    /// <summary>A tenant whose LIC-Tier3 group carries E5 and is handed out by one package, with a user who holds nothing yet.</summary>
    private sealed class Delivery
    {
        public Delivery(SimulatorOptions? options = null, SimulatedTenant? tenant = null)
        {
            Tenant = tenant ?? SimulatedTenant.CreateEmpty(Now, options);
            var store = Tenant.Store;
            var e5 = store.Skus.FirstOrDefault(s => s.SkuPartNumber == "SPE_E5") ?? store.AddSku("SPE_E5", 10);
            Group = store.AddGroup("LIC-Tier3");
            store.AssignGroupLicense(Group.Id, e5.SkuId);
            User = store.AddUser("dana." + Guid.NewGuid().ToString("N")[..6] + "@contoso.onmicrosoft.com", u => u.UsageLocation = "US");
            (PackageId, PolicyId, CatalogId) = store.Write(() =>
            {
                var catalog = store.CreateCatalogCore(new SimulatedCatalog { DisplayName = "License tiers" });
                store.AddCatalogResourceCore(catalog.Id, Group.Id.ToString(), "AadGroup");
                var package = store.CreateAccessPackageCore(new SimulatedAccessPackage { CatalogId = catalog.Id, DisplayName = "Tier 3" });
                store.AddRoleScopeCore(package, null, "Member_" + Group.Id, null, Group.Id.ToString());
                var policy = store.CreatePolicyCore(new SimulatedAssignmentPolicy
                {
                    AccessPackageId = package.Id, DisplayName = "Direct", AllowedTargetScope = "allMemberUsers", ExpirationType = "afterDuration", ExpirationDuration = "P30D",
                });
                return (package.Id, policy.Id, catalog.Id);
            });
            store.ProcessPendingNow();
        }

        public SimulatedTenant Tenant { get; }
        public SimulatedGroup Group { get; }
        public SimulatedUser User { get; }
        public Guid PackageId { get; }
        public Guid PolicyId { get; }
        public Guid CatalogId { get; }

        public SimulatedAssignmentRequest AdminAdd(DateTimeOffset? end = null, Guid? target = null) =>
            Tenant.Store.Write(() => Tenant.Store.SubmitRequestCore(new SimulatedAssignmentRequest
            {
                RequestType = "adminAdd", TargetId = target ?? User.Id, AccessPackageId = PackageId, PolicyId = PolicyId, RequestedEnd = end,
            }));

        public SimulatedAssignmentRequest AdminRemove(Guid assignmentId) =>
            Tenant.Store.Write(() => Tenant.Store.SubmitRequestCore(new SimulatedAssignmentRequest { RequestType = "adminRemove", AssignmentId = assignmentId }));

        public SimulatedAssignment Assignment => Tenant.Store.AccessPackageAssignments.Single(a => a.TargetId == User.Id);

        public SimulatedAssignmentRequest Request(Guid id) => Tenant.Store.AssignmentRequests.Single(r => r.Id == id);

        public bool IsMember => Tenant.Store.FindGroup(Group.Id)!.MemberSet.Contains(User.Id);
    }

    [Fact]
    public async Task An_accepted_request_is_delivering_for_the_delay_and_the_membership_comes_only_when_delivered()
    {
        var d = new Delivery();
        var delay = d.Tenant.Options.AccessPackageDeliveryDelay;
        Assert.Equal(TimeSpan.FromMinutes(2), delay);
        var request = d.AdminAdd();

        Assert.Equal(("delivering", "Delivering"), (d.Assignment.State, d.Assignment.Status));
        Assert.Equal("delivering", d.Request(request.Id).State);
        Assert.Null(d.Request(request.Id).CompletedDateTime);
        Assert.False(d.IsMember);
        using var client = Client(d.Tenant);
        var listed = (await ReadJson(await client.GetAsync(Em + $"assignments?$filter=target/objectId eq '{d.User.Id}'"))).GetProperty("value");
        Assert.Equal("delivering", listed[0].GetProperty("state").GetString());
        var delivered = (await ReadJson(await client.GetAsync(Em + "assignments?$filter=state eq 'delivered'"))).GetProperty("value");
        Assert.Equal(0, delivered.GetArrayLength());

        d.Tenant.Clock.Advance(delay - TimeSpan.FromSeconds(1));
        Assert.Equal("delivering", d.Assignment.State);
        Assert.False(d.IsMember);

        d.Tenant.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(("delivered", "Delivered"), (d.Assignment.State, d.Assignment.Status));
        Assert.True(d.IsMember);
        Assert.Equal(("delivered", Now + delay), (d.Request(request.Id).State, d.Request(request.Id).CompletedDateTime));
        var read = await ReadJson(await client.GetAsync(Em + $"assignmentRequests/{request.Id}"));
        Assert.Equal(("delivered", "Delivered"), (read.GetProperty("state").GetString(), read.GetProperty("status").GetString()));

        // The licence follows through group-based licensing, after its own delay.
        Assert.Empty(d.Tenant.Store.GetUser(d.User.Id).LicenseAssignmentStates);
        d.Tenant.Clock.Advance(d.Tenant.Options.LicenseProcessingDelay + TimeSpan.FromSeconds(1));
        Assert.Equal("Active", Assert.Single(d.Tenant.Store.GetUser(d.User.Id).LicenseAssignmentStates).State);
    }

    [Fact]
    public void ProcessPendingNow_delivers_at_once_and_counts_the_work()
    {
        var d = new Delivery();
        var before = d.Tenant.Store.CompletedWork;
        d.AdminAdd();
        Assert.True(d.Tenant.Store.HasPendingProcessing);
        Assert.Equal(Now + d.Tenant.Options.AccessPackageDeliveryDelay, d.Tenant.Store.NextProcessingDue);

        d.Tenant.Store.ProcessPendingNow();

        Assert.Equal("delivered", d.Assignment.State);
        Assert.True(d.IsMember);
        Assert.True(d.Tenant.Store.GetUser(d.User.Id).LicenseAssignmentStates.Single().HoldsSeat);
        Assert.Equal(Now, d.Tenant.Clock.UtcNow);
        var ran = d.Tenant.Store.CompletedWork.Since(before);
        Assert.Equal((1L, 1L), (ran.AccessPackageDeliveries, ran.LicenseProcessingSteps));
        // The end date is a date, not a processing delay: it waits for the clock.
        Assert.Equal(d.Assignment.EndDateTime, d.Tenant.Store.NextWorkDue);
    }

    [Fact]
    public void A_removal_takes_the_removal_delay_the_assignment_reads_delivered_meanwhile_and_cannot_be_removed_twice()
    {
        var d = new Delivery();
        d.AdminAdd();
        d.Tenant.Store.ProcessPendingNow();
        var removal = d.AdminRemove(d.Assignment.Id);

        Assert.Equal("delivering", d.Request(removal.Id).State);
        Assert.Equal("delivered", d.Assignment.State);
        Assert.True(d.IsMember);
        var twice = Assert.Throws<GraphServiceError>(() => d.AdminRemove(d.Assignment.Id));
        Assert.Contains("already being removed", twice.Message);

        d.Tenant.Clock.Advance(d.Tenant.Options.AccessPackageRemovalDelay);
        Assert.Equal(("expired", Now + d.Tenant.Options.AccessPackageRemovalDelay), (d.Assignment.State, d.Assignment.ExpiredDateTime));
        Assert.False(d.IsMember);
        Assert.Equal("delivered", d.Request(removal.Id).State);
        Assert.Equal(1, d.Tenant.Store.CompletedWork.AccessPackageRemovals);
        Assert.Equal(0, d.Tenant.Store.CompletedWork.AccessPackageExpiries);
    }

    [Fact]
    public void An_assignment_reaching_its_end_leaves_the_group_a_removal_delay_later()
    {
        var d = new Delivery();
        var end = Now.AddDays(2);
        d.AdminAdd(end);
        d.Tenant.Store.ProcessPendingNow();
        d.Tenant.Clock.Advance(end - Now);
        Assert.Equal("delivered", d.Assignment.State);
        Assert.True(d.IsMember);
        Assert.Equal(end + d.Tenant.Options.AccessPackageRemovalDelay, d.Assignment.RemovalDueDateTime);

        // Once the end has come, the removal itself is processing: ProcessPendingNow finishes it.
        d.Tenant.Store.ProcessPendingNow();
        Assert.Equal("expired", d.Assignment.State);
        Assert.False(d.IsMember);
        Assert.Equal(1, d.Tenant.Store.CompletedWork.AccessPackageExpiries);
    }

    [Fact]
    public void A_stalled_delivery_stays_delivering_until_the_services_retry_or_for_good()
    {
        var d = new Delivery(new SimulatorOptions { AccessPackageDeliveryStallProbability = 1, AccessPackageStalledDeliveryRetry = TimeSpan.FromHours(6) });
        d.AdminAdd();
        Assert.True(d.Assignment.DeliveryStalled);
        d.Tenant.Store.ProcessPendingNow();
        d.Tenant.Clock.Advance(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1));
        Assert.Equal("delivering", d.Assignment.State);
        Assert.False(d.IsMember);
        d.Tenant.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("delivered", d.Assignment.State);
        Assert.True(d.IsMember);

        var forGood = new Delivery(new SimulatorOptions { AccessPackageDeliveryStallProbability = 1, AccessPackageStalledDeliveryRetry = null });
        forGood.AdminAdd();
        forGood.Tenant.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal("delivering", forGood.Assignment.State);
        Assert.Null(forGood.Assignment.DeliveryDueDateTime);
        Assert.False(forGood.IsMember);
    }

    [Fact]
    public void The_test_hook_stalls_one_delivery_and_removing_it_takes_away_nothing_it_never_gave()
    {
        var d = new Delivery();
        d.Tenant.Store.AddMember(d.Group.Id, d.User.Id);
        var other = d.Tenant.Store.AddUser("erin@contoso.onmicrosoft.com", u => u.UsageLocation = "US");
        d.AdminAdd();
        d.AdminAdd(target: other.Id);
        d.Tenant.Store.StallAccessPackageDelivery(d.Assignment.Id);
        Assert.Throws<GraphServiceError>(() => d.Tenant.Store.StallAccessPackageDelivery(Guid.NewGuid()));

        d.Tenant.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("delivering", d.Assignment.State);
        Assert.Equal("delivered", d.Tenant.Store.AccessPackageAssignments.Single(a => a.TargetId == other.Id).State);

        // The user was a member before the package; a delivery that never happened does not take that away.
        d.AdminRemove(d.Assignment.Id);
        d.Tenant.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal("expired", d.Assignment.State);
        Assert.True(d.IsMember);
    }

    [Fact]
    public void The_stall_share_picks_the_same_assignments_on_tenants_with_the_same_seed()
    {
        SimulatedAssignment[] Stalled()
        {
            var demo = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 40, Seed = 11 });
            demo.Options.AccessPackageDeliveryStallProbability = 0.5;
            var d = new Delivery(tenant: demo);
            foreach (var user in demo.Store.Users.Where(u => u.UserType == "Member").Take(30))
            {
                d.AdminAdd(target: user.Id);
            }

            return demo.Store.AccessPackageAssignments.Where(a => a.DeliveryStalled).ToArray();
        }

        var first = Stalled();
        var second = Stalled();
        Assert.InRange(first.Length, 5, 25);
        Assert.Equal(first.Select(a => a.TargetId), second.Select(a => a.TargetId));
    }

    [Fact]
    public void Delivering_stalled_and_removing_assignments_round_trip_through_a_snapshot_and_carry_on()
    {
        var d = new Delivery(new SimulatorOptions { AccessPackageDeliveryDelay = TimeSpan.FromMinutes(5), AccessPackageRemovalDelay = TimeSpan.FromMinutes(3), AccessPackageStalledDeliveryRetry = null });
        var stalled = d.Tenant.Store.AddUser("stuck@contoso.onmicrosoft.com", u => u.UsageLocation = "US");
        var leaving = d.Tenant.Store.AddUser("leaving@contoso.onmicrosoft.com", u => u.UsageLocation = "US");
        d.AdminAdd(target: leaving.Id);
        d.Tenant.Store.ProcessPendingNow();
        d.AdminAdd();
        d.AdminAdd(target: stalled.Id);
        d.Tenant.Store.StallAccessPackageDelivery(d.Tenant.Store.AccessPackageAssignments.Single(a => a.TargetId == stalled.Id).Id, TimeSpan.FromHours(1));
        d.AdminRemove(d.Tenant.Store.AccessPackageAssignments.Single(a => a.TargetId == leaving.Id).Id);
        var path = Path.Combine(Path.GetTempPath(), "lg-delivery-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            d.Tenant.SaveSnapshot(path);
            var loaded = SimulatedTenant.LoadSnapshot(path);
            Assert.Equal(JsonSerializer.Serialize(d.Tenant.Store.AccessPackageAssignments), JsonSerializer.Serialize(loaded.Store.AccessPackageAssignments));
            Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(3), (TimeSpan?)null),
                (loaded.Options.AccessPackageDeliveryDelay, loaded.Options.AccessPackageRemovalDelay, loaded.Options.AccessPackageStalledDeliveryRetry));

            loaded.Clock.Advance(TimeSpan.FromMinutes(5));
            var state = loaded.Store.AccessPackageAssignments.ToDictionary(a => a.TargetId, a => a.State);
            Assert.Equal(("delivered", "delivering", "expired"), (state[d.User.Id], state[stalled.Id], state[leaving.Id]));
            Assert.DoesNotContain(leaving.Id, loaded.Store.FindGroup(d.Group.Id)!.Members);
            loaded.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Contains(stalled.Id, loaded.Store.FindGroup(d.Group.Id)!.Members);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_package_is_deleted_only_once_its_last_removal_has_completed_and_its_history_still_reads()
    {
        var d = new Delivery();
        d.AdminAdd();
        d.Tenant.Store.ProcessPendingNow();
        using var client = Client(d.Tenant);

        var refused = await client.DeleteAsync(Em + $"accessPackages/{d.PackageId}");
        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Contains("still has assignments", (await ReadError(refused)).Message);
        d.AdminRemove(d.Assignment.Id);
        // A removal under way still counts: the assignment reads delivered until entitlement management has finished it.
        Assert.Equal(400, (int)(await client.DeleteAsync(Em + $"assignmentPolicies/{d.PolicyId}")).StatusCode);
        Assert.Equal(400, (int)(await client.DeleteAsync(Em + $"accessPackages/{d.PackageId}")).StatusCode);

        d.Tenant.Clock.Advance(d.Tenant.Options.AccessPackageRemovalDelay);
        var scope = d.Tenant.Store.AccessPackages.Single().RoleScopes.Single().Id;
        Assert.Equal(204, (int)(await client.DeleteAsync(Em + $"assignmentPolicies/{d.PolicyId}")).StatusCode);
        Assert.Equal(204, (int)(await client.DeleteAsync(Em + $"accessPackages/{d.PackageId}/resourceRoleScopes/{scope}")).StatusCode);
        Assert.Equal(204, (int)(await client.DeleteAsync(Em + $"accessPackages/{d.PackageId}")).StatusCode);
        Assert.Empty(d.Tenant.Store.AccessPackages);

        // The expired assignment and its requests stay listed; what they pointed to is gone, so it expands to null.
        var history = await client.GetAsync(Em + "assignments?$expand=target,accessPackage,assignmentPolicy");
        Assert.Equal(200, (int)history.StatusCode);
        var listed = (await ReadJson(history)).GetProperty("value")[0];
        Assert.Equal(("expired", JsonValueKind.Null, JsonValueKind.Null), (listed.GetProperty("state").GetString(), listed.GetProperty("accessPackage").ValueKind, listed.GetProperty("assignmentPolicy").ValueKind));
        Assert.Equal(200, (int)(await client.GetAsync(Em + "assignmentRequests?$expand=accessPackage")).StatusCode);
    }

    [Fact]
    public async Task A_catalog_resource_is_removed_by_its_id_once_no_package_grants_its_roles()
    {
        var d = new Delivery();
        using var client = Client(d.Tenant);
        var resource = (await ReadJson(await client.GetAsync(Em + $"catalogs/{d.CatalogId}/resources"))).GetProperty("value")[0].GetProperty("id").GetString();
        object Remove() => new { requestType = "adminRemove", resource = new { id = resource }, catalog = new { id = d.CatalogId } };

        var refused = await client.PostAsync(Em + "resourceRequests", Json(Remove()));
        Assert.Equal(400, (int)refused.StatusCode);
        var error = await ReadError(refused);
        Assert.Equal("InvalidDeleteResourceHasEntitlements", error.Code);
        Assert.Contains("LIC-Tier3 can not be deleted because there are active entitlements", error.Message);

        var scope = d.Tenant.Store.AccessPackages.Single().RoleScopes.Single().Id;
        Assert.Equal(204, (int)(await client.DeleteAsync(Em + $"accessPackages/{d.PackageId}/resourceRoleScopes/{scope}")).StatusCode);
        var removed = await client.PostAsync(Em + "resourceRequests", Json(Remove()));
        Assert.Equal(201, (int)removed.StatusCode);
        Assert.Equal(("adminRemove", "delivered"), ((await ReadJson(removed)).GetProperty("requestType").GetString(), (await ReadJson(removed)).GetProperty("state").GetString()));
        Assert.Equal(0, (await ReadJson(await client.GetAsync(Em + $"catalogs/{d.CatalogId}/resources"))).GetProperty("value").GetArrayLength());
    }
}
