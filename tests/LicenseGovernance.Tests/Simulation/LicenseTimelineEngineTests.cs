using System.Collections;
using System.Reflection;
using LicenseGovernance.Engine.Simulation;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.Simulation;

/// <summary>Get-LicenseSimulatorTimeline's engine, on the rehearsal the issue asks for: a Tier 3 assignment that ends.</summary>
public sealed class LicenseTimelineEngineTests : IDisposable
{
    private readonly EngineFixture _fx = new EngineFixture(users: 40);

    public void Dispose() => _fx.Dispose();

    private async Task<List<T>> ReadAsync<T>(string user, string? sku = null, bool gaps = false)
    {
        var sink = new CollectingSink();
        await _fx.Engine.GetLicenseTimelineAsync(new GetLicenseTimelineRequest { User = user, Sku = sku, Gaps = gaps }, sink);
        Assert.Empty(sink.Errors);
        return sink.Of<T>().ToList();
    }

    [Fact]
    public async Task An_expiring_Tier3_assignment_shows_its_gain_its_loss_and_the_gap_todays_module_leaves()
    {
        var user = await _fx.AssignExpiringTier3Async("expiring", days: 2);
        _fx.Tenant.Settle();
        Assert.Empty(await ReadAsync<LicenseSimulatorTimelineGap>(user.UserPrincipalName, gaps: true));

        var plan = await _fx.Engine.PlanSimulatorTimeAsync(new SetSimulatorTimeRequest { Advance = TimeSpan.FromDays(3) }, new CollectingSink());
        await _fx.Engine.ApplySimulatorTimePlanAsync(plan, new CollectingSink());

        var entries = await ReadAsync<LicenseSimulatorTimelineEntry>(user.UserPrincipalName);
        Assert.Equal(new[] { ("SPE_E5", "LIC-M365-Tier3", LicenseTimelineChange.Gained), ("SPE_E5", "LIC-M365-Tier3", LicenseTimelineChange.Lost) },
            entries.Select(e => (e.Sku, e.Source, e.Change)));
        var lost = entries[1].When!.Value;
        var gaps = await ReadAsync<LicenseSimulatorTimelineGap>(user.Id.ToString(), gaps: true);
        Assert.Equal(new[] { (LicenseTimelineReader.AnyLicense, LicenseGapScope.AnyLicense), (LicenseTimelineReader.MailboxLicense, LicenseGapScope.MailboxLicense) },
            gaps.Select(g => (g.Scope, g.ScopeKind)));
        Assert.All(gaps, g => Assert.Equal((lost, (DateTimeOffset?)null, _fx.Tenant.Clock.UtcNow - lost), (g.Start, g.End, g.Duration)));
        Assert.All(gaps, g => Assert.Equal(g.Duration.TotalSeconds, g.Seconds));
        var e5 = Assert.Single(await ReadAsync<LicenseSimulatorTimelineGap>(user.UserPrincipalName, sku: "Microsoft 365 E5", gaps: true));
        Assert.Equal(("SPE_E5", LicenseGapScope.Sku), (e5.Scope, e5.ScopeKind));
        Assert.Empty(await ReadAsync<LicenseSimulatorTimelineEntry>(user.UserPrincipalName, sku: "SPE_E3"));
    }

    [Fact]
    public async Task A_user_the_timeline_never_saw_change_shows_what_it_holds_as_held_and_no_gap()
    {
        var user = _fx.Tenant.Store.Users.First(u => u.LicenseAssignmentStates.Any(s => s.HoldsSeat) && !_fx.Tenant.Store.LicenseTimeline.EventsFor(u.Id).Any());

        var entries = await ReadAsync<LicenseSimulatorTimelineEntry>(user.UserPrincipalName);

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(LicenseTimelineChange.Held, e.Change));
        Assert.All(entries, e => Assert.NotNull(e.When));
        Assert.Equal(user.LicenseAssignmentStates.Where(s => s.HoldsSeat).Select(s => s.AssignedByGroup).OrderBy(g => g), entries.Select(e => e.SourceGroupId).OrderBy(g => g));
        Assert.Empty(await ReadAsync<LicenseSimulatorTimelineGap>(user.UserPrincipalName, gaps: true));
    }

    [Fact]
    public async Task An_unknown_SKU_or_user_is_named_in_the_error()
    {
        var (user, _) = _fx.Tenant.NewRequestor("named");

        var sku = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            _fx.Engine.GetLicenseTimelineAsync(new GetLicenseTimelineRequest { User = user.UserPrincipalName, Sku = "SPE_E55" }, new CollectingSink()));
        Assert.Equal(ErrorIds.SkuNotFound, sku.Error.Id);
        Assert.Contains("SPE_E5", sku.Error.Message);
        var nobody = await Assert.ThrowsAsync<LicenseGovernanceException>(() =>
            _fx.Engine.GetLicenseTimelineAsync(new GetLicenseTimelineRequest { User = "nobody@contoso.onmicrosoft.com" }, new CollectingSink()));
        Assert.Equal(ErrorIds.UserNotFound, nobody.Error.Id);
    }

    [Theory]
    [InlineData(typeof(LicenseSimulatorTimelineEntry))]
    [InlineData(typeof(LicenseSimulatorTimelineGap))]
    [InlineData(typeof(LicenseSimulatorTimeChange))]
    [InlineData(typeof(LicenseSimulatorUserChange))]
    public void Rehearsal_output_exports_to_CSV_cell_by_cell(Type type)
    {
        // Export-Csv writes each property's ToString(): a collection or an object would land as its type name.
        var complex = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string)
                || !(p.PropertyType.IsPrimitive || p.PropertyType.IsEnum || p.PropertyType == typeof(string) || Nullable.GetUnderlyingType(p.PropertyType) != null
                    || p.PropertyType == typeof(Guid) || p.PropertyType == typeof(DateTimeOffset) || p.PropertyType == typeof(TimeSpan)))
            .Select(p => p.Name);

        Assert.Empty(complex);
    }
}
