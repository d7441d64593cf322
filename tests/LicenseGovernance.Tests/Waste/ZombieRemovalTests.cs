using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.Waste;

/// <summary>Remove-ZombieLicense: each licence goes the way it arrives, nothing without confirmation, and Undo-LicenseChange puts it all back.</summary>
public sealed class ZombieRemovalTests : IDisposable
{
    private readonly SimulatedTenant _tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 90, Seed = 7 });
    private readonly EngineFixture _fx;
    private readonly Guid _e5;

    public ZombieRemovalTests()
    {
        _fx = new EngineFixture(tenant: _tenant);
        _e5 = _tenant.Store.Skus.Single(s => s.SkuPartNumber == "SPE_E5").SkuId;
    }

    public void Dispose() => _fx.Dispose();

    /// <summary>
    /// Two direct zombies also get Tier 3 through its access package, and two lose the direct licence so that the package is
    /// their only path: every way a licence can arrive is in the tenant.
    /// </summary>
    private async Task<(List<Guid> PackageOnly, List<Guid> DirectAndPackage)> AddAccessPackagePathsAsync()
    {
        await _fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        await _fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3", ExpirationDays = 365 });
        var now = _tenant.Clock.UtcNow;
        var direct = _tenant.Store.Users.Where(u => WasteSteps.IsZombie(u, now) && u.LicenseAssignmentStates.Any(s => s.SkuId == _e5 && s.AssignedByGroup == null)).Take(4).ToList();
        Assert.Equal(4, direct.Count);
        foreach (var user in direct)
        {
            await _fx.AssignAsync(new AddTierAssignmentRequest { User = user.UserPrincipalName, Tier = "LIC-M365-Tier3", Justification = "Project" });
        }

        _tenant.Settle();
        foreach (var user in direct.Take(2))
        {
            _tenant.Store.RemoveLicense(user.Id, _e5);
        }

        return (direct.Take(2).Select(u => u.Id).ToList(), direct.Skip(2).Select(u => u.Id).ToList());
    }

    [Fact]
    public async Task EachLicenseGoesTheWayItArrivesAndUndoRestoresThemAll()
    {
        var (packageOnly, both) = await AddAccessPackagePathsAsync();
        var now = _tenant.Clock.UtcNow;
        var expected = _tenant.Store.Users.Where(u => WasteSteps.HoldsSeat(u, _e5) && WasteSteps.IsZombie(u, now)).Select(u => u.Id).OrderBy(i => i).ToList();
        var zombies = (await _fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } })).Zombies;
        Assert.Equal(expected, zombies.Select(z => z.UserId).OrderBy(i => i));
        Assert.All(packageOnly, id => Assert.Equal(LicenseSourceKind.AccessPackage, Assert.Single(zombies.Single(z => z.UserId == id).Sources).Kind));
        Assert.All(both, id => Assert.Equal(new[] { LicenseSourceKind.Direct, LicenseSourceKind.AccessPackage }, zombies.Single(z => z.UserId == id).Sources.Select(s => s.Kind).OrderByDescending(k => k == LicenseSourceKind.Direct)));
        var viaPackage = zombies.Single(z => z.UserId == packageOnly[0]).Sources[0];
        Assert.Equal("LIC-M365-Tier3", viaPackage.GroupName);
        Assert.NotNull(viaPackage.AccessPackageAssignmentId);

        var directCount = zombies.Count(z => z.Sources.Any(s => s.Kind == LicenseSourceKind.Direct));
        var groupCount = zombies.Count(z => z.Sources.Any(s => s.Kind == LicenseSourceKind.Group));
        var packageCount = zombies.Count(z => z.Sources.Any(s => s.Kind == LicenseSourceKind.AccessPackage));
        Assert.True(directCount > 0 && groupCount > 0 && packageCount == 4);

        var before = _tenant.Store.Users.ToDictionary(u => u.Id, u => (
            Direct: u.LicenseAssignmentStates.Any(s => s.SkuId == _e5 && s.AssignedByGroup == null),
            Groups: u.MemberOf.OrderBy(g => g).ToList()));
        var packageAssignments = _tenant.Store.AccessPackageAssignments.Where(a => string.Equals(a.State, "delivered", StringComparison.OrdinalIgnoreCase)).Select(a => a.TargetId).OrderBy(i => i).ToList();

        // E5 carries an Exchange Online mailbox: without -IncludeMailboxLicenses every one is skipped, with the warning.
        _tenant.Statistics.Reset();
        var (skipped, skipSummary, skipSink) = await _fx.RemoveAsync(zombies, includeMailbox: false);
        Assert.All(skipped, r => Assert.Equal(ZombieRemovalOutcome.Skipped, r.Outcome));
        Assert.Equal(zombies.Count, skipSummary.Skipped);
        Assert.False(skipSummary.WhatIf);
        // -WhatIf says so even when every licence is skipped and nothing was asked.
        Assert.True((await _fx.RemoveAsync(zombies, includeMailbox: false, whatIf: true)).Summary.WhatIf);
        Assert.Contains(skipSink.Warnings, w => w.Contains("deleted after 30 days") && w.Contains("-IncludeMailboxLicenses"));
        Assert.Equal(0, _tenant.Statistics.Writes);

        // -WhatIf: every change is listed with its money, nothing is written.
        var (planned, whatIf, whatIfSink) = await _fx.RemoveAsync(zombies, confirm: false);
        Assert.All(planned, r => Assert.Equal(ZombieRemovalOutcome.NotConfirmed, r.Outcome));
        Assert.Equal(zombies.Count, whatIfSink.ShouldProcessQuestions.Count);
        Assert.All(whatIfSink.ShouldProcessQuestions, q => Assert.Contains("recovers USD 60.00/month, USD 720.00/year", q.Action));
        Assert.Contains(whatIfSink.ShouldProcessQuestions, q => q.Action.Contains("remove the direct SPE_E5"));
        Assert.Contains(whatIfSink.ShouldProcessQuestions, q => q.Action.Contains("remove the user from group 'LIC-M365-E5'"));
        Assert.Contains(whatIfSink.ShouldProcessQuestions, q => q.Action.Contains("end the access package assignment"));
        Assert.True(whatIf.WhatIf);
        Assert.Equal(zombies.Count * 60m, whatIf.MonthlyNotConfirmed);
        Assert.Equal(zombies.Count * 720m, whatIf.AnnualNotConfirmed);
        Assert.Equal(0, _tenant.Statistics.Writes);
        // Declining every confirmation is not -WhatIf.
        Assert.False((await _fx.RemoveAsync(zombies, confirm: false, whatIf: false)).Summary.WhatIf);

        var (removed, summary, sink) = await _fx.RemoveAsync(zombies);
        Assert.Empty(sink.Errors);
        Assert.All(removed, r => Assert.Equal(ZombieRemovalOutcome.Removed, r.Outcome));
        Assert.Equal(zombies.Count, summary.Removed);
        Assert.Equal(zombies.Count * 60m, summary.MonthlyRecovered);
        Assert.Equal(zombies.Count * 720m, summary.AnnualRecovered);
        Assert.Equal("USD", summary.Currency);

        // Direct by assignLicense, group by membership, access package by ending the assignment; never assignLicense for an inherited one.
        Assert.Equal(directCount, _tenant.Statistics.CountFor("POST /users/{id}/assignLicense"));
        Assert.Equal(0, _tenant.Statistics.ServedWith("POST /users/{id}/assignLicense", 400));
        Assert.Equal(groupCount, _tenant.Statistics.CountFor("DELETE /groups/{id}/members/{id}/$ref"));
        Assert.Equal(packageCount, _tenant.Statistics.PerRoute.Where(r => r.Key.StartsWith("POST ", StringComparison.Ordinal) && r.Key.EndsWith("/assignmentRequests", StringComparison.Ordinal)).Sum(r => r.Value));

        _tenant.Settle();
        Assert.All(zombies, z => Assert.False(WasteSteps.HoldsSeat(_tenant.Store.GetUser(z.UserId), _e5)));
        Assert.Empty((await _fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } })).Zombies);

        var journal = new JournalFile(_fx.Engine.JournalPath).Load(out _).Where(e => e.CorrelationId == summary.CorrelationId).ToList();
        Assert.Equal(directCount + groupCount + packageCount, journal.Count);
        Assert.All(journal, e => Assert.Equal(LicenseChangeStatus.Succeeded, e.Status));

        var undo = new CollectingSink();
        await _fx.Engine.UndoChangesAsync(new UndoChangeRequest { CorrelationId = summary.CorrelationId }, undo);
        Assert.Empty(undo.Errors);
        _tenant.Settle();
        foreach (var z in zombies)
        {
            var user = _tenant.Store.GetUser(z.UserId);
            Assert.True(WasteSteps.HoldsSeat(user, _e5), z.ToString());
            Assert.Equal(before[z.UserId].Direct, user.LicenseAssignmentStates.Any(s => s.SkuId == _e5 && s.AssignedByGroup == null));
            Assert.Equal(before[z.UserId].Groups, user.MemberOf.OrderBy(g => g).ToList());
        }

        Assert.Equal(packageAssignments, _tenant.Store.AccessPackageAssignments.Where(a => string.Equals(a.State, "delivered", StringComparison.OrdinalIgnoreCase)).Select(a => a.TargetId).OrderBy(i => i).ToList());
        Assert.Equal(expected, (await _fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } })).Zombies.Select(z => z.UserId).OrderBy(i => i));
    }

    /// <summary>
    /// Issue 13, item 10: until Entra processes the groups, Graph still shows the licences of a group the user left and an
    /// assignment being removed still reads delivered. The listing says their removal is pending, and a second removal at
    /// once, of that listing or of the objects piped the first time, skips them: nothing fails and nothing is written.
    /// </summary>
    [Fact]
    public async Task ARunAgainAtOnceFindsTheRemovalsPendingAndFailsNothing()
    {
        var (packageOnly, both) = await AddAccessPackagePathsAsync();
        var query = new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } };
        var zombies = (await _fx.ZombiesAsync(query)).Zombies;
        Assert.DoesNotContain(zombies, z => z.RemovalPending);
        var (_, first, _) = await _fx.RemoveAsync(zombies);
        Assert.Equal(zombies.Count, first.Removed);

        // A direct licence goes at once; one from a group stays in Graph until Entra has processed the change.
        var again = (await _fx.ZombiesAsync(query)).Zombies;
        var inherited = zombies.Where(z => z.Sources.Any(s => s.Kind != LicenseSourceKind.Direct)).Select(z => z.UserId).ToHashSet();
        Assert.Equal(inherited.OrderBy(i => i), again.Select(z => z.UserId).OrderBy(i => i));
        Assert.All(again, z =>
        {
            Assert.True(z.RemovalPending, z.ToString());
            Assert.All(z.Sources, s => Assert.True(s.RemovalPending));
            Assert.EndsWith("(removal pending)", z.AssignedBy);
        });
        Assert.Contains(again, z => z.RemovalPendingReason!.StartsWith("The user is no longer a member of 'LIC-M365-E5'.", StringComparison.Ordinal));
        Assert.All(packageOnly.Concat(both), id => Assert.StartsWith("The access package assignment 'LIC-M365-Tier3' that makes the user a member of 'LIC-M365-Tier3' is being removed.",
            again.Single(z => z.UserId == id).RemovalPendingReason));

        _tenant.Statistics.Reset();
        foreach (var piped in new[] { again, zombies })
        {
            var (results, summary, sink) = await _fx.RemoveAsync(piped);
            Assert.Empty(sink.Errors);
            Assert.Equal((0, 0, piped.Count), (summary.Failed, summary.Removed, summary.Skipped));
            Assert.All(results.Where(r => inherited.Contains(r.UserId)), r => Assert.StartsWith("RemovalPending: ", r.Detail));
        }

        Assert.Equal(0, _tenant.Statistics.Writes);
        _tenant.Settle();
        Assert.Empty((await _fx.ZombiesAsync(query)).Zombies);
    }

    [Fact]
    public async Task ALicenseThatChangedSinceTheSearchIsSkippedAndNothingElseIsTouched()
    {
        var zombies = (await _fx.ZombiesAsync(new GetZombieLicenseRequest { Reason = new[] { ZombieReason.Departed } })).Zombies;
        var gone = zombies.First(z => z.Sources.Any(s => s.Kind == LicenseSourceKind.Direct));
        _tenant.Store.RemoveLicense(gone.UserId, _e5);
        _tenant.Statistics.Reset();
        var (results, summary, _) = await _fx.RemoveAsync(new[] { gone });
        Assert.Equal(ZombieRemovalOutcome.Skipped, Assert.Single(results).Outcome);
        Assert.StartsWith("NotHeld", results[0].Detail);
        Assert.Equal(1, summary.Skipped);
        Assert.Equal(0m, summary.MonthlyRecovered);
        Assert.Equal(0, _tenant.Statistics.Writes);
    }

    [Fact]
    public async Task ALicenseFromADynamicGroupIsLeftWithAnErrorThatSaysWhatToChange()
    {
        var sku = _tenant.Store.Skus.Single(s => s.SkuPartNumber == "SPE_E5");
        _tenant.Store.SetPrepaidUnits(sku.SkuId, sku.PrepaidEnabled + 20);
        var dynamic = _tenant.Store.AddGroup("DYN-Former-Staff", g =>
        {
            g.GroupTypes.Add("DynamicMembership");
            g.MembershipRule = "user.department -eq \"Former staff\"";
            g.MembershipRuleProcessingState = "On";
        });
        _tenant.Store.AssignGroupLicense(dynamic.Id, _e5);
        _tenant.Settle();
        var departed = _tenant.Store.Users.Where(u => u.Department == "Former staff").ToList();
        Assert.NotEmpty(departed);
        Assert.All(departed, u => Assert.Contains(dynamic.Id, u.MemberOf));

        var zombie = (await _fx.ZombiesAsync(new GetZombieLicenseRequest { Reason = new[] { ZombieReason.Departed } })).Zombies.First(z => z.Sources.Any(s => s.DynamicMembership));
        _tenant.Statistics.Reset();
        var (results, summary, sink) = await _fx.RemoveAsync(new[] { zombie });
        Assert.Equal(ZombieRemovalOutcome.Skipped, Assert.Single(results).Outcome);
        var error = Assert.Single(sink.Errors);
        Assert.Equal(ErrorIds.ZombieLicenseFromDynamicGroup, error.Id);
        Assert.Contains("DYN-Former-Staff", error.Message);
        Assert.Equal(1, summary.Skipped);
        Assert.Equal(0, _tenant.Statistics.Writes);
    }

    [Fact]
    public async Task ARemovalGraphRefusesIsReportedAndTheRunGoesOn()
    {
        var zombies = (await _fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } })).Zombies;
        var direct = zombies.Where(z => z.Sources.All(s => s.Kind == LicenseSourceKind.Direct)).Take(2).ToList();
        var group = zombies.Where(z => z.Sources.All(s => s.Kind == LicenseSourceKind.Group)).Take(2).ToList();
        _fx.Engine.ConnectSimulator(_tenant, _tenant.Without("LicenseAssignment.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"));

        var (results, summary, sink) = await _fx.RemoveAsync(direct.Concat(group));
        Assert.Equal(2, summary.Failed);
        Assert.Equal(2, summary.Removed);
        Assert.All(sink.Errors, e => Assert.Equal(ErrorIds.ZombieLicenseRemovalFailed, e.Id));
        Assert.All(sink.Errors, e => Assert.Contains("LicenseAssignment.ReadWrite.All", e.Message));
        Assert.All(direct, z => Assert.True(WasteSteps.HoldsSeat(_tenant.Store.GetUser(z.UserId), _e5)));
        var failed = new JournalFile(_fx.Engine.JournalPath).Load(out _).Where(e => e.CorrelationId == summary.CorrelationId && e.Status == LicenseChangeStatus.Failed).ToList();
        Assert.Equal(2, failed.Count);
        Assert.Equal(2 * 60m, summary.MonthlyRecovered);
    }

    [Fact]
    public async Task WithoutEntitlementManagementGroupLicensesStillGoByMembership_ButOneAnAccessPackageDeliversFails()
    {
        var (packageOnly, _) = await AddAccessPackagePathsAsync();
        var zombies = (await _fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } })).Zombies;
        var group = zombies.Where(z => z.Sources.All(s => s.Kind == LicenseSourceKind.Group)).Take(3).ToList();
        var viaPackage = zombies.Single(z => z.UserId == packageOnly[0]);
        _fx.Engine.ConnectSimulator(_tenant, _tenant.Without("EntitlementManagement.Read.All", "EntitlementManagement.ReadWrite.All"));

        var scan = (await _fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } })).Sink;
        Assert.Contains("EntitlementManagement.Read.All", Assert.Single(scan.Warnings));

        var (results, summary, sink) = await _fx.RemoveAsync(group.Append(viaPackage));
        Assert.Equal(3, summary.Removed);
        Assert.Equal(1, summary.Failed);
        Assert.Equal(viaPackage.UserId, Assert.Single(results, r => r.Outcome == ZombieRemovalOutcome.Failed).UserId);
        Assert.Contains(sink.Warnings, w => w.StartsWith("Access package assignments could not be checked", StringComparison.Ordinal));
        Assert.Equal(3, _tenant.Statistics.CountFor("DELETE /groups/{id}/members/{id}/$ref"));
        Assert.True(_tenant.Store.AccessPackageAssignments.Any(a => a.TargetId == viaPackage.UserId && string.Equals(a.State, "delivered", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task AUserWhoCameBackSinceTheSearchKeepsTheLicense()
    {
        var zombies = (await _fx.ZombiesAsync(new GetZombieLicenseRequest { Reason = new[] { ZombieReason.Inactive, ZombieReason.NeverSignedIn } })).Zombies;
        var back = zombies.Where(z => z.Reasons.Count == 1).Take(2).ToList();
        var still = zombies.First(z => back.All(b => b.UserId != z.UserId));
        var now = _tenant.Clock.UtcNow;
        foreach (var z in back)
        {
            _tenant.Store.UpdateUser(z.UserId, u => u.SignInActivity = new SignInActivity { LastSignInDateTime = now, LastSuccessfulSignInDateTime = now, LastNonInteractiveSignInDateTime = now });
        }

        _tenant.Statistics.Reset();
        var (results, summary, _) = await _fx.RemoveAsync(back.Append(still));
        Assert.All(results.Where(r => r.UserId != still.UserId), r =>
        {
            Assert.Equal(ZombieRemovalOutcome.Skipped, r.Outcome);
            Assert.StartsWith("NoLongerZombie", r.Detail);
        });
        Assert.Equal(ZombieRemovalOutcome.Removed, results.Single(r => r.UserId == still.UserId).Outcome);
        Assert.Equal(2, summary.Skipped);
        Assert.All(back, z => Assert.True(WasteSteps.HoldsSeat(_tenant.Store.GetUser(z.UserId), _e5)));
        Assert.Equal(60m, summary.MonthlyRecovered);
    }

    [Fact]
    public async Task NamedUsersAndSkusAreJudgedBeforeAnythingIsRemoved()
    {
        var now = _tenant.Clock.UtcNow;
        var zombies = _tenant.Store.Users.Where(u => WasteSteps.IsZombie(u, now) && u.LicenseAssignmentStates.All(s => s.AssignedByGroup == null)).Take(2).ToList();
        var active = _tenant.Store.Users.First(u => !WasteSteps.IsZombie(u, now));
        var request = new RemoveZombieLicenseRequest
        {
            IncludeMailboxLicenses = true,
            Targets = new[]
            {
                new ZombieLicenseTarget { User = zombies[0].UserPrincipalName, Sku = "SPE_E5" },
                new ZombieLicenseTarget { User = zombies[1].Id.ToString(), Sku = "Microsoft 365 E5" },
                new ZombieLicenseTarget { User = active.UserPrincipalName, Sku = "SPE_E5" },
                new ZombieLicenseTarget { User = zombies[0].UserPrincipalName, Sku = "SPE_E55" },
                new ZombieLicenseTarget { User = "nobody@contoso.onmicrosoft.com", Sku = "SPE_E5" },
            },
        };
        var sink = new CollectingSink();
        var summary = await _fx.Engine.RemoveZombieLicensesAsync(request, sink);

        Assert.Equal(new[] { ErrorIds.SkuNotFound, ErrorIds.UserNotFound }, sink.Errors.Select(e => e.Id));
        var results = sink.Of<ZombieLicenseRemoval>().ToList();
        Assert.All(zombies, z => Assert.Equal(ZombieRemovalOutcome.Removed, results.Single(r => r.UserId == z.Id).Outcome));
        Assert.StartsWith("NoLongerZombie", results.Single(r => r.UserId == active.Id).Detail);
        Assert.Equal(2, summary.Removed);
        Assert.Equal(3, summary.Skipped);
        Assert.All(zombies, z => Assert.False(WasteSteps.HoldsSeat(_tenant.Store.GetUser(z.Id), _e5)));
        Assert.True(WasteSteps.HoldsSeat(_tenant.Store.GetUser(active.Id), _e5));
    }
}

/// <summary>One user who holds the same SKU three ways (directly and from two groups), one of the groups also carrying a second SKU.</summary>
public sealed class ZombieRemovalManySourcesTests : IDisposable
{
    private readonly SimulatedTenant _tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 60, Seed = 11 });
    private readonly EngineFixture _fx;
    private readonly Guid _e5;
    private readonly Guid _visio;
    private readonly SimulatedUser _user;
    private readonly SimulatedGroup _extra;

    public ZombieRemovalManySourcesTests()
    {
        _fx = new EngineFixture(tenant: _tenant);
        var store = _tenant.Store;
        _e5 = store.Skus.Single(s => s.SkuPartNumber == "SPE_E5").SkuId;
        _visio = store.AddSku("VISIOCLIENT", 10).SkuId;
        store.SetPrepaidUnits(_e5, store.GetSku(_e5)!.PrepaidEnabled + 10);
        var now = _tenant.Clock.UtcNow;
        _user = store.Users.First(u => !u.AccountEnabled && u.LicenseAssignmentStates.Any(s => s.SkuId == _e5 && s.AssignedByGroup == null));
        var e5Group = store.Groups.Single(g => g.DisplayName == "LIC-M365-E5");
        _extra = store.AddGroup("LIC-E5-Visio", g => g.Members.Add(_user.Id));
        store.AssignGroupLicense(_extra.Id, _e5);
        store.AssignGroupLicense(_extra.Id, _visio);
        store.AddMember(e5Group.Id, _user.Id);
        _disabled = store.GetSku(_e5)!.ServicePlans.Where(p => !p.ServicePlanName.StartsWith("EXCHANGE", StringComparison.Ordinal)).Take(2).Select(p => p.ServicePlanId).OrderBy(p => p).ToArray();
        store.AssignLicense(_user.Id, _e5, _disabled);
        _tenant.Settle();
        Assert.Equal(3, store.GetUser(_user.Id).LicenseAssignmentStates.Count(s => s.SkuId == _e5 && s.HoldsSeat));
    }

    private readonly Guid[] _disabled;

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task EverySourceGoesTheSeatIsFreedTheMoneyCountsOnceAndUndoRestoresAll()
    {
        var zombie = Assert.Single((await _fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } })).Zombies, z => z.UserId == _user.Id);
        Assert.Equal(new[] { LicenseSourceKind.Direct, LicenseSourceKind.Group, LicenseSourceKind.Group }, zombie.Sources.Select(s => s.Kind).OrderBy(k => k));

        var (planned, whatIf, whatIfSink) = await _fx.RemoveAsync(new[] { zombie }, confirm: false);
        var question = Assert.Single(whatIfSink.ShouldProcessQuestions).Action;
        Assert.Contains("remove the direct SPE_E5", question);
        Assert.Contains("'LIC-M365-E5'", question);
        Assert.Contains("'LIC-E5-Visio'", question);
        Assert.Contains("VISIOCLIENT", question);
        // Leaving LIC-E5-Visio frees Visio too (the user holds it from nowhere else): its money is recovered by the same change.
        Assert.Contains("recovers USD 75.00/month, USD 900.00/year", question);
        var plannedFree = Assert.Single(Assert.Single(planned).AlsoFreed);
        Assert.Equal("VISIOCLIENT", plannedFree.SkuPartNumber);
        Assert.Equal(75m, planned[0].MonthlyRecovered);
        Assert.Equal(75m, whatIf.MonthlyNotConfirmed);
        Assert.Equal(900m, whatIf.AnnualNotConfirmed);

        var (results, summary, sink) = await _fx.RemoveAsync(new[] { zombie });
        Assert.Empty(sink.Errors);
        Assert.Equal(ZombieRemovalOutcome.Removed, Assert.Single(results).Outcome);
        Assert.Equal(3, results[0].Changes.Count);
        var freed = Assert.Single(results[0].AlsoFreed);
        Assert.Equal((_visio, "VISIOCLIENT", "LIC-E5-Visio", 15m, 180m, "USD"), (freed.SkuId, freed.SkuPartNumber, freed.GroupName, freed.MonthlyCost, freed.AnnualCost, freed.Currency));
        Assert.Equal(60m, results[0].MonthlyCost);
        Assert.Equal(75m, results[0].MonthlyRecovered);
        Assert.Equal(900m, results[0].AnnualRecovered);
        Assert.Null(results[0].CountedWith);
        Assert.Equal(1, summary.Removed);
        Assert.Equal(1, summary.AlsoFreed);
        Assert.Equal(75m, summary.MonthlyRecovered);
        Assert.Equal(900m, summary.AnnualRecovered);
        _tenant.Settle();
        Assert.False(WasteSteps.HoldsSeat(_tenant.Store.GetUser(_user.Id), _visio));
        _tenant.Settle();
        Assert.False(WasteSteps.HoldsSeat(_tenant.Store.GetUser(_user.Id), _e5));
        var journal = new JournalFile(_fx.Engine.JournalPath).Load(out _).Where(e => e.CorrelationId == summary.CorrelationId).ToList();
        Assert.Equal(3, journal.Count);

        var undo = new CollectingSink();
        await _fx.Engine.UndoChangesAsync(new UndoChangeRequest { CorrelationId = summary.CorrelationId }, undo);
        Assert.Empty(undo.Errors);
        _tenant.Settle();
        var user = _tenant.Store.GetUser(_user.Id);
        Assert.Equal(3, user.LicenseAssignmentStates.Count(s => s.SkuId == _e5 && s.HoldsSeat));
        Assert.True(WasteSteps.HoldsSeat(user, _visio));
        Assert.Equal(_disabled, user.LicenseAssignmentStates.Single(s => s.SkuId == _e5 && s.AssignedByGroup == null).DisabledPlans.OrderBy(p => p));
    }

    [Fact]
    public async Task BothSkusOfOneGroupPipedTogetherAreRemovedByOneMembershipChange()
    {
        // E5 first: its change leaves LIC-E5-Visio, the only source of Visio, so Visio's row finds that group already left.
        var zombies = (await _fx.ZombiesAsync()).Zombies.Where(z => z.UserId == _user.Id).OrderBy(z => z.SkuPartNumber, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "SPE_E5", "VISIOCLIENT" }, zombies.Select(z => z.SkuPartNumber).OrderBy(s => s));

        // -WhatIf changes nothing, so both rows plan to leave LIC-E5-Visio; each user and SKU is still counted once.
        var (planned, whatIf, _) = await _fx.RemoveAsync(zombies, confirm: false);
        Assert.Equal(75m, whatIf.MonthlyNotConfirmed);
        Assert.Equal(900m, whatIf.AnnualNotConfirmed);
        Assert.Equal(75m, planned.Sum(r => r.MonthlyRecovered ?? 0));
        Assert.Equal(0, _tenant.Statistics.Writes);

        var (results, summary, sink) = await _fx.RemoveAsync(zombies);
        Assert.Empty(sink.Errors);
        Assert.All(results, r => Assert.Equal(ZombieRemovalOutcome.Removed, r.Outcome));
        Assert.Equal(0, summary.Failed);
        // The first row's change frees the other SKU too; the second row is done by that change and adds no money of its own.
        var first = results[0];
        var second = results[1];
        Assert.Equal(second.SkuPartNumber, Assert.Single(first.AlsoFreed).SkuPartNumber);
        Assert.Equal(first.SkuPartNumber, second.CountedWith);
        Assert.Empty(second.AlsoFreed);
        Assert.Null(second.MonthlyRecovered);
        Assert.Equal(75m, first.MonthlyRecovered);
        Assert.Equal(2, summary.Removed);
        Assert.Equal(1, summary.AlsoFreed);
        Assert.Equal(75m, summary.MonthlyRecovered);
        Assert.Equal(900m, summary.AnnualRecovered);
        Assert.Equal(0, summary.RemovedWithoutPrice);
        _tenant.Settle();
        var user = _tenant.Store.GetUser(_user.Id);
        Assert.False(WasteSteps.HoldsSeat(user, _e5));
        Assert.False(WasteSteps.HoldsSeat(user, _visio));
    }
}

/// <summary>Leaving a group to free one SKU takes the group's other SKUs too: a mailbox among them is guarded as the SKU's own would be.</summary>
public sealed class ZombieRemovalOtherSkusTests : IDisposable
{
    private readonly SimulatedTenant _tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 60, Seed = 17 });
    private readonly EngineFixture _fx;

    public ZombieRemovalOtherSkusTests() => _fx = new EngineFixture(tenant: _tenant);

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task AMembershipThatAlsoCarriesTheMailboxIsSkippedWithoutIncludeMailboxLicenses()
    {
        var store = _tenant.Store;
        var e5 = store.Skus.Single(s => s.SkuPartNumber == "SPE_E5").SkuId;
        var visio = store.AddSku("VISIOCLIENT", 10).SkuId;
        var e5Group = store.Groups.Single(g => g.DisplayName == "LIC-M365-E5");
        var user = store.Users.First(u => !u.AccountEnabled && e5Group.Members.Contains(u.Id));
        store.RemoveMember(e5Group.Id, user.Id);
        var both = store.AddGroup("LIC-E5-Visio", g => g.Members.Add(user.Id));
        store.AssignGroupLicense(both.Id, e5);
        store.AssignGroupLicense(both.Id, visio);
        _tenant.Settle();
        var zombie = Assert.Single((await _fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "VISIOCLIENT" } })).Zombies);
        Assert.False(zombie.HasMailbox);
        _tenant.Statistics.Reset();

        var (results, summary, sink) = await _fx.RemoveAsync(new[] { zombie }, includeMailbox: false);

        Assert.Equal(ZombieRemovalOutcome.Skipped, Assert.Single(results).Outcome);
        Assert.StartsWith("MailboxLicence", results[0].Detail);
        Assert.Contains(sink.Warnings, w => w.Contains("SPE_E5") && w.Contains("deleted after 30 days") && w.Contains("-IncludeMailboxLicenses"));
        Assert.Equal(0, _tenant.Statistics.Writes);
        Assert.True(WasteSteps.HoldsSeat(store.GetUser(user.Id), e5));

        var (removed, _, withMailbox) = await _fx.RemoveAsync(new[] { zombie }, includeMailbox: true);
        Assert.Equal(ZombieRemovalOutcome.Removed, Assert.Single(removed).Outcome);
        Assert.Contains(withMailbox.Warnings, w => w.Contains("SPE_E5") && w.Contains("deleted after 30 days"));
    }

    /// <summary>Two groups that both give Visio and E5: leaving both for Visio takes E5 too, though each alone would leave it.</summary>
    [Fact]
    public async Task WhatTheOtherGroupsOfTheSameRemovalGiveDoesNotCountAsKept()
    {
        var store = _tenant.Store;
        var e5 = store.Skus.Single(s => s.SkuPartNumber == "SPE_E5").SkuId;
        var visio = store.AddSku("VISIOCLIENT", 10).SkuId;
        store.SetPrepaidUnits(e5, store.GetSku(e5)!.PrepaidEnabled + 10);
        var e5Group = store.Groups.Single(g => g.DisplayName == "LIC-M365-E5");
        var user = store.Users.First(u => !u.AccountEnabled && e5Group.Members.Contains(u.Id));
        store.RemoveMember(e5Group.Id, user.Id);
        foreach (var name in new[] { "LIC-E5-Visio-A", "LIC-E5-Visio-B" })
        {
            var group = store.AddGroup(name, g => g.Members.Add(user.Id));
            store.AssignGroupLicense(group.Id, e5);
            store.AssignGroupLicense(group.Id, visio);
        }

        _tenant.Settle();
        var zombie = Assert.Single((await _fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "VISIOCLIENT" } })).Zombies);
        Assert.Equal(2, zombie.Sources.Count);
        _tenant.Statistics.Reset();

        var (results, _, sink) = await _fx.RemoveAsync(new[] { zombie }, includeMailbox: false);

        Assert.StartsWith("MailboxLicence", Assert.Single(results).Detail);
        Assert.Contains(sink.Warnings, w => w.Contains("SPE_E5") && w.Contains("deleted after 30 days"));
        Assert.Equal(0, _tenant.Statistics.Writes);
    }
}

/// <summary>A licence from a group whose membership Graph cannot change (synced from AD, or mail-enabled) is left, with an error that says where to change it.</summary>
public sealed class ZombieRemovalMasteredGroupTests : IDisposable
{
    private readonly SimulatedTenant _tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 60, Seed = 13 });
    private readonly EngineFixture _fx;

    public ZombieRemovalMasteredGroupTests() => _fx = new EngineFixture(tenant: _tenant);

    public void Dispose() => _fx.Dispose();

    [Theory]
    [InlineData(true, ErrorIds.ZombieLicenseFromSyncedGroup, "on-premises Active Directory")]
    [InlineData(false, ErrorIds.ZombieLicenseFromMailEnabledGroup, "Exchange Online")]
    public async Task NothingIsRemovedAndTheErrorSaysWhereTheMembershipIsChanged(bool synced, string errorId, string where)
    {
        var store = _tenant.Store;
        var e5 = store.Skus.Single(s => s.SkuPartNumber == "SPE_E5").SkuId;
        store.SetPrepaidUnits(e5, store.GetSku(e5)!.PrepaidEnabled + 10);
        var user = store.Users.First(u => !u.AccountEnabled && u.LicenseAssignmentStates.Any(s => s.SkuId == e5 && s.AssignedByGroup == null));
        var group = store.AddGroup("LIC-E5-Mastered", g =>
        {
            g.OnPremisesSyncEnabled = synced ? true : null;
            g.MailEnabled = !synced;
            g.Mail = synced ? null : "lic-e5@contoso.com";
            g.Members.Add(user.Id);
        });
        store.AssignGroupLicense(group.Id, e5);
        _tenant.Settle();
        var zombie = Assert.Single((await _fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } })).Zombies, z => z.UserId == user.Id);
        _tenant.Statistics.Reset();

        var (results, summary, sink) = await _fx.RemoveAsync(new[] { zombie });

        Assert.Equal(ZombieRemovalOutcome.Skipped, Assert.Single(results).Outcome);
        var error = Assert.Single(sink.Errors);
        Assert.Equal(errorId, error.Id);
        Assert.Contains("LIC-E5-Mastered", error.Message);
        Assert.Contains(where, error.Message);
        Assert.Equal(0, _tenant.Statistics.Writes);
        Assert.Equal(0m, summary.MonthlyRecovered);
        Assert.Equal(2, store.GetUser(user.Id).LicenseAssignmentStates.Count(s => s.SkuId == e5 && s.HoldsSeat));
    }
}

/// <summary>
/// A licence from a role-assignable group: Graph changes such a membership only with RoleManagement.ReadWrite.Directory as well
/// as GroupMember.ReadWrite.All. Without it the removal says exactly that, before anything of the user is changed.
/// </summary>
public sealed class ZombieRemovalRoleAssignableGroupTests : IDisposable
{
    private readonly SimulatedTenant _tenant = ZombieLicenseTenant.Create(new ZombieLicenseTenantOptions { Users = 60, Seed = 19 });
    private readonly EngineFixture _fx;

    public ZombieRemovalRoleAssignableGroupTests() => _fx = new EngineFixture(tenant: _tenant);

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task WithoutRoleManagementNothingOfTheUserIsRemovedAndTheErrorNamesThePermission()
    {
        var store = _tenant.Store;
        var e5 = store.Skus.Single(s => s.SkuPartNumber == "SPE_E5").SkuId;
        store.SetPrepaidUnits(e5, store.GetSku(e5)!.PrepaidEnabled + 10);
        var user = store.Users.First(u => !u.AccountEnabled && u.LicenseAssignmentStates.Any(s => s.SkuId == e5 && s.AssignedByGroup == null));
        var group = store.AddGroup("LIC-E5-Admins", g =>
        {
            g.IsAssignableToRole = true;
            g.Members.Add(user.Id);
        });
        store.AssignGroupLicense(group.Id, e5);
        _tenant.Settle();
        var zombie = Assert.Single((await _fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } })).Zombies, z => z.UserId == user.Id);
        Assert.Equal(new[] { LicenseSourceKind.Direct, LicenseSourceKind.Group }, zombie.Sources.Select(s => s.Kind).OrderBy(k => k));
        _fx.Engine.ConnectSimulator(_tenant, _tenant.Without("RoleManagement.ReadWrite.Directory"));
        _tenant.Statistics.Reset();

        var (results, summary, sink) = await _fx.RemoveAsync(new[] { zombie });

        Assert.Equal(ZombieRemovalOutcome.Skipped, Assert.Single(results).Outcome);
        Assert.StartsWith("RoleAssignableGroup", results[0].Detail);
        var error = Assert.Single(sink.Errors);
        Assert.Equal(ErrorIds.ZombieLicenseFromRoleAssignableGroup, error.Id);
        Assert.Contains("RoleManagement.ReadWrite.Directory", error.Message);
        Assert.Contains("LIC-E5-Admins", error.Message);
        Assert.Equal(0, _tenant.Statistics.Writes);
        Assert.Equal(0m, summary.MonthlyRecovered);
        // The direct licence stays too: removing it alone would not free the seat.
        Assert.Equal(2, store.GetUser(user.Id).LicenseAssignmentStates.Count(s => s.SkuId == e5 && s.HoldsSeat));

        // With the permission the same licence goes, both ways.
        _fx.Engine.ConnectSimulator(_tenant, _tenant.DefaultPrincipal);
        var (removed, done, doneSink) = await _fx.RemoveAsync(new[] { zombie });
        Assert.Empty(doneSink.Errors);
        Assert.Equal(ZombieRemovalOutcome.Removed, Assert.Single(removed).Outcome);
        Assert.Equal(60m, done.MonthlyRecovered);
        _tenant.Settle();
        Assert.False(WasteSteps.HoldsSeat(store.GetUser(user.Id), e5));
    }

    /// <summary>A licence that comes only from a role-assignable group: the same specific error, and the membership stays.</summary>
    [Fact]
    public async Task AGroupOnlyLicenseFromARoleAssignableGroupIsLeftWithTheSameError()
    {
        var store = _tenant.Store;
        var e5 = store.Skus.Single(s => s.SkuPartNumber == "SPE_E5").SkuId;
        var e5Group = store.Groups.Single(g => g.DisplayName == "LIC-M365-E5");
        var user = store.Users.First(u => !u.AccountEnabled && e5Group.Members.Contains(u.Id) && u.LicenseAssignmentStates.All(s => s.AssignedByGroup != null));
        store.UpdateGroup(e5Group.Id, g => g.IsAssignableToRole = true);
        var zombie = Assert.Single((await _fx.ZombiesAsync(new GetZombieLicenseRequest { Sku = new[] { "SPE_E5" } })).Zombies, z => z.UserId == user.Id);
        _fx.Engine.ConnectSimulator(_tenant, _tenant.Without("RoleManagement.ReadWrite.Directory"));

        var (results, _, sink) = await _fx.RemoveAsync(new[] { zombie });

        Assert.Equal(ZombieRemovalOutcome.Skipped, Assert.Single(results).Outcome);
        var error = Assert.Single(sink.Errors);
        Assert.Equal(ErrorIds.ZombieLicenseFromRoleAssignableGroup, error.Id);
        Assert.Contains("RoleManagement.ReadWrite.Directory", error.Message);
        Assert.Contains("LIC-M365-E5", error.Message);
        Assert.Contains(user.Id, store.Groups.Single(g => g.Id == e5Group.Id).Members);
    }

    [Fact]
    public async Task AnInactivityThresholdOutOfRangeIsRefusedWithTheSameMessageAsTheSearchAndNothingIsRead()
    {
        _tenant.Statistics.Reset();

        var search = await Assert.ThrowsAsync<LicenseGovernanceException>(() => _fx.Engine.GetZombieLicensesAsync(new GetZombieLicenseRequest { InactiveDays = 0 }, new CollectingSink()));
        var removal = await Assert.ThrowsAsync<LicenseGovernanceException>(() => _fx.Engine.RemoveZombieLicensesAsync(new RemoveZombieLicenseRequest { InactiveDays = 0 }, new CollectingSink()));

        Assert.Equal(ErrorIds.ZombieQueryInvalid, removal.Error.Id);
        Assert.Equal(search.Error.Message, removal.Error.Message);
        Assert.Equal(0, _tenant.Statistics.TotalRequests);
    }
}
