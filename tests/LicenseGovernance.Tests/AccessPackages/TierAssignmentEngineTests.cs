using LicenseGovernance.Engine;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.AccessPackages;

/// <summary>Administrators' direct assignments: they still expire, are journaled, and Undo-LicenseChange reverses them.</summary>
public sealed class TierAssignmentEngineTests : IDisposable
{
    private readonly EngineFixture _fx = new EngineFixture(users: 60);

    public void Dispose() => _fx.Dispose();

    private async Task<TierAccessPackage> Tier3Async(int days = 180)
    {
        await _fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        return await _fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3", ExpirationDays = days });
    }

    [Fact]
    public async Task AnAdministratorsAssignmentIsDeliveringThenDeliveredAndStillExpires()
    {
        await Tier3Async();
        var (user, _) = _fx.Tenant.NewRequestor("direct");
        var plan = await _fx.Engine.PlanAddTierAssignmentAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier3", Days = 30, Justification = "Pilot" }, new CollectingSink());
        Assert.Contains("\"requestType\":\"adminAdd\"", plan.Body);
        Assert.Contains("\"targetId\":\"" + user.Id + "\"", plan.Body);
        Assert.Empty(_fx.Tenant.Store.AssignmentRequests);

        // Entra delivers asynchronously: the request read back at once is still delivering, and says so.
        var sent = await _fx.Engine.ApplyTierAssignmentPlanAsync(plan, new CollectingSink());
        Assert.Equal("delivering", sent.State);
        _fx.Tenant.Settle();
        Assert.True(_fx.Tenant.HoldsSku(user.Id, "SPE_E5"));
        var held = Assert.Single(await _fx.AssignmentsAsync(new GetTierAssignmentRequest { User = user.UserPrincipalName }));
        Assert.Equal(30, held.DaysLeft);
        Assert.Equal("LIC-M365-Tier3", held.TierGroup);
        Assert.Single(await _fx.AssignmentsAsync(new GetTierAssignmentRequest { ExpiringWithinDays = 31 }));
        Assert.Empty(await _fx.AssignmentsAsync(new GetTierAssignmentRequest { ExpiringWithinDays = 29 }));

        var again = await Assert.ThrowsAsync<LicenseGovernanceException>(() => _fx.Engine.PlanAddTierAssignmentAsync(new AddTierAssignmentRequest { User = user.Id.ToString(), Tier = "LIC-M365-Tier3" }, new CollectingSink()));
        Assert.Equal(ErrorIds.TierAssignmentExists, again.Error.Id);

        _fx.Tenant.Clock.Advance(TimeSpan.FromDays(30));
        _fx.Tenant.Settle();
        Assert.False(_fx.Tenant.HoldsSku(user.Id, "SPE_E5"));
    }

    /// <summary>Issue 15: -Tier is a tier, never a rank; "3" used to fail as "No access package for tier '3'".</summary>
    [Fact]
    public async Task ARankGivenAsTierIsRefusedNamingTheTierOfThatRankAndNothingIsSent()
    {
        await Tier3Async();
        var (user, _) = _fx.Tenant.NewRequestor("byrank");
        _fx.Tenant.Statistics.Reset();
        var add = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            _fx.Engine.PlanAddTierAssignmentAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "3", Days = 30 }, new CollectingSink()));
        Assert.Equal(ErrorIds.TierGivenAsRank, add.Error.Id);
        Assert.Contains("The tier of rank 3 is 'LIC-M365-Tier3'", add.Error.Message);
        Assert.Contains("-Rank", add.Error.Message);
        Assert.Equal(0, _fx.Tenant.Statistics.Writes);

        var unknown = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            _fx.Engine.PlanAddTierAssignmentAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "7" }, new CollectingSink()));
        Assert.Equal(ErrorIds.TierGivenAsRank, unknown.Error.Id);
        Assert.Contains("No tier has rank 7", unknown.Error.Message);

        var listed = new CollectingSink();
        await _fx.Engine.GetTierAccessPackagesAsync(new GetTierAccessPackageRequest { Tier = new[] { "3" } }, listed);
        Assert.Equal(ErrorIds.TierGivenAsRank, Assert.Single(listed.Errors).Id);

        // A name that is not a number still gets the not-found error with the closest names.
        var misspelt = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            _fx.Engine.PlanAddTierAssignmentAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier4" }, new CollectingSink()));
        Assert.Equal(ErrorIds.TierAccessPackageNotFound, misspelt.Error.Id);
    }

    [Fact]
    public async Task AnEndBeyondThePolicysMaximumIsRefusedAndNothingIsSent()
    {
        await Tier3Async(days: 90);
        var (user, _) = _fx.Tenant.NewRequestor("toolong");
        _fx.Tenant.Statistics.Reset();
        var error = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            _fx.Engine.PlanAddTierAssignmentAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier3", Days = 120 }, new CollectingSink()));
        Assert.Equal(ErrorIds.TierAssignmentEndInvalid, error.Error.Id);
        var unknown = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            _fx.Engine.PlanAddTierAssignmentAsync(new AddTierAssignmentRequest { User = "nobody@nowhere.example", Tier = "LIC-M365-Tier3" }, new CollectingSink()));
        Assert.Equal(ErrorIds.PrincipalNotFound, unknown.Error.Id);
        var noPackage = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            _fx.Engine.PlanAddTierAssignmentAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier9" }, new CollectingSink()));
        Assert.Equal(ErrorIds.TierAccessPackageNotFound, noPackage.Error.Id);
        Assert.Equal(0, _fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task RemovingAnAssignmentTakesTheTierAwayAndUndoGivesItBack()
    {
        await Tier3Async();
        var (user, _) = _fx.Tenant.NewRequestor("undone");
        await _fx.AssignAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier3", Days = 60, Justification = "Project" });
        _fx.Tenant.Settle();

        var plan = await _fx.Engine.PlanRemoveTierAssignmentAsync(new RemoveTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier3", Justification = "Project over" }, new CollectingSink());
        Assert.Contains("\"requestType\":\"adminRemove\"", plan.Body);
        Assert.Contains("will have no licence left", Assert.Single(plan.Warnings));
        await _fx.Engine.ApplyTierAssignmentPlanAsync(plan, new CollectingSink());
        _fx.Tenant.Settle();
        Assert.False(_fx.Tenant.HoldsSku(user.Id, "SPE_E5"));
        Assert.Empty(await _fx.AssignmentsAsync());

        var removal = new JournalFile(_fx.Engine.JournalPath).Load(out _).Last(e => e.Operation == AccessPackageChangeIntents.RemoveAssignment);
        Assert.Equal(user.Id.ToString(), removal.TargetId);
        Assert.Equal(LicenseChangeStatus.Succeeded, removal.Status);
        var undo = new CollectingSink();
        await _fx.Engine.UndoChangesAsync(new UndoChangeRequest { Id = new[] { removal.Id } }, undo);
        Assert.Empty(undo.Errors);
        _fx.Tenant.Settle();
        var back = Assert.Single(await _fx.AssignmentsAsync());
        Assert.Equal(user.Id, back.UserId);
        Assert.True(_fx.Tenant.HoldsSku(user.Id, "SPE_E5"));

        // Undoing the add it made takes the assignment away again.
        var add = new JournalFile(_fx.Engine.JournalPath).Load(out _).Last(e => e.Operation == AccessPackageChangeIntents.AddAssignment);
        await _fx.Engine.UndoChangesAsync(new UndoChangeRequest { Id = new[] { add.Id } }, new CollectingSink());
        _fx.Tenant.Settle();
        Assert.Empty(await _fx.AssignmentsAsync());
    }

    [Fact]
    public async Task AnUnknownAssignmentIdIsSaidToNameNoAssignmentNotTakenForAUser()
    {
        await Tier3Async();
        var unknown = Guid.NewGuid().ToString();
        _fx.Tenant.Statistics.Reset();

        var ex = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            _fx.Engine.PlanRemoveTierAssignmentAsync(new RemoveTierAssignmentRequest { AssignmentId = unknown }, new CollectingSink()));

        Assert.Equal(ErrorIds.TierAssignmentIdNotFound, ex.Error.Id);
        Assert.Contains("No tier assignment has the id '" + unknown + "'", ex.Error.Message);
        Assert.DoesNotContain("-User '" + unknown, ex.Error.Message);
        Assert.Equal(0, _fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task OnlyAssignmentsWhosePackageGrantsTheGroupDeliverItsMembership()
    {
        var package = await Tier3Async();
        await _fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        await _fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2" });
        var (user, _) = _fx.Tenant.NewRequestor("zombie");
        await _fx.AssignAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier3" });
        await _fx.AssignAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier2" });
        _fx.Tenant.Settle();
        var tier3 = _fx.Tenant.Store.Groups.Single(g => g.DisplayName == "LIC-M365-Tier3");

        var session = _fx.Engine.Session!;
        var granting = await AccessPackageAssignmentRemover.FindPackagesGrantingGroupAsync(session, tier3.Id.ToString(), CancellationToken.None);
        Assert.Equal(package.Id.ToString(), Assert.Single(granting).Id);

        // What Remove-ZombieLicense ends to take the user out of Tier3: the Tier3 assignment, not the Tier2 one.
        var skus = new CollectingSink();
        await _fx.Engine.GetSkusAsync(new GetLicenseSkuRequest(), skus);
        var sources = await LicenseSources.ReadAsync(session, skus.Of<LicenseSku>(), CancellationToken.None);
        var delivering = Assert.Single(sources.DeliveringAssignments(user.Id.ToString(), tier3.Id.ToString()));
        Assert.Equal(package.Id.ToString(), delivering.AccessPackage!.Id);
        Assert.Empty(sources.DeliveringAssignments(Guid.NewGuid().ToString(), tier3.Id.ToString()));
    }
}
