using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Faults;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Entitlement;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;
using static LicenseGovernance.Tests.Lifecycle.LifecycleSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>
/// Start-LicenseOffboarding on the README's tiers: a leaver in the baseline and in Tier3 through its access package, with a
/// direct Power BI licence and a request waiting for approval.
/// </summary>
public sealed class OffboardingTests
{
    [Fact]
    public async Task ALeaver_IsOffboardedInOrder_TheMailboxLicenceWaitsUntilShared_AndUndoGivesItBack()
    {
        using var fx = await LeaverAsync();
        var (tenant, leaver) = (fx.Tenant, Leaver(fx));

        var first = await OffboardAsync(fx, leaver, notify: "finance@contoso.com");

        var user = tenant.Store.GetUser(leaver.Id);
        Assert.False(user.AccountEnabled);
        Assert.Equal(1, user.SignInSessionsRevoked);
        Assert.Contains(user.DrivePermissions, p => p.UserId == leaver.ManagerId && p.Roles.Contains("write") && !p.InvitationSent);
        Assert.Equal("canceled", tenant.Store.Entitlement.Requests.Single(r => r.TargetId == leaver.Id && r.RequestType == "userAdd").State);
        Assert.Equal(OffboardingStepStatus.Waiting, Step(first, OffboardingStepKind.Mailbox).Status);
        Assert.Contains("Set-Mailbox -Identity '" + leaver.UserPrincipalName + "' -Type Shared", Step(first, OffboardingStepKind.Mailbox).Next);
        Assert.Equal(OffboardingStepStatus.Done, Step(first, OffboardingStepKind.License, "POWER_BI_PRO").Status);
        Assert.Equal(OffboardingStepStatus.Waiting, Step(first, OffboardingStepKind.License, "SPE_E5").Status);
        Assert.Equal(OffboardingStepStatus.Waiting, Step(first, OffboardingStepKind.NotifyFinance).Status);
        Assert.Empty(tenant.Store.SentMail);
        tenant.Settle();
        Assert.Equal(new[] { "SPE_E5" }, Held(tenant, leaver.Id));
        Assert.Contains(leaver.Id, tenant.Group(Tier3).Members);

        tenant.Store.SetMailboxPurpose(leaver.Id, TenantStore.MailboxShared);
        var second = await OffboardAsync(fx, leaver, notify: "finance@contoso.com");
        tenant.Settle();

        Assert.Empty(Held(tenant, leaver.Id));
        Assert.Equal(OffboardingStepStatus.Done, Step(second, OffboardingStepKind.License, "SPE_E5").Status);
        Assert.Contains("ended the access package assignment 'LIC-M365-Tier3'", Step(second, OffboardingStepKind.License, "SPE_E5").Detail);
        Assert.DoesNotContain(leaver.Id, tenant.Group(Tier3).Members);
        Assert.All(new[] { OffboardingStepKind.DisableSignIn, OffboardingStepKind.RevokeSessions, OffboardingStepKind.OneDrive }, k => Assert.Equal(OffboardingStepStatus.AlreadyDone, Step(second, k).Status));
        Assert.Equal(1, tenant.Store.GetUser(leaver.Id).SignInSessionsRevoked);
        var mail = Assert.Single(tenant.Store.SentMail);
        Assert.Equal("finance@contoso.com", Assert.Single(mail.To));
        Assert.Contains("2 seat(s) recovered", mail.Body);
        Assert.Equal(first[0].CorrelationId, second[0].CorrelationId);
        var recovered = Step(second, OffboardingStepKind.Recovered).Detail;
        Assert.Contains("SPE_E5", recovered);
        Assert.Contains("POWER_BI_PRO (USD 14.00/month)", recovered);
        Assert.Contains("a month", recovered);

        await fx.Engine.UndoChangesAsync(new UndoChangeRequest { CorrelationId = first[0].CorrelationId }, new CollectingSink());
        tenant.Settle();
        user = tenant.Store.GetUser(leaver.Id);
        Assert.True(user.AccountEnabled);
        Assert.Equal(new[] { "POWER_BI_PRO", "SPE_E5" }, Held(tenant, leaver.Id));
        Assert.Contains(leaver.Id, tenant.Group(Tier3).Members);
    }

    [Fact]
    public async Task AUserOnAnEdiscoveryHold_KeepsTheMailboxLicence_AndTheStepSaysWhy()
    {
        using var fx = await LeaverAsync();
        var leaver = Leaver(fx);
        fx.Tenant.Store.AddLegalHold("Contoso v. Fabrikam", "Custodians", leaver.Id);
        fx.Tenant.Store.SetMailboxPurpose(leaver.Id, TenantStore.MailboxShared);

        var steps = await OffboardAsync(fx, leaver);
        fx.Tenant.Settle();

        Assert.Contains("legal hold 'Custodians'", Step(steps, OffboardingStepKind.LegalHold).Detail);
        var kept = Step(steps, OffboardingStepKind.License, "SPE_E5");
        Assert.Equal(OffboardingStepStatus.Skipped, kept.Status);
        Assert.Contains("on hold", kept.Detail);
        Assert.Equal(new[] { "SPE_E5" }, Held(fx.Tenant, leaver.Id));
    }

    [Fact]
    public async Task WithoutPermissionToReadHolds_TheMailboxLicenceStays()
    {
        var tenant = (await LeaverAsync()).Tenant;
        var principal = new SimulatedPrincipal("app", "no eDiscovery", null, tenant.DefaultPrincipal.Permissions.Where(p => !p.StartsWith("eDiscovery", StringComparison.Ordinal)));
        using var fx = new EngineFixture(principal: principal, tenant: tenant);
        var leaver = tenant.Workers()[0];
        tenant.Store.SetMailboxPurpose(leaver.Id, TenantStore.MailboxShared);

        var steps = await OffboardAsync(fx, leaver);

        Assert.Equal(OffboardingStepStatus.Refused, Step(steps, OffboardingStepKind.LegalHold).Status);
        Assert.Contains("eDiscovery.Read.All", Step(steps, OffboardingStepKind.LegalHold).Next);
        Assert.NotEqual(OffboardingStepStatus.Done, Step(steps, OffboardingStepKind.License, "SPE_E5").Status);
    }

    [Fact]
    public async Task WhatIf_ListsEveryStep_AndWritesNothing()
    {
        using var fx = await LeaverAsync();
        var leaver = Leaver(fx);
        fx.Tenant.Store.SetMailboxPurpose(leaver.Id, TenantStore.MailboxShared);
        fx.Tenant.Statistics.Reset();
        var sink = new CollectingSink { Decide = (_, _) => false };

        await fx.Engine.StartLicenseOffboardingAsync(new StartLicenseOffboardingRequest { User = new[] { leaver.UserPrincipalName }, WhatIf = true }, sink);

        var steps = sink.Of<LicenseOffboardingStep>().ToList();
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
        Assert.Equal(OffboardingStepStatus.Planned, Step(steps, OffboardingStepKind.DisableSignIn).Status);
        Assert.Equal(OffboardingStepStatus.Planned, Step(steps, OffboardingStepKind.License, "SPE_E5").Status);
        var question = Assert.Single(sink.ShouldProcessQuestions);
        Assert.Contains("block sign-in", question.Action);
        Assert.Contains("end the access package assignment 'LIC-M365-Tier3'", question.Action);
        Assert.True(fx.Tenant.Store.GetUser(leaver.Id).AccountEnabled);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithItsOwnError_AndNothingIsWritten()
    {
        using var fx = await LeaverAsync();
        var leaver = Leaver(fx).UserPrincipalName;
        fx.Tenant.Statistics.Reset();

        Assert.Equal(ErrorIds.OffboardingUserMissing, (await RefusedAsync(fx, new StartLicenseOffboardingRequest())).Id);
        Assert.Equal(ErrorIds.OffboardingSenderRequired, (await RefusedAsync(fx, new StartLicenseOffboardingRequest { User = new[] { leaver }, NotifyEmail = "finance@contoso.com" })).Id);
        Assert.Equal(ErrorIds.OffboardingNotifyEmailInvalid, (await RefusedAsync(fx, new StartLicenseOffboardingRequest { User = new[] { leaver }, NotifyEmail = "finance", SenderMailbox = "it@contoso.com" })).Id);
        Assert.Equal(ErrorIds.OffboardingExchangeNotConnected, (await RefusedAsync(fx, new StartLicenseOffboardingRequest { User = new[] { leaver }, ConvertMailboxToShared = true })).Id);
        Assert.Equal(ErrorIds.OffboardingManagerNotFound, (await RefusedAsync(fx, new StartLicenseOffboardingRequest { User = new[] { leaver }, Manager = "nobody@contoso.com" })).Id);
        var sink = new CollectingSink();
        await fx.Engine.StartLicenseOffboardingAsync(new StartLicenseOffboardingRequest { User = new[] { "nobody@contoso.com" } }, sink);
        Assert.Equal(ErrorIds.UserNotFound, Assert.Single(sink.Errors).Id);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
    }

    [Fact]
    public async Task TheConnectedExchangeOnline_ConvertsTheMailbox_AndTheLicenceGoesInTheSameRun()
    {
        using var fx = await LeaverAsync();
        var leaver = Leaver(fx);
        var exchange = new FakeExchange(fx.Tenant);

        var steps = await OffboardAsync(fx, leaver, exchange: exchange);
        fx.Tenant.Settle();

        Assert.Equal(new[] { leaver.UserPrincipalName }, exchange.Converted);
        Assert.Equal(OffboardingStepStatus.Done, Step(steps, OffboardingStepKind.Mailbox).Status);
        Assert.Equal(OffboardingStepStatus.Done, Step(steps, OffboardingStepKind.License, "SPE_E5").Status);
        Assert.Empty(Held(fx.Tenant, leaver.Id));
    }

    /// <summary>
    /// The run is killed at each kind of write in turn (the write reaches the tenant, its answer is lost, the run stops);
    /// the next run finishes: every step done exactly once, nothing lost.
    /// </summary>
    [Theory]
    [InlineData("PATCH", "^/users/[^/]+$")]
    [InlineData("POST", "^/users/[^/]+/revokeSignInSessions$")]
    [InlineData("POST", "^/drives/[^/]+/items/root/invite$")]
    [InlineData("POST", "^/identityGovernance/entitlementManagement/assignmentRequests/[^/]+/cancel$")]
    [InlineData("POST", "^/identityGovernance/entitlementManagement/assignmentRequests$")]
    [InlineData("POST", "^/\\$batch$")]
    [InlineData("POST", "^/users/[^/]+/sendMail$")]
    public async Task KilledAtAnyWrite_TheNextRunFinishes_AndNothingIsDoneTwice(string method, string path)
    {
        using var fx = await LeaverAsync();
        var leaver = Leaver(fx);
        fx.Tenant.Store.SetMailboxPurpose(leaver.Id, TenantStore.MailboxShared);
        fx.Tenant.Faults.Add(FaultRule.ResponseLost().ForMethod(method).ForPath(path).OnlyOutsideBatch().Times(1));

        var killed = new CollectingSink();
        await Assert.ThrowsAnyAsync<Exception>(() => fx.Engine.StartLicenseOffboardingAsync(Request(leaver, "finance@contoso.com"), killed));
        fx.Tenant.Faults.Clear();
        fx.Tenant.Settle();
        var steps = await OffboardAsync(fx, leaver, notify: "finance@contoso.com");
        fx.Tenant.Settle();
        var again = await OffboardAsync(fx, leaver, notify: "finance@contoso.com");

        var user = fx.Tenant.Store.GetUser(leaver.Id);
        Assert.False(user.AccountEnabled);
        Assert.Equal(1, user.SignInSessionsRevoked);
        Assert.Single(user.DrivePermissions);
        Assert.Empty(Held(fx.Tenant, leaver.Id));
        Assert.Single(fx.Tenant.Store.SentMail);
        Assert.DoesNotContain(steps.Concat(again), s => s.Status == OffboardingStepStatus.Failed);
        // The hold check is the one step each run makes afresh; it writes nothing.
        Assert.All(again.Where(s => s.Step != OffboardingStepKind.LegalHold), s => Assert.NotEqual(OffboardingStepStatus.Done, s.Status));
        var entries = new JournalFile(Path.Combine(fx.SettingsDirectory, "journal.jsonl")).Read().Entries;
        var started = Assert.Single(entries, e => e.Operation == ChangeIntents.OffboardingStarted);
        var journal = entries.Where(e => e.CorrelationId == started.CorrelationId).ToList();
        Assert.Single(journal, e => e.Operation == ChangeIntents.OffboardingRecovered && e.After!.Value.GetProperty("complete").GetBoolean());
        Assert.Single(journal, e => e.Operation == ChangeIntents.OffboardingStarted);
        Assert.Single(journal, e => e.Operation == ChangeIntents.UserAccountEnabled);
    }

    /// <summary>The tiers, a leaver (user0) moved to Tier3 through its package, with a direct Power BI licence and a pending request.</summary>
    private static async Task<EngineFixture> LeaverAsync()
    {
        var fx = await TiersAsync(users: 3);
        var tenant = fx.Tenant;
        var leaver = tenant.Workers()[0];
        tenant.Store.AddSku("POWER_BI_PRO", 10);
        tenant.Store.AssignLicense(leaver.Id, tenant.Sku("POWER_BI_PRO"));
        Assert.Equal(TierMoveOutcome.Moved, (await fx.MoveAsync(leaver.UserPrincipalName, Tier3, tenant.Clock.UtcNow.AddDays(90))).Outcome);
        var package = tenant.Store.AccessPackages.Single(p => p.DisplayName == Tier2);
        tenant.Store.Write(() =>
        {
            tenant.Store.Entitlement.Requests.Add(new SimulatedAssignmentRequest
            {
                Id = Guid.NewGuid(), RequestType = "userAdd", State = "pendingApproval", Status = "PendingApproval", AccessPackageId = package.Id,
                PolicyId = tenant.Store.AssignmentPolicies.Single(p => p.AccessPackageId == package.Id).Id, TargetId = leaver.Id, RequestorId = leaver.Id,
                CreatedDateTime = tenant.Clock.UtcNow,
            });
            return 0;
        });
        tenant.Settle();
        return fx;
    }

    private static SimulatedUser Leaver(EngineFixture fx) => fx.Tenant.Workers()[0];

    private static StartLicenseOffboardingRequest Request(SimulatedUser leaver, string? notify = null, IExchangeOnline? exchange = null) => new()
    {
        User = new[] { leaver.UserPrincipalName },
        NotifyEmail = notify,
        SenderMailbox = notify == null ? null : "user0001@" + leaver.UserPrincipalName.Split('@')[1],
        ConvertMailboxToShared = exchange != null,
        Exchange = exchange,
    };

    private static async Task<IReadOnlyList<LicenseOffboardingStep>> OffboardAsync(EngineFixture fx, SimulatedUser leaver, string? notify = null, IExchangeOnline? exchange = null)
    {
        var sink = new CollectingSink();
        await fx.Engine.StartLicenseOffboardingAsync(Request(leaver, notify, exchange), sink);
        Assert.Empty(sink.Errors);
        return sink.Of<LicenseOffboardingStep>().ToList();
    }

    private static async Task<GovernanceError> RefusedAsync(EngineFixture fx, StartLicenseOffboardingRequest request) =>
        (await Assert.ThrowsAsync<LicenseGovernanceException>(() => fx.Engine.StartLicenseOffboardingAsync(request, new CollectingSink()))).Error;

    private static LicenseOffboardingStep Step(IEnumerable<LicenseOffboardingStep> steps, OffboardingStepKind kind, string sku = "") => Assert.Single(steps, s => s.Step == kind && s.Sku == sku);

    private static string[] Held(SimulatedTenant tenant, Guid userId) =>
        tenant.Store.GetUser(userId).LicenseAssignmentStates.Where(s => s.HoldsSeat).Select(s => tenant.Store.Skus.Single(k => k.SkuId == s.SkuId).SkuPartNumber).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>Exchange Online as the cmdlet reaches it, over the simulated tenant's mailboxes.</summary>
    private sealed class FakeExchange(SimulatedTenant tenant) : IExchangeOnline
    {
        public List<string> Converted { get; } = new();

        public ExchangeMailbox? GetMailbox(string identity) =>
            tenant.Store.MailboxPurposeOf(tenant.Store.FindUser(identity)!.Id) is string purpose
                ? new ExchangeMailbox { RecipientTypeDetails = purpose == TenantStore.MailboxShared ? "SharedMailbox" : "UserMailbox" }
                : null;

        public void ConvertToShared(string identity)
        {
            Converted.Add(identity);
            tenant.Store.SetMailboxPurpose(tenant.Store.FindUser(identity)!.Id, TenantStore.MailboxShared);
        }
    }
}
