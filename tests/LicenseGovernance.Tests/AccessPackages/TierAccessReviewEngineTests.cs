using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.AccessPackages;

/// <summary>
/// Access reviews of tier assignments: the review's schedule, reviewers and outcome checked before anything is sent,
/// the reviews read as Graph exposes them (whole, or the reviewer's own views), and a reviewer's decision (-As).
/// </summary>
public sealed class TierAccessReviewEngineTests : IDisposable
{
    private readonly EngineFixture _fx = new EngineFixture(users: 40);

    public void Dispose() => _fx.Dispose();

    private TierAccessPackageRequest Review(Action<TierAccessPackageRequest>? change = null)
    {
        var request = new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3", AccessReview = "Annual", FallbackReviewer = new[] { "LIC-M365-Tier3" } };
        change?.Invoke(request);
        return request;
    }

    private async Task<GovernanceError> RefusedAsync(TierAccessPackageRequest request)
    {
        var error = await _fx.PackageFailsAsync(request);
        Assert.Empty(_fx.Tenant.Store.AssignmentPolicies);
        return error;
    }

    [Fact]
    public async Task ReviewSettingsThatCannotRunAreRefusedBeforeAnythingIsSent()
    {
        await _fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);

        Assert.Equal(ErrorIds.AccessReviewFallbackRequired, (await RefusedAsync(Review(r => r.FallbackReviewer = null))).Id);
        var tooLong = await RefusedAsync(Review(r => (r.AccessReview, r.ReviewDurationDays) = ("Weekly", 8)));
        Assert.Equal(ErrorIds.AccessReviewDurationTooLong, tooLong.Id);
        Assert.Contains("7-day period", tooLong.Message);
        Assert.Equal(ErrorIds.AccessReviewStartInPast, (await RefusedAsync(Review(r => r.ReviewStartDate = _fx.Tenant.Clock.UtcNow.AddDays(-1)))).Id);
        Assert.Equal(ErrorIds.AccessPackageSettingInvalid, (await RefusedAsync(Review(r => r.AccessReview = "None"))).Id);
        Assert.Contains("'Sometimes'", (await RefusedAsync(Review(r => r.ReviewNoResponse = "Sometimes"))).Message);
    }

    [Fact]
    public async Task TheScheduleReviewersAndOutcomeReachGraphAndReadBackTyped()
    {
        await _fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        var start = _fx.Tenant.Clock.UtcNow.AddDays(10);
        var package = await _fx.NewPackageAsync(Review(r => (r.AccessReview, r.ReviewStartDate, r.ReviewDurationDays, r.ReviewNoResponse) = ("Quarterly", start, 21, "RemoveAccess")));

        var review = Assert.Single(_fx.Tenant.Store.AssignmentPolicies).Review!;
        Assert.Equal(("absoluteMonthly", 3, TimeSpan.FromDays(21), "removeAccess", start), (review.PatternType, review.Interval, review.Duration, review.ExpirationBehavior, review.StartDateTime));
        Assert.Equal("groupMembers", Assert.Single(review.FallbackReviewers).Type);
        Assert.Equal(("Quarterly", 21, "RemoveAccess", "LIC-M365-Tier3"), (package.AccessReview, package.ReviewDurationDays, package.ReviewNoResponse, Assert.Single(package.FallbackReviewers).Name));
        Assert.Equal(start, package.ReviewStartDate);
        Assert.EndsWith($"quarterly review by Manager (fallback LIC-M365-Tier3) from {start:yyyy-MM-dd}, open 21 days; a denial removes access at the review's end, no response removes it", package.Summary);

        var again = await _fx.NewPackageAsync(Review(r => (r.AccessReview, r.ReviewStartDate, r.ReviewDurationDays, r.ReviewNoResponse) = ("Quarterly", start, 21, "RemoveAccess")));
        Assert.Equal(TierAccessPackageResult.Unchanged, again.Result);
    }

    [Fact]
    public async Task AManagerDeniesOneUserAndTheAssignmentGoesAtTheReviewsEndWhileTheApprovedOneStays()
    {
        await _fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        await _fx.NewPackageAsync(Review(r => (r.ReviewStartDate, r.Approval, r.AllowWithoutApproval) = (_fx.Tenant.Clock.UtcNow.AddDays(30), "None", true)));
        var (ann, boss) = _fx.Tenant.NewRequestor("ann");
        var bob = _fx.Tenant.Store.AddUser("bob@" + _fx.Tenant.DefaultDomain, u => (u.UsageLocation, u.ManagerId) = ("US", boss.Id));
        foreach (var user in new[] { ann, bob })
        {
            await _fx.AssignAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier3" });
        }

        _fx.Tenant.Settle();
        _fx.Tenant.Clock.Advance(TimeSpan.FromDays(30));
        var decisions = await DecisionsAsync(boss.UserPrincipalName);
        Assert.Equal(new[] { ann.UserPrincipalName, bob.UserPrincipalName }, decisions.Select(d => d.UserPrincipalName).OrderBy(n => n));
        Assert.Empty(await DecisionsAsync(ann.UserPrincipalName));

        await DecideAsync(decisions.Single(d => d.UserPrincipalName == ann.UserPrincipalName), "Deny", boss.UserPrincipalName);
        var kept = await DecideAsync(decisions.Single(d => d.UserPrincipalName == bob.UserPrincipalName), "Approve", boss.UserPrincipalName);
        Assert.Equal(("Approve", boss.UserPrincipalName, "New"), (kept.Decision, kept.ReviewedBy, kept.ApplyResult));
        Assert.True(_fx.Tenant.HoldsSku(ann.Id, "SPE_E5"));
        Assert.Contains(new JournalFile(_fx.Engine.JournalPath).Read().Entries, e => e.Operation == AccessReviewDecisionWriter.Operation && e.Operator == boss.UserPrincipalName);

        _fx.Tenant.Clock.Advance(TimeSpan.FromDays(14));
        _fx.Tenant.Settle();
        Assert.False(_fx.Tenant.HoldsSku(ann.Id, "SPE_E5"));
        Assert.True(_fx.Tenant.HoldsSku(bob.Id, "SPE_E5"));
        var sink = new CollectingSink();
        await _fx.Engine.GetTierAccessReviewsAsync(new GetTierAccessReviewRequest(), sink);
        var instance = Assert.Single(sink.Of<TierAccessReview>().Where(r => r.Approved + r.Denied > 0));
        Assert.Equal(("Completed", 1, 1, 0), (instance.Status, instance.Approved, instance.Denied, instance.NotReviewed));
        Assert.Equal(boss.UserPrincipalName, Assert.Single(instance.Reviewers));
    }

    [Fact]
    public async Task OnlyAReviewerOfTheDecisionMayDecideAndOnlyWhileTheReviewIsOpen()
    {
        await _fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        await _fx.NewPackageAsync(Review(r => (r.ReviewStartDate, r.Approval, r.AllowWithoutApproval) = (_fx.Tenant.Clock.UtcNow.AddDays(1), "None", true)));
        var (ann, boss) = _fx.Tenant.NewRequestor("ann");
        await _fx.AssignAsync(new AddTierAssignmentRequest { User = ann.UserPrincipalName, Tier = "LIC-M365-Tier3" });
        _fx.Tenant.Settle();
        _fx.Tenant.Clock.Advance(TimeSpan.FromDays(1));
        var decision = Assert.Single(await DecisionsAsync(boss.UserPrincipalName));

        var stranger = await Assert.ThrowsAsync<LicenseGovernanceException>(() => DecideAsync(decision, "Deny", ann.UserPrincipalName));
        Assert.Equal(ErrorIds.AccessReviewDecisionNotFound, stranger.Error.Id);
        var appOnly = await Assert.ThrowsAsync<LicenseGovernanceException>(() => DecideAsync(decision, "Deny", null));
        Assert.Equal(ErrorIds.DelegatedSignInRequired, appOnly.Error.Id);

        _fx.Tenant.Clock.Advance(TimeSpan.FromDays(15));
        var closed = await Assert.ThrowsAsync<LicenseGovernanceException>(() => DecideAsync(decision, "Deny", boss.UserPrincipalName));
        Assert.Equal(ErrorIds.AccessReviewNotInProgress, closed.Error.Id);
        Assert.True(_fx.Tenant.HoldsSku(ann.Id, "SPE_E5"));
    }

    private async Task<List<TierAccessReviewDecision>> DecisionsAsync(string reviewer)
    {
        var sink = new CollectingSink();
        await _fx.Engine.GetTierAccessReviewsAsync(new GetTierAccessReviewRequest { Decisions = true, As = reviewer }, sink);
        Assert.Empty(sink.Errors);
        return sink.Of<TierAccessReviewDecision>().Where(d => d.ApplyResult == "New").ToList();
    }

    private async Task<TierAccessReviewDecision> DecideAsync(TierAccessReviewDecision decision, string value, string? reviewer)
    {
        var request = new TierAccessReviewDecisionRequest
        {
            DefinitionId = decision.DefinitionId, InstanceId = decision.InstanceId, DecisionId = decision.DecisionId, Decision = value, Justification = "Checked", As = reviewer,
        };
        var plan = await _fx.Engine.PlanTierAccessReviewDecisionAsync(request, new CollectingSink());
        return await _fx.Engine.ApplyTierAccessReviewDecisionPlanAsync(plan, new CollectingSink());
    }
}
