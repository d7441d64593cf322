using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.Journal;

/// <summary>Undo-LicenseChange on a group's journaled assignLicense: the SKUs and disabled plans the group had come back.</summary>
public sealed class GroupLicenseUndoTests : IDisposable
{
    private static readonly Guid E3 = Guid.Parse("05e9a617-0261-4cee-bb44-138d3ef5d965");
    private static readonly Guid Sway = Guid.Parse("a23b959c-7ce8-4e57-9140-b90eb88a9e97");

    private readonly EngineFixture _fx = new EngineFixture(users: 40);

    public void Dispose() => _fx.Dispose();

    private JournalEntry LastLicenceChange() =>
        new JournalFile(_fx.Engine.JournalPath).Load(out _).Last(e => e.Operation == ChangeIntents.GroupAssignLicense);

    private async Task<CollectingSink> UndoAsync(Guid id, bool force = false)
    {
        var sink = new CollectingSink();
        await _fx.Engine.UndoChangesAsync(new UndoChangeRequest { Id = new[] { id }, Force = force }, sink);
        return sink;
    }

    private async Task<LicenseTierGroup> TierWithoutYammerAsync()
    {
        var tier = await _fx.NewTierAsync("LIC-Undo-Tier", new[] { "SPE_E3" }, tier: 2);
        var plan = await _fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "LIC-Undo-Tier", DisabledPlan = new[] { "YAMMER_ENTERPRISE" } }, new CollectingSink());
        await _fx.Engine.ApplyTierGroupPlanAsync(plan, new CollectingSink());
        return tier;
    }

    [Fact]
    public async Task AGroupsLicenceChangeIsReversibleAndUndoGivesTheOldPlansBackOnce()
    {
        var tier = await TierWithoutYammerAsync();
        var change = LastLicenceChange();
        Assert.True(change.ToOutput().Reversible);

        var undone = Assert.Single((await UndoAsync(change.Id)).Of<LicenseChangeUndoResult>());

        Assert.Equal(LicenseChangeUndoStatus.Undone, undone.Status);
        Assert.Equal("give " + E3 + " its former plans back on group LIC-Undo-Tier", undone.Detail);
        Assert.Empty(Assert.Single(_fx.Tenant.Store.FindGroup(tier.GroupId)!.AssignedLicenses).DisabledPlans);
        Assert.Equal(change.Id, LastLicenceChange().UndoOf);
        Assert.Equal(LicenseChangeUndoStatus.Skipped, Assert.Single((await UndoAsync(change.Id)).Of<LicenseChangeUndoResult>()).Status);
    }

    [Fact]
    public async Task AGroupWhoseLicencesChangedSinceIsAConflictUnlessForced()
    {
        var tier = await TierWithoutYammerAsync();
        var change = LastLicenceChange();
        _fx.Tenant.Store.AssignGroupLicense(tier.GroupId, E3, new[] { Sway });

        var conflict = await UndoAsync(change.Id);
        Assert.Equal(ErrorIds.ChangeConflict, Assert.Single(conflict.Errors).Id);
        Assert.Equal(new[] { Sway }, Assert.Single(_fx.Tenant.Store.FindGroup(tier.GroupId)!.AssignedLicenses).DisabledPlans);

        var forced = await UndoAsync(change.Id, force: true);
        Assert.Empty(forced.Errors);
        Assert.Equal(LicenseChangeUndoStatus.Undone, Assert.Single(forced.Of<LicenseChangeUndoResult>()).Status);
        Assert.Empty(Assert.Single(_fx.Tenant.Store.FindGroup(tier.GroupId)!.AssignedLicenses).DisabledPlans);
    }

    [Fact]
    public async Task AGroupAlreadyBackWhereItWasNeedsNothingWritten()
    {
        var tier = await TierWithoutYammerAsync();
        var change = LastLicenceChange();
        _fx.Tenant.Store.AssignGroupLicense(tier.GroupId, E3);
        _fx.Tenant.Statistics.Reset();

        var result = Assert.Single((await UndoAsync(change.Id)).Of<LicenseChangeUndoResult>());

        Assert.Equal(LicenseChangeUndoStatus.AlreadyUndone, result.Status);
        Assert.Equal(0, _fx.Tenant.Statistics.Writes);
    }
}
