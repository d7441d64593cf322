using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.AccessPackages;

/// <summary>
/// Users' own requests and approvers' decisions (Request-, Approve-, Deny-TierAssignment(Request)): checked against the
/// policy before anything is sent, sent as the signed-in user (-As on the simulated tenant), journaled.
/// </summary>
public sealed class TierRequestEngineTests : IDisposable
{
    private readonly EngineFixture _fx = new EngineFixture(users: 60);

    public void Dispose() => _fx.Dispose();

    private async Task Tier3Async(TierAccessPackageRequest? request = null)
    {
        await _fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        await _fx.NewPackageAsync(request ?? new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3", ExpirationDays = 180, AllowCustomEndDate = true, AllowExtension = true });
    }

    private Task<TierRequestPlan> PlanAsync(string user, int? days = null, bool extend = false, string? justification = "Project") =>
        _fx.Engine.PlanTierRequestAsync(new RequestTierAssignmentRequest { Tier = "LIC-M365-Tier3", Days = days, Extend = extend, Justification = justification, As = user }, new CollectingSink());

    private async Task<GovernanceError> RefusedAsync(Func<Task> planning)
    {
        var before = _fx.Tenant.Store.AssignmentRequests.Count;
        var error = (await Assert.ThrowsAsync<LicenseGovernanceException>(planning)).Error;
        Assert.Equal(before, _fx.Tenant.Store.AssignmentRequests.Count);
        return error;
    }

    private async Task<TierAssignmentRequestInfo> DecideAsync(Guid request, string approver, bool approve = true, string? justification = "Checked")
    {
        var decision = new TierRequestDecisionRequest { RequestId = request, Approve = approve, Justification = justification, As = approver };
        var plan = await _fx.Engine.PlanTierRequestDecisionAsync(decision, new CollectingSink());
        return await _fx.Engine.ApplyTierRequestDecisionPlanAsync(plan, new CollectingSink());
    }

    [Fact]
    public async Task ARequestIsSentAsTheUserAndTheManagersApprovalDeliversIt()
    {
        await Tier3Async();
        var (user, manager) = _fx.Tenant.NewRequestor("ada");
        var plan = await PlanAsync(user.UserPrincipalName, days: 180);
        Assert.Contains("\"requestType\":\"userAdd\"", plan.Body);
        Assert.True(plan.ApprovalRequired);
        Assert.Empty(_fx.Tenant.Store.AssignmentRequests);

        var sent = await _fx.Engine.ApplyTierRequestPlanAsync(plan, new CollectingSink());
        Assert.Equal("pendingApproval", sent.State);
        // The requestor holds no entitlement role, so Graph shows them the request but not the policy that says who decides.
        Assert.Null(sent.WaitingFor);
        var stored = Assert.Single(_fx.Tenant.Store.AssignmentRequests);
        Assert.Equal(user.Id, stored.RequestorId);
        Assert.NotNull(stored.RequestedEnd);

        var decided = await DecideAsync(sent.Id, manager.UserPrincipalName);
        Assert.Equal("delivering", decided.State);
        _fx.Tenant.Settle();
        Assert.True(_fx.Tenant.HoldsSku(user.Id, "SPE_E5"));
        var journal = new JournalFile(_fx.Engine.JournalPath).Read().Entries;
        Assert.Contains(journal, e => e.Operation == AccessPackageChangeIntents.RequestAssignment && e.Operator == user.UserPrincipalName);
        Assert.Contains(journal, e => e.Operation == AccessPackageChangeIntents.DecideRequest && e.Operator == manager.UserPrincipalName);
    }

    [Fact]
    public async Task ThePolicyRefusesBeforeAnythingIsSentWithItsReason()
    {
        await Tier3Async();
        var (user, _) = _fx.Tenant.NewRequestor("bea");
        var (guest, _) = _fx.Tenant.NewRequestor("gus", userType: "Guest");

        Assert.Contains("at most 180 days", (await RefusedAsync(() => PlanAsync(user.UserPrincipalName, days: 181))).Message);
        // A requestor cannot read whether the policy requires a justification; Graph refuses the request, and nothing is created.
        var unjustified = await RefusedAsync(async () => await _fx.Engine.ApplyTierRequestPlanAsync(await PlanAsync(user.UserPrincipalName, justification: " "), new CollectingSink()));
        Assert.Equal(ErrorIds.GraphRequestFailed, unjustified.Id);
        Assert.Contains("justification", unjustified.Message);
        Assert.Contains("guest user, is not among the users", (await RefusedAsync(() => PlanAsync(guest.UserPrincipalName))).Message);
        Assert.Contains("holds no assignment", (await RefusedAsync(() => PlanAsync(user.UserPrincipalName, extend: true))).Message);
        Assert.Equal(ErrorIds.TierRequestRefused, (await RefusedAsync(() => PlanAsync(user.UserPrincipalName, days: 181))).Id);
    }

    [Fact]
    public async Task AChosenEndIsRefusedWhenThePolicyDoesNotAllowOneAndARequestorGroupIsHonoured()
    {
        await _fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        var group = _fx.Tenant.Store.AddGroup("Falcon project");
        await _fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3", ExpirationDays = 90, RequestorGroup = new[] { group.DisplayName } });
        var (insider, _) = _fx.Tenant.NewRequestor("ian");
        var (outsider, _) = _fx.Tenant.NewRequestor("oli");
        _fx.Tenant.Store.AddMember(group.Id, insider.Id);

        Assert.Contains("choose the end date", (await RefusedAsync(() => PlanAsync(insider.UserPrincipalName, days: 30))).Message);
        Assert.Contains("not among the users", (await RefusedAsync(() => PlanAsync(outsider.UserPrincipalName))).Message);
        var plan = await PlanAsync(insider.UserPrincipalName);
        Assert.Null(plan.RequestedEndDate);
        Assert.Equal(90, (int)Math.Round((plan.EndDate!.Value - _fx.Tenant.Clock.UtcNow).TotalDays));
    }

    [Fact]
    public async Task AnExtensionAsksForApprovalAgainAndOnlyTheStagesApproverDecides()
    {
        await Tier3Async();
        var (user, manager) = _fx.Tenant.NewRequestor("cai");
        var (other, _) = _fx.Tenant.NewRequestor("dan");
        var first = await _fx.Engine.ApplyTierRequestPlanAsync(await PlanAsync(user.UserPrincipalName, days: 30), new CollectingSink());
        var notApprover = await Assert.ThrowsAsync<LicenseGovernanceException>(() => DecideAsync(first.Id, other.UserPrincipalName));
        Assert.Equal(ErrorIds.TierAssignmentRequestNotShown, notApprover.Error.Id);
        // The manager cannot read the policy, so Graph itself refuses a decision without the justification it requires.
        var noReason = await Assert.ThrowsAsync<LicenseGovernanceException>(() => DecideAsync(first.Id, manager.UserPrincipalName, justification: null));
        Assert.Equal(ErrorIds.GraphRequestFailed, noReason.Error.Id);
        Assert.Equal("InProgress", _fx.Tenant.Store.AssignmentRequests.Single(r => r.Id == first.Id).ApprovalStages[0].Status);
        await DecideAsync(first.Id, manager.UserPrincipalName);
        _fx.Tenant.Settle();

        var extension = await _fx.Engine.ApplyTierRequestPlanAsync(await PlanAsync(user.UserPrincipalName, days: 120, extend: true), new CollectingSink());
        Assert.Equal("userExtend", extension.RequestType);
        Assert.Equal("pendingApproval", extension.State);
        Assert.Equal("userExtend", _fx.Tenant.Store.AssignmentRequests.Single(r => r.Id == extension.Id).RequestType);
        var denied = await DecideAsync(extension.Id, manager.UserPrincipalName, approve: false);
        Assert.Equal("denied", denied.State);
        var over = await Assert.ThrowsAsync<LicenseGovernanceException>(() => DecideAsync(extension.Id, manager.UserPrincipalName));
        Assert.Equal(ErrorIds.TierAssignmentRequestNotPending, over.Error.Id);
    }

    [Fact]
    public async Task AnAppOnlySessionIsToldASignedInUserIsNeeded()
    {
        await Tier3Async();
        var request = await Assert.ThrowsAsync<LicenseGovernanceException>(() => _fx.Engine.PlanTierRequestAsync(new RequestTierAssignmentRequest { Tier = "LIC-M365-Tier3" }, new CollectingSink()));
        Assert.Equal(ErrorIds.DelegatedSignInRequired, request.Error.Id);
        var decision = await Assert.ThrowsAsync<LicenseGovernanceException>(() => _fx.Engine.PlanTierRequestDecisionAsync(new TierRequestDecisionRequest { RequestId = Guid.NewGuid(), Approve = true }, new CollectingSink()));
        Assert.Equal(ErrorIds.DelegatedSignInRequired, decision.Error.Id);
        var nobody = await Assert.ThrowsAsync<LicenseGovernanceException>(() => PlanAsync("nobody@" + _fx.Tenant.DefaultDomain));
        Assert.Equal(ErrorIds.UserNotFound, nobody.Error.Id);
    }

    [Fact]
    public async Task AnEntitlementAdministratorReadsWhatRequestorsAndApproversCannot()
    {
        await Tier3Async();
        var (user, manager) = _fx.Tenant.NewRequestor("eve");
        var (admin, _) = _fx.Tenant.NewRequestor("ida");
        var (other, _) = _fx.Tenant.NewRequestor("fay");
        _fx.Tenant.Store.AssignDirectoryRole(admin.UserPrincipalName, "Identity Governance Administrator");
        var sent = await _fx.Engine.ApplyTierRequestPlanAsync(await PlanAsync(user.UserPrincipalName, days: 30), new CollectingSink());

        // Not an approver either, but the role lets the administrator read the request and its policy: it says who decides.
        var byAdmin = await Assert.ThrowsAsync<LicenseGovernanceException>(() => DecideAsync(sent.Id, admin.UserPrincipalName));
        Assert.Equal(ErrorIds.NotApproverOfStage, byAdmin.Error.Id);
        Assert.Contains("Manager (" + manager.UserPrincipalName + ")", byAdmin.Error.Message);
        var byOther = await Assert.ThrowsAsync<LicenseGovernanceException>(() => DecideAsync(sent.Id, other.UserPrincipalName));
        Assert.Equal(ErrorIds.TierAssignmentRequestNotShown, byOther.Error.Id);
        Assert.Equal("delivering", (await DecideAsync(sent.Id, manager.UserPrincipalName)).State);
    }
}
