using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.AccessPackages;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Engine.Tiers;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Waste
{
    /// <summary>
    /// Remove-ZombieLicense: takes each licence away the way it reaches the user, read afresh from the tenant. A direct
    /// assignment goes by assignLicense; a group licence by ending the access package assignment that delivers the
    /// membership, or else by removing the membership (assignLicense cannot remove an inherited licence: Graph refuses it).
    /// Every change is journaled first, so Undo-LicenseChange -CorrelationId puts it all back.
    /// </summary>
    internal static class ZombieLicenseRemover
    {
        private static readonly string[] UserSelect = { "id", "userPrincipalName", "licenseAssignmentStates", "accountEnabled", "createdDateTime" };
        private static readonly string[] GroupSelect = { "id", "displayName", "groupTypes", "assignedLicenses", "mailEnabled", "onPremisesSyncEnabled", "isAssignableToRole" };

        /// <summary>Graph changes a role-assignable group's membership only with this as well as GroupMember.ReadWrite.All.</summary>
        internal const string RoleManagementWrite = "RoleManagement.ReadWrite.Directory";

        public static async Task RunAsync(GraphSession session, RemoveZombieLicenseRequest request, IReadOnlyList<LicenseSku> tenantSkus, JournalScope journal, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var summary = new ZombieLicenseRemovalSummary { CorrelationId = journal.CorrelationId };
            var state = new RunState();
            var named = new List<ZombieLicense>();
            foreach (var target in request.Targets.Where(t => t != null))
            {
                var item = await DescribeTargetAsync(session, target, request.InactiveDays, tenantSkus, state, sink).ConfigureAwait(false);
                if (item == null)
                {
                    summary.Skipped++;
                }
                else
                {
                    named.Add(item);
                }
            }

            var items = request.Licenses.Where(l => l != null).Concat(named).GroupBy(l => (l.UserId, l.SkuId)).Select(g => g.First()).ToList();
            var done = 0;
            foreach (var item in items)
            {
                cancellation.ThrowIfCancellationRequested();
                sink.WriteProgress(new GovernanceProgress(ProgressActivity.ZombieRemoval, "Removing zombie licences", item.ToString(), GovernanceProgress.Percent(done++, items.Count)));
                var result = await RemoveOneAsync(session, item, request, tenantSkus, journal, state, sink).ConfigureAwait(false);
                Tally(summary, result);
                sink.WriteObject(result);
            }

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.ZombieRemoval, "Removing zombie licences", $"{summary.Removed} removed", 100, completed: true));
            summary.WhatIf = summary.NotConfirmed > 0 && summary.Removed == 0 && summary.Failed == 0;
            sink.WriteObject(summary);
        }

        private static async Task<ZombieLicenseRemoval> RemoveOneAsync(GraphSession session, ZombieLicense item, RemoveZombieLicenseRequest request, IReadOnlyList<LicenseSku> tenantSkus, JournalScope journal, RunState run, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var label = item.ToString();
            var result = new ZombieLicenseRemoval
            {
                UserId = item.UserId,
                UserPrincipalName = item.UserPrincipalName,
                SkuPartNumber = item.SkuPartNumber,
                MonthlyCost = item.MonthlyCost,
                AnnualCost = item.AnnualCost,
                Currency = item.Currency,
                CorrelationId = journal.CorrelationId,
            };

            var user = await ReadUserAsync(session, item, run, cancellation).ConfigureAwait(false);
            if (user == null)
            {
                return Skip(result, "UserGone", $"The user {item.UserPrincipalName ?? item.UserId.ToString()} no longer exists.");
            }

            // The user is judged again now: someone who signed in, was re-enabled or whose leave date moved since the search keeps the licence.
            var signInRead = run.Optional.Contains(WasteScanner.SignInActivity);
            var leaveRead = run.Optional.Contains(WasteScanner.LeaveDate);
            var now = WasteScanner.Judge(user, signInRead, leaveRead, session.Now, item.InactiveDays).Reasons;
            bool Judged(ZombieReason r) => r switch
            {
                ZombieReason.Departed => leaveRead,
                ZombieReason.Inactive or ZombieReason.NeverSignedIn => signInRead,
                _ => true,
            };
            if (!item.Reasons.Any(r => now.Contains(r) || !Judged(r)))
            {
                return Skip(result, "NoLongerZombie", $"{label}: {(item.Reasons.Length == 0 ? "not a zombie licence" : "no longer " + item.Reason)} " +
                    $"({(now.Count == 0 ? "the user is active" : "now " + string.Join(", ", now))}); the licence stays.");
            }

            var states = LicenseStates.Of(user).Where(s => s.SkuId == item.SkuId && LicenseStates.HoldsSeat(s)).ToList();
            if (states.Count == 0)
            {
                return Skip(result, "NotHeld", $"{label}: the user no longer holds {item.SkuPartNumber}.");
            }

            // Read what reaches the user now, not what the piped object saw.
            var steps = new List<Step>();
            var alsoLost = new List<string>();
            var freed = new List<ZombieLicenseFreedSku>();
            var lostMailboxes = new List<string>();
            // Every group this removal takes the user out of (and those an earlier licence of the run did): a licence they
            // give is kept only if something else gives it too.
            var leaving = new HashSet<string>(states.Where(s => !LicenseStates.IsDirect(s)).Select(s => s.AssignedByGroup!), StringComparer.OrdinalIgnoreCase);
            leaving.UnionWith(LicenseStates.Of(user).Where(s => !LicenseStates.IsDirect(s) && run.LeftGroups.Contains(MembershipKey(s.AssignedByGroup!, item.UserId))).Select(s => s.AssignedByGroup!));
            var attributed = new HashSet<Guid>();
            foreach (var state in states)
            {
                if (LicenseStates.IsDirect(state))
                {
                    steps.Add(new Step("remove the direct " + item.SkuPartNumber, null, null));
                    continue;
                }

                var groupId = state.AssignedByGroup!;
                if (!run.Groups.TryGetValue(groupId, out var group))
                {
                    group = await session.CallOrNotFoundAsync("read group " + groupId, "ReadGroups",
                        c => c.Groups[groupId].GetAsync(r => r.QueryParameters.Select = GroupSelect, cancellation), cancellation).ConfigureAwait(false);
                    run.Groups[groupId] = group;
                }

                var name = group?.DisplayName ?? groupId;
                if (LicenseSources.IsDynamic(group))
                {
                    sink.WriteError(Errors.ZombieLicenseFromDynamicGroup(label, item.SkuPartNumber, name));
                    return Skip(result, "DynamicGroup", $"Inherited from the dynamic group '{name}'.");
                }

                // Graph refuses membership changes of groups mastered elsewhere; checked before anything is changed, since
                // taking away only the licence's other sources would not free the seat.
                if (group?.OnPremisesSyncEnabled == true)
                {
                    sink.WriteError(Errors.ZombieLicenseFromSyncedGroup(label, item.SkuPartNumber, name));
                    return Skip(result, "SyncedGroup", $"Inherited from '{name}', a group synced from on-premises Active Directory.");
                }

                if (group?.MailEnabled == true && !(group.GroupTypes?.Contains("Unified", StringComparer.OrdinalIgnoreCase) ?? false))
                {
                    sink.WriteError(Errors.ZombieLicenseFromMailEnabledGroup(label, item.SkuPartNumber, name));
                    return Skip(result, "MailEnabledGroup", $"Inherited from '{name}', a mail-enabled security group.");
                }

                // A role-assignable group's membership needs RoleManagement.ReadWrite.Directory too; without it Graph answers a bare 403.
                // Checked here, before anything of the user is changed, so that a direct assignment is not taken while the group keeps the seat.
                // A membership an access package delivers is ended by entitlement management, which needs no such permission of the caller.
                if (group?.IsAssignableToRole == true && !run.LeftGroups.Contains(MembershipKey(groupId, item.UserId))
                    && !item.Sources.Any(s => s.Kind == "AccessPackage" && string.Equals(s.GroupId?.ToString(), groupId, StringComparison.OrdinalIgnoreCase))
                    && session.Claims != null && !session.Claims.Permissions.Contains(RoleManagementWrite, StringComparer.OrdinalIgnoreCase))
                {
                    sink.WriteError(Errors.ZombieLicenseFromRoleAssignableGroup(label, item.SkuPartNumber, name, !session.AppOnly));
                    return Skip(result, "RoleAssignableGroup", $"Inherited from '{name}', a role-assignable group; the token lacks {RoleManagementWrite}.");
                }

                if (run.LeftGroups.Contains(MembershipKey(groupId, item.UserId)))
                {
                    // An earlier licence of this run already took the user out of the group; asking Graph again would fail.
                    steps.Add(new Step($"left group '{name}' earlier in this run", groupId, name, alreadyDone: true));
                    continue;
                }

                // The membership carries every licence of the group: the ones the user holds from nowhere else go too.
                var allStates = LicenseStates.Of(user).Where(LicenseStates.HoldsSeat).ToList();
                var others = new List<string>();
                foreach (var lost in allStates.Where(s => s.SkuId.HasValue && s.SkuId != item.SkuId && LicenseStates.FromGroup(s, groupId)))
                {
                    if (allStates.Any(s => s.SkuId == lost.SkuId && (LicenseStates.IsDirect(s) || !leaving.Contains(s.AssignedByGroup!))) || !attributed.Add(lost.SkuId!.Value))
                    {
                        continue;
                    }

                    var sku = tenantSkus.FirstOrDefault(t => t.SkuId == lost.SkuId);
                    var part = sku?.SkuPartNumber ?? lost.SkuId!.Value.ToString();
                    others.Add(part);
                    freed.Add(new ZombieLicenseFreedSku
                    {
                        SkuId = lost.SkuId!.Value,
                        SkuPartNumber = part,
                        GroupName = name,
                        MonthlyCost = sku?.MonthlyPrice,
                        AnnualCost = sku?.MonthlyPrice * 12,
                        Currency = sku?.Currency,
                    });
                    var plans = sku == null ? Array.Empty<string>()
                        : MailboxPlans.Enabled(sku, new[] { new ZombieLicenseSource { DisabledPlans = LicenseStates.Plans(lost.DisabledPlans).ToArray() } });
                    if (plans.Length > 0)
                    {
                        lostMailboxes.Add($"{part} ({string.Join(", ", plans)}, through group '{name}')");
                    }
                }

                var packageSource = item.Sources.FirstOrDefault(s => s.Kind == "AccessPackage" && string.Equals(s.GroupId?.ToString(), groupId, StringComparison.OrdinalIgnoreCase));
                var what = packageSource != null
                    ? $"end the access package assignment '{packageSource.AccessPackageName ?? packageSource.AccessPackageId?.ToString()}' that makes the user a member of '{name}'"
                    : $"remove the user from group '{name}' (or end the access package assignment that delivers it)";
                if (others.Count > 0)
                {
                    what += $"; the user also loses {string.Join(", ", others)}, which that group gives and nothing else does";
                    alsoLost.Add($"{label}: leaving group '{name}' also takes away {string.Join(", ", others)} from the user (the group gives it and nothing else does). " +
                                 "Confirm only if the user needs none of it; otherwise assign it another way first.");
                }

                steps.Add(new Step(what, groupId, name));
            }

            // The mailbox goes with the SKU itself, or with another SKU that a membership removal takes away.
            var mailboxes = (item.HasMailbox ? new[] { $"{item.SkuPartNumber} ({string.Join(", ", item.MailboxPlans)})" } : Array.Empty<string>()).Concat(lostMailboxes).ToList();
            if (mailboxes.Count > 0)
            {
                var mailbox = $"{label}: the change takes away the Exchange Online mailbox licence {string.Join(" and ", mailboxes)}. Without it the mailbox becomes " +
                              "inaccessible at once and is deleted after 30 days.";
                if (!request.IncludeMailboxLicenses)
                {
                    sink.WriteWarning(mailbox + " Skipped: keep the data first (convert it to a shared mailbox, or put it on hold), then run again with -IncludeMailboxLicenses.");
                    return Skip(result, "MailboxLicence", "Takes away an Exchange Online mailbox; skipped without -IncludeMailboxLicenses.");
                }

                sink.WriteWarning(mailbox + " -IncludeMailboxLicenses was given, so it is removed if you confirm.");
            }

            foreach (var warning in alsoLost)
            {
                sink.WriteWarning(warning);
            }

            result.Changes = steps.Select(s => s.Description).ToArray();
            var planned = Money(item, freed, run, done: false);
            var money = planned.Describe(item);
            var mailboxNote = mailboxes.Count > 0 ? "; the Exchange Online mailbox becomes inaccessible and is deleted after 30 days" : "";
            var action = $"Remove zombie licence {item.SkuPartNumber} ({item.Reason}): {string.Join("; ", result.Changes)}{mailboxNote}; {money}";
            if (!sink.ShouldProcess(item.UserPrincipalName ?? item.UserId.ToString(), action))
            {
                result.Outcome = "NotConfirmed";
                result.Detail = action;
                planned.Credit(result, item, run, done: false);
                return result;
            }

            var applied = new List<string>();
            try
            {
                foreach (var step in steps)
                {
                    if (step.AlreadyDone)
                    {
                        applied.Add(step.Description);
                        continue;
                    }

                    if (step.GroupId == null)
                    {
                        var direct = states.First(LicenseStates.IsDirect);
                        var before = new DirectLicense(item.SkuId, item.SkuPartNumber, LicenseStates.Plans(direct.DisabledPlans));
                        await UserLicenseWriter.RemoveAsync(session, journal, item.UserId, user.UserPrincipalName, before, cancellation).ConfigureAwait(false);
                        applied.Add(step.Description);
                        continue;
                    }

                    // An access package assignment would put the membership straight back, so it goes first; the membership
                    // goes with it. Only when nothing delivers the membership is the member removed directly.
                    var ended = await EndAccessPackageAssignmentsAsync(session, item, step, request, journal, run, sink).ConfigureAwait(false);
                    if (ended.Count > 0)
                    {
                        run.LeftGroups.Add(MembershipKey(step.GroupId, item.UserId));
                        applied.Add($"ended access package assignment(s) {string.Join(", ", ended.Select(e => "'" + (e.AccessPackageName ?? e.AccessPackageId.ToString()) + "'"))} for group '{step.GroupName}'");
                        continue;
                    }

                    try
                    {
                        await GroupMembershipWriter.RemoveMemberAsync(session, journal, Guid.Parse(step.GroupId), step.GroupName, item.UserId, user.UserPrincipalName, cancellation).ConfigureAwait(false);
                    }
                    catch (LicenseGovernanceException ex) when (ex.Error.Id == ErrorIds.PermissionDenied && run.Groups.TryGetValue(step.GroupId, out var refused) && refused?.IsAssignableToRole == true)
                    {
                        // The token could not be read beforehand, or a delegated user lacks the Entra role: say what such a group needs.
                        throw Errors.ZombieLicenseFromRoleAssignableGroup(label, item.SkuPartNumber, step.GroupName ?? step.GroupId, !session.AppOnly).ToException();
                    }

                    run.LeftGroups.Add(MembershipKey(step.GroupId, item.UserId));
                    applied.Add($"removed from group '{step.GroupName}'");
                }
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id != ErrorIds.JournalWriteFailed && ex.Error.Id != ErrorIds.OperationCancelled)
            {
                var reason = ex.Error.Message + (applied.Count > 0 ? " Done before the failure: " + string.Join("; ", applied) + "." : "");
                sink.WriteError(Errors.ZombieLicenseRemovalFailed(label, reason));
                result.Outcome = "Failed";
                result.Changes = applied.ToArray();
                result.Detail = reason;
                return result;
            }

            result.Outcome = "Removed";
            result.Changes = applied.ToArray();
            Money(item, freed, run, done: true).Credit(result, item, run, done: true);
            result.Detail = steps.Any(s => s.GroupId != null)
                ? "Removed; a group licence leaves once Microsoft Entra ID processes the group (usually minutes), and only then is the seat free."
                : "Removed; the seat is free.";
            if (result.CountedWith != null)
            {
                result.Detail += $" The change for {result.CountedWith} earlier in this run already freed it; its money is counted there.";
            }

            return result;
        }

        /// <summary>
        /// A named user and SKU as the zombie licence it would be now: reasons judged from the tenant, sources from the user's
        /// licence states, mailbox plans and price from the SKU. Null (with the error written) when the user or SKU is unknown.
        /// </summary>
        private static async Task<ZombieLicense?> DescribeTargetAsync(GraphSession session, ZombieLicenseTarget target, int inactiveDays, IReadOnlyList<LicenseSku> tenantSkus, RunState run, IGovernanceSink sink)
        {
            var sku = SkuDirectory.Match(tenantSkus, target.Sku ?? "");
            if (sku == null)
            {
                sink.WriteError(Errors.SkuNotFound(target.Sku ?? "", SkuDirectory.Suggestions(tenantSkus, target.Sku ?? "")));
                return null;
            }

            var key = (target.User ?? "").Trim();
            var user = key.Length == 0 ? null : await ReadUserAsync(session, key, run, sink.Cancellation).ConfigureAwait(false);
            if (user == null)
            {
                sink.WriteError(Errors.UserNotFound(target.User ?? ""));
                return null;
            }

            var judged = WasteScanner.Judge(user, run.Optional.Contains(WasteScanner.SignInActivity), run.Optional.Contains(WasteScanner.LeaveDate), session.Now, inactiveDays);
            var held = LicenseStates.Of(user).Where(s => s.SkuId == sku.SkuId && LicenseStates.HoldsSeat(s));
            var item = WasteScanner.Zombie(user, sku, judged, LicenseSources.None.Describe(user.Id!, held), session.Now, inactiveDays);
            return item;
        }

        /// <summary>
        /// The user with the licences and the evidence. Sign-in activity and leave dates may be refused (permission, tenant
        /// licence); the first refusal is pinned down property by property and the rest of the run reads without them.
        /// </summary>
        private static Task<User?> ReadUserAsync(GraphSession session, ZombieLicense item, RunState run, CancellationToken cancellation) =>
            ReadUserAsync(session, item.UserId.ToString(), run, cancellation);

        private static async Task<User?> ReadUserAsync(GraphSession session, string key, RunState run, CancellationToken cancellation)
        {
            while (true)
            {
                var select = UserSelect.Concat(run.Optional).ToArray();
                try
                {
                    return await session.CallOrNotFoundAsync("read the licences of " + key, "ReadUsers",
                        c => c.Users[key].GetAsync(r => r.QueryParameters.Select = select, cancellation), cancellation).ConfigureAwait(false);
                }
                catch (LicenseGovernanceException ex) when (run.Optional.Count > 0 && WasteScanner.IsRefusal(ex))
                {
                    if (!await WasteScanner.DropRefusedAsync(session, run.Optional, null, cancellation).ConfigureAwait(false))
                    {
                        throw;
                    }
                }
            }
        }

        /// <summary>
        /// Ends the access package assignments that deliver the membership. A tenant without entitlement management (or a
        /// token without its permission) cannot be asked; then the membership is removed directly, with a warning, unless the
        /// search saw an access package deliver it, in which case the removal fails rather than leave an assignment that
        /// would add the user back.
        /// </summary>
        private static async Task<IReadOnlyList<AccessPackageAssignmentChange>> EndAccessPackageAssignmentsAsync(GraphSession session, ZombieLicense item, Step step,
            RemoveZombieLicenseRequest request, JournalScope journal, RunState state, IGovernanceSink sink)
        {
            var deliveredByPackage = item.Sources.Any(s => s.Kind == "AccessPackage" && string.Equals(s.GroupId?.ToString(), step.GroupId, StringComparison.OrdinalIgnoreCase));
            try
            {
                return await AccessPackageAssignmentRemover.RemoveForUserAsync(session, item.UserId.ToString(), step.GroupId!, journal, sink.Cancellation,
                    request.Justification ?? $"Zombie licence ({item.Reason}) removed by Remove-ZombieLicense").ConfigureAwait(false);
            }
            catch (LicenseGovernanceException ex) when (!deliveredByPackage && (ex.Error.Id == ErrorIds.PermissionDenied || ex.Error.Id == ErrorIds.TenantLicenseRequired))
            {
                if (!state.WarnedAboutPackages)
                {
                    state.WarnedAboutPackages = true;
                    sink.WriteWarning("Access package assignments could not be checked (" + ex.Error.Message + ") Group memberships are removed directly; " +
                        "a membership an access package delivers would come back, so grant EntitlementManagement.ReadWrite.All where the tenant uses access packages.");
                }

                return Array.Empty<AccessPackageAssignmentChange>();
            }
        }

        private static string MembershipKey(string groupId, Guid userId) => groupId + "/" + userId;

        private static ZombieLicenseRemoval Skip(ZombieLicenseRemoval result, string code, string detail)
        {
            result.Outcome = "Skipped";
            result.Detail = code + ": " + detail;
            return result;
        }

        private static void Tally(ZombieLicenseRemovalSummary summary, ZombieLicenseRemoval result)
        {
            // Each user and SKU is in the money once: the row's own licence unless an earlier row freed it, and what it also freed.
            var lines = (result.CountedWith == null ? new[] { (Monthly: result.MonthlyCost, Annual: result.AnnualCost, Currency: result.Currency) } : Array.Empty<(decimal? Monthly, decimal? Annual, string? Currency)>())
                .Concat(result.AlsoFreed.Select(f => (Monthly: f.MonthlyCost, Annual: f.AnnualCost, Currency: f.Currency)));
            switch (result.Outcome)
            {
                case "Removed":
                    summary.Removed++;
                    summary.AlsoFreed += result.AlsoFreed.Length;
                    foreach (var line in lines)
                    {
                        if (line.Monthly.HasValue && Counts(summary, line.Currency))
                        {
                            summary.MonthlyRecovered += line.Monthly.Value;
                            summary.AnnualRecovered += line.Annual ?? line.Monthly.Value * 12;
                        }
                        else
                        {
                            summary.RemovedWithoutPrice++;
                        }
                    }

                    break;
                case "NotConfirmed":
                    summary.NotConfirmed++;
                    foreach (var line in lines)
                    {
                        if (line.Monthly.HasValue && Counts(summary, line.Currency))
                        {
                            summary.MonthlyNotConfirmed += line.Monthly.Value;
                            summary.AnnualNotConfirmed += line.Annual ?? line.Monthly.Value * 12;
                        }
                    }

                    break;
                case "Failed":
                    summary.Failed++;
                    break;
                default:
                    summary.Skipped++;
                    break;
            }
        }

        /// <summary>Money adds up in one currency: the first priced licence sets it; others are left out of the sums.</summary>
        private static bool Counts(ZombieLicenseRemovalSummary summary, string? currency)
        {
            summary.Currency ??= currency;
            return string.Equals(summary.Currency, currency, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// What a change recovers: the licence's own SKU and the others it frees, less any user and SKU an earlier row of the
        /// run already counted. <paramref name="done"/> is for a change that was made: it is measured against what the run
        /// really freed; a planned one (-WhatIf, declined) also against what earlier planned rows would free, so that the
        /// "would recover" figures count each user and SKU once as well.
        /// </summary>
        private static Recovery Money(ZombieLicense item, IReadOnlyList<ZombieLicenseFreedSku> freed, RunState run, bool done)
        {
            string? Earlier(Guid skuId) =>
                run.Recovered.TryGetValue((item.UserId, skuId), out var by) || (!done && run.WouldRecover.TryGetValue((item.UserId, skuId), out by)) ? by : null;

            var countedWith = Earlier(item.SkuId);
            var also = freed.Where(f => Earlier(f.SkuId) == null).ToArray();
            var lines = (countedWith == null ? new[] { (Monthly: item.MonthlyCost, Annual: item.AnnualCost, Currency: item.Currency) } : Array.Empty<(decimal? Monthly, decimal? Annual, string? Currency)>())
                .Concat(also.Select(f => (Monthly: f.MonthlyCost, Annual: f.AnnualCost, Currency: f.Currency))).ToList();
            var currency = item.MonthlyCost.HasValue ? item.Currency : lines.FirstOrDefault(l => l.Monthly.HasValue).Currency;
            var priced = lines.Where(l => l.Monthly.HasValue && string.Equals(l.Currency, currency, StringComparison.OrdinalIgnoreCase)).ToList();
            return new Recovery(countedWith, also, currency, lines.Count - priced.Count,
                priced.Count == 0 ? (decimal?)null : priced.Sum(l => l.Monthly!.Value),
                priced.Count == 0 ? (decimal?)null : priced.Sum(l => l.Annual ?? l.Monthly!.Value * 12));
        }

        private sealed class Recovery
        {
            public Recovery(string? countedWith, ZombieLicenseFreedSku[] alsoFreed, string? currency, int unpriced, decimal? monthly, decimal? annual)
            {
                CountedWith = countedWith;
                AlsoFreed = alsoFreed;
                Currency = currency;
                Unpriced = unpriced;
                Monthly = monthly;
                Annual = annual;
            }

            public string? CountedWith { get; }
            public ZombieLicenseFreedSku[] AlsoFreed { get; }
            public string? Currency { get; }
            /// <summary>SKUs in the change without a price in <see cref="Currency"/>.</summary>
            public int Unpriced { get; }
            public decimal? Monthly { get; }
            public decimal? Annual { get; }

            /// <summary>For the confirmation and -WhatIf: the money, what it includes, and what is counted elsewhere.</summary>
            public string Describe(ZombieLicense item)
            {
                var parts = new List<string>();
                if (Monthly.HasValue)
                {
                    parts.Add(string.Format(CultureInfo.InvariantCulture, "recovers {0} {1:0.00}/month, {0} {2:0.00}/year", Currency, Monthly, Annual) +
                              (AlsoFreed.Length > 0 ? $" (with {string.Join(", ", AlsoFreed.Select(f => f.SkuPartNumber))})" : ""));
                }

                if (Unpriced > 0)
                {
                    parts.Add(Monthly.HasValue ? $"{Unpriced} more licence(s) without a price in {Currency} (Set-LicensePrice)" : "price unknown (Set-LicensePrice)");
                }

                if (CountedWith != null)
                {
                    parts.Add($"{item.SkuPartNumber} is freed by the change for {CountedWith} earlier in this run and counted there");
                }

                return parts.Count == 0 ? "price unknown (Set-LicensePrice)" : string.Join("; ", parts);
            }

            /// <summary>Puts the figures on the row and marks its users and SKUs as counted for the rest of the run.</summary>
            public void Credit(ZombieLicenseRemoval result, ZombieLicense item, RunState run, bool done)
            {
                var counted = done ? run.Recovered : run.WouldRecover;
                result.CountedWith = CountedWith;
                result.AlsoFreed = AlsoFreed;
                result.Currency = Currency ?? result.Currency;
                result.MonthlyRecovered = Monthly;
                result.AnnualRecovered = Annual;
                if (CountedWith == null)
                {
                    counted[(item.UserId, item.SkuId)] = item.SkuPartNumber;
                }

                foreach (var f in AlsoFreed)
                {
                    counted[(item.UserId, f.SkuId)] = item.SkuPartNumber;
                }
            }
        }

        /// <summary>What one run learns once: the groups it read, and whether it already warned that access packages cannot be checked.</summary>
        private sealed class RunState
        {
            public Dictionary<string, Group?> Groups { get; } = new Dictionary<string, Group?>(StringComparer.OrdinalIgnoreCase);

            public bool WarnedAboutPackages { get; set; }

            /// <summary>Memberships this run ended (<see cref="MembershipKey"/>): Graph still shows their licences until Entra processes the group.</summary>
            public HashSet<string> LeftGroups { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            /// <summary>Users and SKUs whose money a Removed row counted, with that row's SKU: each is counted once a run.</summary>
            public Dictionary<(Guid User, Guid Sku), string> Recovered { get; } = new Dictionary<(Guid User, Guid Sku), string>();

            /// <summary>The same for rows not confirmed (-WhatIf): what the run would free.</summary>
            public Dictionary<(Guid User, Guid Sku), string> WouldRecover { get; } = new Dictionary<(Guid User, Guid Sku), string>();

            /// <summary>The evidence the token may read; narrowed at the first refusal.</summary>
            public List<string> Optional { get; } = new List<string> { WasteScanner.SignInActivity, WasteScanner.LeaveDate };
        }

        private sealed class Step
        {
            public Step(string description, string? groupId, string? groupName, bool alreadyDone = false)
            {
                Description = description;
                GroupId = groupId;
                GroupName = groupName;
                AlreadyDone = alreadyDone;
            }

            public bool AlreadyDone { get; }

            public string Description { get; }
            public string? GroupId { get; }
            public string? GroupName { get; }
        }
    }
}
