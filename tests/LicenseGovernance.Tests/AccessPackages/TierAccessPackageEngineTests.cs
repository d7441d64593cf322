using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using Xunit;

namespace LicenseGovernance.Tests.AccessPackages;

public sealed class TierAccessPackageEngineTests
{
    /// <summary>Document 002: the "Office Licenses" package, end to end.</summary>
    [Fact]
    public async Task Document002OfficeLicensesPackageIsRequestedApprovedByTheManagerAndExpiresAfter365Days()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-Office", new[] { "SPE_E3" }, tier: 2);
        var package = await fx.NewPackageAsync(new TierAccessPackageRequest
        {
            TierGroup = "LIC-Office", Name = "Office Licenses", Description = "Access to licenses for Office applications",
            Approval = "Manager", ApprovalTimeoutDays = 14, ExpirationDays = 365, AccessReview = "Annual", Reviewer = new[] { "Manager" },
            FallbackReviewer = new[] { "LIC-Office" },
        });

        Assert.Equal(TierAccessPackageResult.Created, package.Result);
        Assert.Equal("Office Licenses", package.Name);
        Assert.Equal("LIC-Office", package.TierGroup);
        Assert.Equal(TierRequestorScope.AllMembers, package.WhoCanRequest);
        Assert.Equal(TierApprovalKind.Manager, package.Approval);
        var approvalStage = Assert.Single(package.ApprovalStages);
        Assert.Equal((1, PolicySubjectKind.Manager, "Manager", 14, true), (approvalStage.Stage, Assert.Single(approvalStage.Approvers).Kind, approvalStage.Approvers[0].Name, approvalStage.TimeoutDays, approvalStage.ApproverJustification));
        Assert.Empty(approvalStage.FallbackApprovers);
        Assert.Equal(14, package.ApprovalTimeoutDays);
        Assert.True(package.RequestorJustification);
        Assert.True(package.ApproverJustification);
        Assert.Equal((365, (DateTimeOffset?)null, false), (package.ExpirationDays, package.ExpirationDate, package.NoExpiration));
        Assert.False(package.AllowExtension);
        Assert.Equal("Annual", package.AccessReview);
        Assert.Equal(PolicySubjectKind.Manager, Assert.Single(package.Reviewers).Kind);
        Assert.Equal("All members (no guests) may request; Manager approves, 14 days per stage, with justification; requestor justification; "
            + $"expires after 365 days; no extension; annual review by Manager (fallback LIC-Office) from {fx.Tenant.Clock.UtcNow:yyyy-MM-dd}, open 14 days; "
            + "a denial removes access at the review's end, no response keeps it", package.Summary);
        Assert.Equal((14, "KeepAccess", "LIC-Office"), (package.ReviewDurationDays, package.ReviewNoResponse, Assert.Single(package.FallbackReviewers).Name));
        Assert.True(package.SelfService);
        Assert.Equal($"https://myaccess.microsoft.com/@{fx.Tenant.TenantId}#/access-packages/{package.Id}", package.MyAccessLink);

        var policy = Assert.Single(fx.Tenant.Store.AssignmentPolicies);
        Assert.Equal("allMemberUsers", policy.AllowedTargetScope);
        Assert.Equal("P365D", policy.ExpirationDuration);
        var stage = Assert.Single(policy.Stages);
        Assert.Equal("P14D", stage.DurationBeforeAutomaticDenial);
        Assert.True(stage.IsApproverJustificationRequired);
        Assert.Equal("requestorManager", Assert.Single(stage.PrimaryApprovers).Type);
        Assert.Contains("\"interval\":12", policy.ReviewSettingsJson);

        var (user, manager) = fx.Tenant.NewRequestor("newhire");
        var request = fx.Tenant.Store.RequestAccessPackage(user.Id, package.Id, package.PolicyId!.Value, "I need Office for my job");
        Assert.Equal("pendingApproval", request.State);
        var waiting = Assert.Single(await fx.RequestsAsync(new GetTierAssignmentRequestQuery { State = "Pending" }));
        Assert.Equal("1 of 1", waiting.Stage);
        Assert.Equal($"Manager ({manager.UserPrincipalName})", waiting.WaitingFor);
        Assert.Equal(user.Id, waiting.UserId);

        fx.Tenant.Store.ApproveAccessPackageRequest(request.Id, manager.Id, "Approved: new starter");
        fx.Tenant.Settle();
        var group = fx.Tenant.Store.Groups.Single(g => g.DisplayName == "LIC-Office");
        Assert.Contains(user.Id, group.Members);
        Assert.True(fx.Tenant.HoldsSku(user.Id, "SPE_E3"));
        var held = Assert.Single(await fx.AssignmentsAsync());
        Assert.Equal(user.UserPrincipalName, held.UserPrincipalName);
        Assert.Equal(365, held.DaysLeft);

        fx.Tenant.Clock.Advance(TimeSpan.FromDays(364));
        Assert.True(fx.Tenant.HoldsSku(user.Id, "SPE_E3"));
        fx.Tenant.Clock.Advance(TimeSpan.FromDays(1));
        fx.Tenant.Settle();
        Assert.DoesNotContain(user.Id, fx.Tenant.Store.Groups.Single(g => g.DisplayName == "LIC-Office").Members);
        Assert.False(fx.Tenant.HoldsSku(user.Id, "SPE_E3"));
        Assert.Empty(await fx.AssignmentsAsync());
    }

    /// <summary>Document 000: the subcontractor's 180 days of Tier3, the renewal needing approval again, and expiry.</summary>
    [Fact]
    public async Task Document000SubcontractorGetsTier3For180DaysRenewalNeedsApprovalAndExpiryRemovesTheTier()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier1", new[] { "SPE_F1" }, tier: 1, baseline: true);
        await fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        var package = await fx.NewPackageAsync(new TierAccessPackageRequest
        {
            TierGroup = "LIC-M365-Tier3", Approval = "Manager", ExpirationDays = 180, AllowCustomEndDate = true, AllowExtension = true,
        });
        Assert.True(package.AllowExtension && package.ExtensionApproval);
        Assert.True(package.CustomEndDate);

        var (contractor, manager) = fx.Tenant.NewRequestor("subcontractor");
        var noReason = Assert.Throws<LicenseGovernance.Simulator.Model.GraphServiceError>(() =>
            fx.Tenant.Store.RequestAccessPackage(contractor.Id, package.Id, package.PolicyId!.Value, null));
        Assert.Contains("justification", noReason.Message);
        var tooLong = Assert.Throws<LicenseGovernance.Simulator.Model.GraphServiceError>(() =>
            fx.Tenant.Store.RequestAccessPackage(contractor.Id, package.Id, package.PolicyId!.Value, "Contract", fx.Tenant.Clock.UtcNow.AddDays(200)));
        Assert.Contains("latest the policy allows", tooLong.Message);

        var request = fx.Tenant.Store.RequestAccessPackage(contractor.Id, package.Id, package.PolicyId!.Value, "Six-month contract needs E5", fx.Tenant.Clock.UtcNow.AddDays(180));
        fx.Tenant.Store.ApproveAccessPackageRequest(request.Id, manager.Id, "Contract signed");
        fx.Tenant.Settle();
        Assert.True(fx.Tenant.HoldsSku(contractor.Id, "SPE_E5"));

        fx.Tenant.Clock.Advance(TimeSpan.FromDays(160));
        var assignment = Assert.Single(fx.Tenant.Store.AccessPackageAssignments, a => a.State == "delivered");
        var renewal = fx.Tenant.Store.ExtendAccessPackageAssignment(contractor.Id, assignment.Id, "Contract extended");
        Assert.Equal("pendingApproval", renewal.State);
        var pending = Assert.Single(await fx.RequestsAsync(new GetTierAssignmentRequestQuery { State = "Pending", Tier = "LIC-M365-Tier3" }));
        Assert.Equal("userExtend", pending.RequestType);

        // The manager does not decide in time: after 14 days the renewal is denied and the original end stands.
        fx.Tenant.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal("denied", fx.Tenant.Store.AssignmentRequests.Single(r => r.Id == renewal.Id).State);
        Assert.True(fx.Tenant.HoldsSku(contractor.Id, "SPE_E5"));
        fx.Tenant.Clock.Advance(TimeSpan.FromDays(6));
        fx.Tenant.Settle();
        Assert.False(fx.Tenant.HoldsSku(contractor.Id, "SPE_E5"));
        Assert.Equal("expired", fx.Tenant.Store.AccessPackageAssignments.Single().State);
        Assert.DoesNotContain(contractor.Id, fx.Tenant.Store.Groups.Single(g => g.DisplayName == "LIC-M365-Tier3").Members);
    }

    [Fact]
    public async Task AnApprovedRenewalMovesTheEndAndTheTierStays()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        var package = await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3", ExpirationDays = 180, AllowExtension = true });
        var (contractor, manager) = fx.Tenant.NewRequestor("renewer");
        var request = fx.Tenant.Store.RequestAccessPackage(contractor.Id, package.Id, package.PolicyId!.Value, "Project");
        fx.Tenant.Store.ApproveAccessPackageRequest(request.Id, manager.Id, "ok");
        fx.Tenant.Clock.Advance(TimeSpan.FromDays(175));
        var assignment = fx.Tenant.Store.AccessPackageAssignments.Single();
        var renewal = fx.Tenant.Store.ExtendAccessPackageAssignment(contractor.Id, assignment.Id, "Project continues");
        Assert.Throws<LicenseGovernance.Simulator.Model.GraphServiceError>(() => fx.Tenant.Store.ApproveAccessPackageRequest(renewal.Id, manager.Id, null));
        fx.Tenant.Store.ApproveAccessPackageRequest(renewal.Id, manager.Id, "Still needed");

        fx.Tenant.Clock.Advance(TimeSpan.FromDays(30));
        fx.Tenant.Settle();
        Assert.True(fx.Tenant.HoldsSku(contractor.Id, "SPE_E5"));
        Assert.Equal(150, Assert.Single(await fx.AssignmentsAsync()).DaysLeft);
    }

    /// <summary>Graph pages entitlement lists with @odata.nextLink; with one item to a page every reader must follow it.</summary>
    [Fact]
    public async Task RequestsAndApprovalStagesAreReadPastTheFirstPage()
    {
        using var fx = new EngineFixture();
        fx.Tenant.Options.EntitlementPageSize = 1;
        await fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        var admins = fx.Tenant.Store.AddGroup("Licence administrators");
        var admin = fx.Tenant.Store.AddUser("licadmin@" + fx.Tenant.DefaultDomain);
        fx.Tenant.Store.AddMember(admins.Id, admin.Id);
        var exception = await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3", Exception = true, Approver = new[] { "Licence administrators" } });
        var requests = new[] { "first", "second", "third" }.Select(name =>
        {
            var (user, manager) = fx.Tenant.NewRequestor(name);
            var request = fx.Tenant.Store.RequestAccessPackage(user.Id, exception.Id, exception.PolicyId!.Value, "Audit project");
            fx.Tenant.Store.ApproveAccessPackageRequest(request.Id, manager.Id, "Yes");
            return request;
        }).ToList();

        var listed = await fx.RequestsAsync(new GetTierAssignmentRequestQuery { Tier = "LIC-M365-Tier3 exception" });

        Assert.Equal(requests.Count, listed.Count);
        Assert.All(listed, r => Assert.Equal("2 of 2", r.Stage));
    }

    [Fact]
    public async Task AnExceptionPackageCannotBeCreatedWithoutTwoStages()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier3", new[] { "SPE_E5" }, tier: 3);
        var oneStage = await fx.PackageFailsAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3", Exception = true, Approval = "Manager" });
        Assert.Equal(ErrorIds.ExceptionPackageNeedsTwoStages, oneStage.Id);
        var noApprover = await fx.PackageFailsAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3", Exception = true });
        Assert.Equal(ErrorIds.ExceptionPackageNeedsTwoStages, noApprover.Id);
        var unapprovedExtension = await fx.PackageFailsAsync(new TierAccessPackageRequest
        {
            TierGroup = "LIC-M365-Tier3", Exception = true, Approver = new[] { "LIC-M365-Tier3" }, AllowExtension = true, ExtensionWithoutApproval = true,
        });
        Assert.Equal(ErrorIds.AccessPackageSettingInvalid, unapprovedExtension.Id);
        Assert.Empty(fx.Tenant.Store.AccessPackages);
        Assert.Empty(fx.Tenant.Store.AccessPackageCatalogs);

        var admins = fx.Tenant.Store.AddGroup("Licence administrators");
        var admin = fx.Tenant.Store.AddUser("licadmin@" + fx.Tenant.DefaultDomain);
        fx.Tenant.Store.AddMember(admins.Id, admin.Id);
        var exception = await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier3", Exception = true, Approver = new[] { "Licence administrators" }, AllowExtension = true });
        Assert.True(exception.IsException);
        Assert.Equal("LIC-M365-Tier3 exception", exception.Name);
        Assert.Equal(30, exception.ExpirationDays);
        Assert.True(exception.AllowExtension && exception.ExtensionApproval);
        Assert.Equal(TierApprovalKind.ManagerThenApprover, exception.Approval);
        Assert.Equal(new[] { 1, 2 }, exception.ApprovalStages.Select(s => s.Stage));
        var second = Assert.Single(exception.ApprovalStages[1].Approvers);
        Assert.Equal((PolicySubjectKind.Group, (Guid?)admins.Id, "Licence administrators"), (second.Kind, second.Id, second.Name));
        Assert.StartsWith("All members (no guests) may request; Manager, then Licence administrators approve, 14 days per stage", exception.Summary);

        // Both stages decide: the manager first, then a licence administrator.
        var (user, manager) = fx.Tenant.NewRequestor("exceptional");
        var request = fx.Tenant.Store.RequestAccessPackage(user.Id, exception.Id, exception.PolicyId!.Value, "Audit project");
        fx.Tenant.Store.ApproveAccessPackageRequest(request.Id, manager.Id, "Yes");
        Assert.Equal("pendingApproval", fx.Tenant.Store.AssignmentRequests.Single().State);
        Assert.Equal("2 of 2", Assert.Single(await fx.RequestsAsync(new GetTierAssignmentRequestQuery { Tier = "LIC-M365-Tier3 exception" })).Stage);
        Assert.Throws<LicenseGovernance.Simulator.Model.GraphServiceError>(() => fx.Tenant.Store.ApproveAccessPackageRequest(request.Id, manager.Id, "Again"));
        fx.Tenant.Store.ApproveAccessPackageRequest(request.Id, admin.Id, "Licence available");
        fx.Tenant.Store.ProcessPendingNow();
        Assert.Equal("delivered", fx.Tenant.Store.AssignmentRequests.Single().State);
    }

    [Fact]
    public async Task ATier2PackageWithoutApprovalIsRefusedUnlessAllowedAndTheBaselineNeedsNone()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier1", new[] { "SPE_F1" }, tier: 1, baseline: true);
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        var refused = await fx.PackageFailsAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2", Approval = "None" });
        Assert.Equal(ErrorIds.AccessPackageApprovalRequired, refused.Id);
        Assert.Empty(fx.Tenant.Store.AccessPackages);

        var allowed = await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2", Approval = "None", AllowWithoutApproval = true });
        Assert.Equal(TierApprovalKind.None, allowed.Approval);
        Assert.Empty(allowed.ApprovalStages);
        Assert.Null(allowed.ApprovalTimeoutDays);
        var baseline = await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier1", Approval = "None" });
        Assert.Equal(TierApprovalKind.None, baseline.Approval);

        // Without approval nobody has to decide: the request goes straight to delivery.
        var (user, _) = fx.Tenant.NewRequestor("selfserve");
        fx.Tenant.Store.RequestAccessPackage(user.Id, baseline.Id, baseline.PolicyId!.Value, "Frontline");
        fx.Tenant.Store.ProcessPendingNow();
        Assert.Equal("delivered", fx.Tenant.Store.AssignmentRequests.Single().State);
    }

    /// <summary>Issue 15: the baseline is the licence everyone keeps, so its package never expires unless told to; higher tiers keep 365 days.</summary>
    [Fact]
    public async Task ABaselinePackageNeverExpiresByDefaultWhileHigherTiersExpireAfter365Days()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier1", new[] { "SPE_F1" }, tier: 1, baseline: true);
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        var baseline = await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier1", Approval = "None" });
        var tier2 = await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2" });

        Assert.Equal((true, (int?)null), (baseline.NoExpiration, baseline.ExpirationDays));
        Assert.Equal("noExpiration", fx.Tenant.Store.AssignmentPolicies.Single(p => p.AccessPackageId == baseline.Id).ExpirationType);
        Assert.Equal((false, (int?)365), (tier2.NoExpiration, tier2.ExpirationDays));
        var again = await fx.Engine.PlanTierAccessPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier1", Approval = "None", NoExpiration = true }, new CollectingSink());
        Assert.True(again.IsNoChange);
        var limited = await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier1", Approval = "None", ExpirationDays = 90 });
        Assert.Equal(90, limited.ExpirationDays);
        Assert.Equal(ErrorIds.AccessPackageSettingInvalid, (await fx.PackageFailsAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2", NoExpiration = true })).Id);
    }

    /// <summary>
    /// Issue 15: document 002's "Office Licenses", a licence group no rank orders, gets a package without a rank being
    /// invented for it; document 003's dynamic E3 groups, which Entra adds nobody to, and a group without licences do not.
    /// </summary>
    [Fact]
    public async Task ALicenceGroupOutsideTheTierLadderIsGovernedByAPackageWithoutARank()
    {
        using var fx = new EngineFixture();
        var e3 = fx.Tenant.Store.Skus.Single(s => s.SkuPartNumber == "SPE_E3");
        var office = fx.Tenant.Store.AddGroup("Office Licenses");
        fx.Tenant.Store.AssignGroupLicense(office.Id, e3.SkuId);
        var dynamic = fx.Tenant.Store.AddGroup("E3 with Selected Services", g =>
        {
            g.GroupTypes.Add("DynamicMembership");
            g.MembershipRule = "user.extensionAttribute10 -eq \"E3 with Selected Services\"";
            g.MembershipRuleProcessingState = "On";
        });
        fx.Tenant.Store.AssignGroupLicense(dynamic.Id, e3.SkuId);
        fx.Tenant.Store.AddGroup("Project Apollo");

        var unapproved = await fx.PackageFailsAsync(new TierAccessPackageRequest { TierGroup = "Office Licenses", Approval = "None" });
        Assert.Equal(ErrorIds.AccessPackageApprovalRequired, unapproved.Id);
        Assert.Contains("outside the tier ladder", unapproved.Message);
        Assert.Equal(ErrorIds.LicenseGroupIsDynamic, (await fx.PackageFailsAsync(new TierAccessPackageRequest { TierGroup = "E3 with Selected Services" })).Id);
        Assert.Equal(ErrorIds.NotATierGroup, (await fx.PackageFailsAsync(new TierAccessPackageRequest { TierGroup = "Project Apollo" })).Id);
        Assert.Empty(fx.Tenant.Store.AccessPackages);

        var package = await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "Office Licenses", AccessReview = "Annual", FallbackReviewer = new[] { "Office Licenses" } });
        Assert.Equal(("Office Licenses", "Office Licenses", (int?)null, 365), (package.Name, package.TierGroup, package.TierRank, package.ExpirationDays!.Value));
        Assert.Equal("Access to the licences of group Office Licenses.", package.Description);
        Assert.Null(fx.Tenant.Store.Groups.Single(g => g.Id == office.Id).Extensions.FirstOrDefault());

        var sink = new CollectingSink();
        await fx.Engine.GetTierAccessPackagesAsync(new GetTierAccessPackageRequest { Tier = new[] { "Office Licenses" } }, sink);
        Assert.Null(Assert.Single(sink.Of<TierAccessPackage>()).TierRank);

        var (user, manager) = fx.Tenant.NewRequestor("officeworker");
        var request = fx.Tenant.Store.RequestAccessPackage(user.Id, package.Id, package.PolicyId!.Value, "I need Office");
        fx.Tenant.Store.ApproveAccessPackageRequest(request.Id, manager.Id, "Yes");
        fx.Tenant.Settle();
        Assert.True(fx.Tenant.HoldsSku(user.Id, "SPE_E3"));
        Assert.Equal("Office Licenses", Assert.Single(await fx.AssignmentsAsync()).TierGroup);
    }

    [Fact]
    public async Task GuestsCannotRequestByDefault()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        var package = await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2" });
        var (guest, _) = fx.Tenant.NewRequestor("visitor", userType: "Guest");
        var refused = Assert.Throws<LicenseGovernance.Simulator.Model.GraphServiceError>(() =>
            fx.Tenant.Store.RequestAccessPackage(guest.Id, package.Id, package.PolicyId!.Value, "Please"));
        Assert.Contains("allowed targets", refused.Message);
        Assert.Empty(fx.Tenant.Store.AssignmentRequests);

        var open = await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2", Name = "Tier2 for everyone", IncludeGuests = true });
        Assert.Equal(TierRequestorScope.AllUsers, open.WhoCanRequest);
        Assert.Equal("pendingApproval", fx.Tenant.Store.RequestAccessPackage(guest.Id, open.Id, open.PolicyId!.Value, "Please").State);
    }

    [Fact]
    public async Task RerunningWithTheSameArgumentsWritesNothingAndAChangedExpiryUpdatesOnlyThePolicy()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        TierAccessPackageRequest Request(int days) => new() { TierGroup = "LIC-M365-Tier2", ExpirationDays = days, AccessReview = "Quarterly", FallbackReviewer = new[] { "LIC-M365-Tier2" }, AllowExtension = true };
        var created = await fx.NewPackageAsync(Request(90));
        Assert.Equal(TierAccessPackageResult.Created, created.Result);

        fx.Tenant.Statistics.Reset();
        var again = await fx.Engine.PlanTierAccessPackageAsync(Request(90), new CollectingSink());
        Assert.True(again.IsNoChange);
        var same = await fx.Engine.ApplyTierAccessPackagePlanAsync(again, new CollectingSink());
        Assert.Equal(TierAccessPackageResult.Unchanged, same.Result);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);

        var longer = await fx.Engine.PlanTierAccessPackageAsync(Request(120), new CollectingSink());
        var change = Assert.Single(longer.Changes);
        Assert.Equal((AccessPackageChangeAction.Update, "accessPackageAssignmentPolicy"), (change.Action, change.ObjectType));
        Assert.Contains("\"duration\":\"P120D\"", change.Body);
        Assert.StartsWith("PUT /identityGovernance/entitlementManagement/assignmentPolicies/", change.Request);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
        var updated = await fx.Engine.ApplyTierAccessPackagePlanAsync(longer, new CollectingSink());
        Assert.Equal(TierAccessPackageResult.Updated, updated.Result);
        Assert.Equal(120, updated.ExpirationDays);
        Assert.Equal(1, fx.Tenant.Statistics.Writes);
        Assert.Equal(1, fx.Tenant.Statistics.CountFor("PUT /identityGovernance/entitlementManagement/assignmentPolicies/{id}"));
        Assert.Equal("P120D", Assert.Single(fx.Tenant.Store.AssignmentPolicies).ExpirationDuration);
    }

    [Fact]
    public async Task WhatIfListsEveryGraphObjectAndWritesNothing()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        fx.Tenant.Statistics.Reset();
        var plan = await fx.Engine.PlanTierAccessPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2" }, new CollectingSink());
        Assert.Equal(new[] { "accessPackageCatalog", "accessPackageResource", "accessPackage", "accessPackageResourceRoleScope", "accessPackageAssignmentPolicy" }, plan.Changes.Select(c => c.ObjectType));
        Assert.Contains("\"displayName\":\"License tiers\"", plan.Changes[0].Body);
        Assert.Contains("\"originSystem\":\"AadGroup\"", plan.Changes[1].Body);
        Assert.Contains("\"allowedTargetScope\":\"allMemberUsers\"", plan.Changes[4].Body);
        Assert.Equal(0, fx.Tenant.Statistics.Writes);
        Assert.Empty(fx.Tenant.Store.AccessPackageCatalogs);
    }

    [Fact]
    public async Task EveryPackageWriteIsJournaledBeforeItIsMade()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2" });
        var journal = File.ReadAllLines(fx.Engine.JournalPath);
        foreach (var operation in new[] { "AccessPackage.CreateCatalog", "AccessPackage.AddCatalogResource", "AccessPackage.Create", "AccessPackage.AddResourceRole", "AccessPackage.CreatePolicy" })
        {
            Assert.Contains(journal, line => line.Contains("\"" + operation + "\""));
        }
    }

    [Fact]
    public async Task APackageThatAlsoGrantsAnotherGroupIsNotTakenOver()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        var package = await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2" });
        var other = fx.Tenant.Store.AddGroup("Project Apollo");
        fx.Tenant.Store.Write(() =>
        {
            var resource = fx.Tenant.Store.AddCatalogResourceCore(package.CatalogId, other.Id.ToString(), "AadGroup");
            return fx.Tenant.Store.AddRoleScopeCore(fx.Tenant.Store.RequireAccessPackage(package.Id.ToString()), resource.MemberRoleId.ToString(), null, resource.ScopeId.ToString(), null);
        });
        var error = await fx.PackageFailsAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2" });
        Assert.Equal(ErrorIds.AccessPackageHoldsOtherResources, error.Id);
        Assert.Contains("Member of Project Apollo", error.Message);
    }

    /// <summary>Issue 15: every setting a property a script reads, none of them packed into the summary's words.</summary>
    [Fact]
    public async Task GetTierAccessPackageReturnsThePolicyAsTypedPropertiesAndTheSummaryApart()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        var requestors = fx.Tenant.Store.AddGroup("Tier2 requestors");
        var auditors = fx.Tenant.Store.AddGroup("Licence auditors");
        var deputy = fx.Tenant.Store.AddUser("deputy@" + fx.Tenant.DefaultDomain);
        var until = fx.Tenant.Clock.UtcNow.AddDays(90);
        await fx.NewPackageAsync(new TierAccessPackageRequest
        {
            TierGroup = "LIC-M365-Tier2", RequestorGroup = new[] { "Tier2 requestors" }, FallbackApprover = new[] { deputy.UserPrincipalName },
            ApprovalTimeoutDays = 7, ApproverJustificationRequired = false, ExpirationDate = until, AllowExtension = true, ExtensionWithoutApproval = true,
            AccessReview = "Quarterly", Reviewer = new[] { "Licence auditors", deputy.UserPrincipalName },
        });

        var sink = new CollectingSink();
        await fx.Engine.GetTierAccessPackagesAsync(new GetTierAccessPackageRequest { Tier = new[] { "LIC-M365-Tier2" } }, sink);
        var package = Assert.Single(sink.Of<TierAccessPackage>());
        Assert.Equal(TierRequestorScope.SpecificUsers, package.WhoCanRequest);
        Assert.Equal((PolicySubjectKind.Group, (Guid?)requestors.Id, "Tier2 requestors"), (package.Requestors[0].Kind, package.Requestors[0].Id, package.Requestors[0].Name));
        var stage = Assert.Single(package.ApprovalStages);
        var fallback = Assert.Single(stage.FallbackApprovers);
        Assert.Equal((PolicySubjectKind.User, (Guid?)deputy.Id, deputy.UserPrincipalName), (fallback.Kind, fallback.Id, fallback.Name));
        Assert.Equal(deputy.UserPrincipalName, Assert.Single(package.FallbackApprovers).Name);
        Assert.Equal((7, 7, false, false), (stage.TimeoutDays, package.ApprovalTimeoutDays!.Value, stage.ApproverJustification, package.ApproverJustification));
        Assert.Equal((null, until.ToString("yyyy-MM-ddTHH:mm"), false), (package.ExpirationDays, package.ExpirationDate?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm"), package.NoExpiration));
        Assert.Equal((true, false), (package.AllowExtension, package.ExtensionApproval));
        Assert.Equal("Quarterly", package.AccessReview);
        Assert.Equal(new[] { (PolicySubjectKind.User, deputy.UserPrincipalName), (PolicySubjectKind.Group, "Licence auditors") },
            package.Reviewers.Select(r => (r.Kind, r.Name)).OrderBy(r => r.Kind));
        Assert.Equal($"Manager (fallback {deputy.UserPrincipalName}), 7 days", stage.ToString());
        Assert.Equal("Members of Tier2 requestors may request; Manager (fallback " + deputy.UserPrincipalName + ") approves, 7 days per stage; requestor justification; "
            + $"expires on {until:yyyy-MM-dd}; extension without approval; quarterly review by ", package.Summary.Substring(0, package.Summary.LastIndexOf("by ", StringComparison.Ordinal) + 3));
    }

    [Fact]
    public async Task GetTierAccessPackageSummarisesEachPackageOfTheCatalog()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier1", new[] { "SPE_F1" }, tier: 1, baseline: true);
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier1", Approval = "None", NoExpiration = true, AllowNoExpiration = true });
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2", AccessReview = "Monthly", Reviewer = new[] { "Self" } });

        var sink = new CollectingSink();
        await fx.Engine.GetTierAccessPackagesAsync(new GetTierAccessPackageRequest(), sink);
        var packages = sink.Of<TierAccessPackage>().ToList();
        Assert.Equal(new[] { "LIC-M365-Tier1", "LIC-M365-Tier2" }, packages.Select(p => p.Name));
        Assert.Equal(new int?[] { 1, 2 }, packages.Select(p => p.TierRank));
        Assert.True(packages[0].NoExpiration);
        Assert.Null(packages[0].ExpirationDays);
        Assert.Equal("Monthly", packages[1].AccessReview);
        Assert.Equal(PolicySubjectKind.Self, Assert.Single(packages[1].Reviewers).Kind);
        Assert.EndsWith("never expires; no extension; no access review", packages[0].Summary);

        var one = new CollectingSink();
        await fx.Engine.GetTierAccessPackagesAsync(new GetTierAccessPackageRequest { Tier = new[] { "LIC-M365-Tier9" } }, one);
        Assert.Equal(ErrorIds.TierAccessPackageNotFound, Assert.Single(one.Errors).Id);
    }

    [Fact]
    public async Task AGroupHandedOutByAnUnrelatedAccessPackageBecomesATierOnlyWithForce()
    {
        using var fx = new EngineFixture();
        var group = fx.Tenant.Store.AddGroup("Project Apollo");
        var store = fx.Tenant.Store;
        store.Write(() =>
        {
            var catalog = store.CreateCatalogCore(new LicenseGovernance.Simulator.Model.Entitlement.SimulatedCatalog { DisplayName = "Projects" });
            var resource = store.AddCatalogResourceCore(catalog.Id, group.Id.ToString(), "AadGroup");
            var package = store.CreateAccessPackageCore(new LicenseGovernance.Simulator.Model.Entitlement.SimulatedAccessPackage { DisplayName = "Apollo team", CatalogId = catalog.Id });
            return store.AddRoleScopeCore(package, null, "Member_" + group.Id, null, group.Id.ToString());
        });

        var refused = await fx.PlanFailsAsync(new TierGroupRequest { Name = "Project Apollo", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, Rank = 2 });
        Assert.Equal(ErrorIds.GroupServesOtherPurpose, refused.Id);
        Assert.Contains("access package(s) (Apollo team)", refused.Message);

        var forced = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "Project Apollo", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, Rank = 2, Force = true }, new CollectingSink());
        Assert.Contains(forced.Warnings, w => w.Contains("Apollo team"));
    }

    [Fact]
    public async Task ATiersOwnPackageIsNoOtherPurpose()
    {
        using var fx = new EngineFixture();
        await fx.NewTierAsync("LIC-M365-Tier2", new[] { "SPE_E3" }, tier: 2);
        await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = "LIC-M365-Tier2" });
        var group = fx.Tenant.Store.Groups.Single(g => g.DisplayName == "LIC-M365-Tier2");
        fx.Tenant.Store.UpdateGroup(group.Id, g => g.Extensions.Clear());

        // The tier record is gone, so the group is judged as a newcomer: its own tier package does not count against it.
        var plan = await fx.Engine.PlanTierGroupAsync(new TierGroupRequest { Name = "LIC-M365-Tier2", CreateIfMissing = true, Sku = new[] { "SPE_E3" }, Rank = 2 }, new CollectingSink());
        Assert.DoesNotContain(plan.Warnings, w => w.Contains("access package"));
    }
}
