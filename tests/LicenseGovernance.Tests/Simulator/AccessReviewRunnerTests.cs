using System.Net;
using LicenseGovernance.Simulator;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>
/// The simulated tenant's access reviews: an instance per occurrence of a policy's review schedule with a decision per
/// delivered assignment, reviewers resolved (manager, else the fallback), decisions only from a reviewer, and the results
/// applied at the instance's end as the policy says.
/// </summary>
public class AccessReviewRunnerTests
{
    private const string Em = "identityGovernance/entitlementManagement/";
    private const string Reviews = "identityGovernance/accessReviews/definitions";

    [Fact]
    public async Task A_review_runs_on_the_clock_takes_decisions_from_reviewers_only_and_applies_them_at_its_end()
    {
        var (tenant, client, packageId, group) = await EntitlementManagementTests.PackageAsync();
        var boss = tenant.Store.AddUser("boss@" + tenant.DefaultDomain, u => u.UsageLocation = "US");
        var auditor = tenant.Store.AddUser("auditor@" + tenant.DefaultDomain, u => u.UsageLocation = "US");
        var ann = tenant.Store.AddUser("ann@" + tenant.DefaultDomain, u => (u.UsageLocation, u.ManagerId) = ("US", boss.Id));
        var orphan = tenant.Store.AddUser("orphan@" + tenant.DefaultDomain, u => u.UsageLocation = "US");
        var policy = EntitlementManagementTests.Policy(packageId, approval: new { isApprovalRequiredForAdd = false, isApprovalRequiredForUpdate = false, stages = Array.Empty<object>() });
        var start = tenant.Clock.UtcNow.AddDays(1);
        policy["reviewSettings"] = new Dictionary<string, object>
        {
            ["isEnabled"] = true, ["expirationBehavior"] = "removeAccess", ["isRecommendationEnabled"] = true, ["isReviewerJustificationRequired"] = true, ["isSelfReview"] = false,
            ["primaryReviewers"] = new[] { new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.requestorManager", ["managerLevel"] = 1 } },
            ["fallbackReviewers"] = new[] { new Dictionary<string, object> { ["@odata.type"] = "#microsoft.graph.singleUser", ["userId"] = auditor.Id.ToString() } },
            ["schedule"] = new
            {
                startDateTime = start.ToString("o"), expiration = new { type = "afterDuration", duration = "P3D" },
                recurrence = new { pattern = new { type = "absoluteMonthly", interval = 1, dayOfMonth = start.Day }, range = new { type = "noEnd", startDate = start.ToString("yyyy-MM-dd") } },
            },
        };
        var response = await client.PostAsync(Em + "assignmentPolicies", Json(policy));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await ReadJson(response);
        foreach (var user in new[] { ann, orphan })
        {
            var add = await client.PostAsync(Em + "assignmentRequests", Json(new { requestType = "adminAdd", assignment = new { targetId = user.Id.ToString(), assignmentPolicyId = created.GetProperty("id").GetString(), accessPackageId = packageId } }));
            Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        }

        tenant.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Empty(tenant.Store.AccessReviews);
        tenant.Clock.Advance(TimeSpan.FromDays(1));
        var instance = Assert.Single(Assert.Single(tenant.Store.AccessReviews).Instances);
        Assert.Equal(("InProgress", start, start.AddDays(3)), (instance.Status, instance.StartDateTime, instance.EndDateTime));
        Assert.Equal(boss.Id, Assert.Single(instance.Decisions.Single(d => d.PrincipalId == ann.Id).Reviewers));
        Assert.Equal(auditor.Id, Assert.Single(instance.Decisions.Single(d => d.PrincipalId == orphan.Id).Reviewers));

        using var admin = Client(tenant);
        var listed = await admin.GetAsync(Reviews);
        Assert.True(listed.StatusCode == HttpStatusCode.OK, await listed.Content.ReadAsStringAsync());
        var definition = Assert.Single((await ReadJson(listed)).GetProperty("value").EnumerateArray());
        Assert.Contains($"accessPackageId eq '{packageId}'", definition.GetProperty("scope").GetProperty("query").GetString());
        var decisions = $"{Reviews}/{definition.GetProperty("id").GetString()}/instances/{instance.Id}/decisions";
        using var manager = Client(tenant, tenant.SignIn(boss.UserPrincipalName, Guid.NewGuid().ToString(), "My Access", new[] { "AccessReview.ReadWrite.All" }));
        using var stranger = Client(tenant, tenant.SignIn(orphan.UserPrincipalName, Guid.NewGuid().ToString(), "My Access", new[] { "AccessReview.ReadWrite.All" }));
        var mine = (await ReadJson(await manager.GetAsync(decisions + "/filterByCurrentUser(on='reviewer')"))).GetProperty("value");
        Assert.Equal(ann.Id.ToString(), Assert.Single(mine.EnumerateArray()).GetProperty("principal").GetProperty("id").GetString());
        var annDecision = $"{decisions}/{instance.Decisions.Single(d => d.PrincipalId == ann.Id).Id}";

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PatchAsync(annDecision, Json(new { decision = "Deny", justification = "no" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PatchAsync(annDecision, Json(new { decision = "Deny", justification = "no" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PatchAsync(annDecision, Json(new { decision = "Approve" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PatchAsync(annDecision, Json(new { decision = "Approve", justification = "Still on the project" }))).StatusCode);

        tenant.Clock.Advance(TimeSpan.FromDays(3));
        tenant.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal("Completed", instance.Status);
        Assert.All(instance.Decisions, d => Assert.Equal("AppliedSuccessfully", d.ApplyResult));
        Assert.Contains(ann.Id, tenant.Store.Groups.Single(g => g.Id == group.Id).MemberSet);
        Assert.DoesNotContain(orphan.Id, tenant.Store.Groups.Single(g => g.Id == group.Id).MemberSet);
    }
}
