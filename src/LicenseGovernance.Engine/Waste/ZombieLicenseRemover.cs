using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using static LicenseGovernance.Engine.Kernel.LicenseRemovalRun;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Waste
{
    /// <summary>
    /// Remove-ZombieLicense: judges each licence again, lets <see cref="LicenseRemovalPlanner"/> decide how to take it away
    /// the way it reaches the user (read afresh from the tenant), confirms the plan with its money, and applies the steps.
    /// Every change is journaled first, so Undo-LicenseChange -CorrelationId puts it all back.
    /// </summary>
    internal static class ZombieLicenseRemover
    {
        private static readonly string[] UserSelect = { "id", "userPrincipalName", "licenseAssignmentStates", "accountEnabled", "createdDateTime" };
        public static async Task RunAsync(GraphSession session, RemoveZombieLicenseRequest request, IReadOnlyList<LicenseSku> tenantSkus, JournalScope journal, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var summary = new ZombieLicenseRemovalSummary { CorrelationId = journal.CorrelationId };
            var state = new RunState(tenantSkus);
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
                var result = await RemoveOneAsync(session, item, request, journal, state, sink).ConfigureAwait(false);
                Tally(summary, result);
                sink.WriteObject(result);
            }

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.ZombieRemoval, "Removing zombie licences", $"{summary.Removed} removed", 100, completed: true));
            summary.WhatIf = summary.NotConfirmed > 0 && summary.Removed == 0 && summary.Failed == 0;
            sink.WriteObject(summary);
        }

        private static async Task<ZombieLicenseRemoval> RemoveOneAsync(GraphSession session, ZombieLicense item, RemoveZombieLicenseRequest request, JournalScope journal, RunState run, IGovernanceSink sink)
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

            var stays = WhyTheLicenseStays(session, item, user, run);
            if (stays != null)
            {
                return Skip(result, "NoLongerZombie", stays);
            }

            if (!LicenseStates.Held(user, item.SkuId).Any())
            {
                return Skip(result, "NotHeld", $"{label}: the user no longer holds {item.SkuPartNumber}.");
            }

            // Read what reaches the user now, not what the piped object saw.
            var plan = await LicenseRemovalPlanner.PlanAsync(session, run, user, item.SkuId, item.Sources, cancellation).ConfigureAwait(false);
            if (!Confirmed(plan, item, request, run, sink, result))
            {
                return result;
            }

            var applied = new List<string>();
            try
            {
                foreach (var step in plan.Steps)
                {
                    applied.Add(await ApplyAsync(session, item, user.UserPrincipalName, step, request, journal, run, sink).ConfigureAwait(false));
                }
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id != ErrorIds.JournalWriteFailed && ex.Error.Id != ErrorIds.OperationCancelled)
            {
                var reason = ex.Error.Message + (applied.Count > 0 ? " Done before the failure: " + string.Join("; ", applied) + "." : "");
                sink.WriteError(Errors.ZombieLicenseRemovalFailed(label, reason));
                result.Outcome = ZombieRemovalOutcome.Failed;
                result.Changes = applied.ToArray();
                result.Detail = reason;
                return result;
            }

            result.Outcome = ZombieRemovalOutcome.Removed;
            result.Changes = applied.ToArray();
            Money(item, plan, run, done: true).Credit(result, item, run, done: true);
            result.Detail = plan.EndsMembership
                ? "Removed; a group licence leaves once Microsoft Entra ID processes the group (usually minutes), and only then is the seat free."
                : "Removed; the seat is free.";
            if (result.CountedWith != null)
            {
                result.Detail += $" The change for {result.CountedWith} earlier in this run already freed it; its money is counted there.";
            }

            return result;
        }

        /// <summary>Carries out one step of the plan and says what was done, for the result's list of changes.</summary>
        private static async Task<string> ApplyAsync(GraphSession session, ZombieLicense item, string? userPrincipalName, LicenseRemovalStep step,
            RemoveZombieLicenseRequest request, JournalScope journal, RunState run, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            if (step.AlreadyDone)
            {
                return step.Description;
            }

            if (step.Kind == LicenseRemovalStepKind.RemoveDirectAssignment)
            {
                await UserLicenseWriter.RemoveAsync(session, journal, item.UserId, userPrincipalName, step.DirectLicense!, cancellation).ConfigureAwait(false);
                return step.Description;
            }

            // An access package assignment would put the membership straight back, so it goes first; the membership
            // goes with it. Only when nothing delivers the membership is the member removed directly.
            var groupId = step.GroupId!;
            var ended = await EndAccessPackageAssignmentsAsync(session, item, step, request, journal, run, sink).ConfigureAwait(false);
            if (ended.Count > 0)
            {
                run.LeftGroups.Add(MembershipKey(groupId, item.UserId));
                return $"ended access package assignment(s) {string.Join(", ", ended.Select(e => "'" + (e.AccessPackageName ?? e.AccessPackageId.ToString()) + "'"))} for group '{step.GroupName}'";
            }

            try
            {
                await GroupMembershipWriter.RemoveMemberAsync(session, journal, Guid.Parse(groupId), step.GroupName, item.UserId, userPrincipalName, cancellation).ConfigureAwait(false);
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id == ErrorIds.PermissionDenied && run.Groups.TryGetValue(groupId, out var refused) && refused?.IsAssignableToRole == true)
            {
                // The token could not be read beforehand, or a delegated user lacks the Entra role: say what such a group needs.
                throw Errors.ZombieLicenseFromRoleAssignableGroup(item.ToString(), item.SkuPartNumber, step.GroupName ?? groupId, !session.AppOnly).ToException();
            }

            run.LeftGroups.Add(MembershipKey(groupId, item.UserId));
            return $"removed from group '{step.GroupName}'";
        }

        /// <summary>
        /// The user is judged again now: someone who signed in, was re-enabled or whose leave date moved since the search keeps
        /// the licence. Says why it stays, or null when it is still a zombie licence.
        /// </summary>
        private static string? WhyTheLicenseStays(GraphSession session, ZombieLicense item, User user, RunState run)
        {
            var signInRead = run.Optional.Contains(WasteScanner.SignInActivity);
            var leaveRead = run.Optional.Contains(WasteScanner.LeaveDate);
            var now = WasteScanner.Judge(user, signInRead, leaveRead, session.Now, item.InactiveDays).Reasons;
            bool Judged(ZombieReason r) => r switch
            {
                ZombieReason.Departed => leaveRead,
                ZombieReason.Inactive or ZombieReason.NeverSignedIn => signInRead,
                _ => true,
            };
            if (item.Reasons.Any(r => now.Contains(r) || !Judged(r)))
            {
                return null;
            }

            return $"{item}: {(item.Reasons.Length == 0 ? "not a zombie licence" : "no longer " + item.Reason)} " +
                   $"({(now.Count == 0 ? "the user is active" : "now " + string.Join(", ", now))}); the licence stays.";
        }

        /// <summary>
        /// Shows the plan and asks: a refusal is written as its error, a mailbox goes only with -IncludeMailboxLicenses, and what
        /// else the change takes away is said before the question. False, with the result filled in, when nothing is to change.
        /// </summary>
        private static bool Confirmed(LicenseRemovalPlan plan, ZombieLicense item, RemoveZombieLicenseRequest request, RunState run, IGovernanceSink sink, ZombieLicenseRemoval result)
        {
            var label = item.ToString();
            if (plan.Refusal != null)
            {
                sink.WriteError(plan.Refusal.Error(label));
                Skip(result, plan.Refusal.Code, plan.Refusal.Detail);
                return false;
            }

            var mailbox = plan.MailboxWarning(label);
            if (mailbox != null)
            {
                if (!request.IncludeMailboxLicenses)
                {
                    sink.WriteWarning(mailbox + " Skipped: keep the data first (convert it to a shared mailbox, or put it on hold), then run again with -IncludeMailboxLicenses.");
                    Skip(result, "MailboxLicence", "Takes away an Exchange Online mailbox; skipped without -IncludeMailboxLicenses.");
                    return false;
                }

                sink.WriteWarning(mailbox + " -IncludeMailboxLicenses was given, so it is removed if you confirm.");
            }

            foreach (var warning in plan.AlsoLostWarnings(label))
            {
                sink.WriteWarning(warning);
            }

            result.Changes = plan.Steps.Select(s => s.Description).ToArray();
            var planned = Money(item, plan, run, done: false);
            var mailboxNote = mailbox != null ? "; the Exchange Online mailbox becomes inaccessible and is deleted after 30 days" : "";
            var action = $"Remove zombie licence {item.SkuPartNumber} ({item.Reason}): {string.Join("; ", result.Changes)}{mailboxNote}; {planned.Describe(item)}";
            if (sink.ShouldProcess(item.UserPrincipalName ?? item.UserId.ToString(), action))
            {
                return true;
            }

            result.Outcome = ZombieRemovalOutcome.NotConfirmed;
            result.Detail = action;
            planned.Credit(result, item, run, done: false);
            return false;
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
            var held = LicenseStates.Held(user, sku.SkuId);
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
        private static async Task<IReadOnlyList<AccessPackageAssignmentChange>> EndAccessPackageAssignmentsAsync(GraphSession session, ZombieLicense item, LicenseRemovalStep step,
            RemoveZombieLicenseRequest request, JournalScope journal, RunState state, IGovernanceSink sink)
        {
            var deliveredByPackage = step.Kind == LicenseRemovalStepKind.EndAccessPackageAssignment;
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

        private static ZombieLicenseRemoval Skip(ZombieLicenseRemoval result, string code, string detail)
        {
            result.Outcome = ZombieRemovalOutcome.Skipped;
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
                case ZombieRemovalOutcome.Removed:
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
                case ZombieRemovalOutcome.NotConfirmed:
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
                case ZombieRemovalOutcome.Failed:
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
        private static Recovery Money(ZombieLicense item, LicenseRemovalPlan plan, RunState run, bool done)
        {
            string? Earlier(Guid skuId) =>
                run.Recovered.TryGetValue((item.UserId, skuId), out var by) || (!done && run.WouldRecover.TryGetValue((item.UserId, skuId), out by)) ? by : null;

            var countedWith = Earlier(item.SkuId);
            var also = plan.AlsoLost.Select(Freed).Where(f => Earlier(f.SkuId) == null).ToArray();
            var lines = (countedWith == null ? new[] { (Monthly: item.MonthlyCost, Annual: item.AnnualCost, Currency: item.Currency) } : Array.Empty<(decimal? Monthly, decimal? Annual, string? Currency)>())
                .Concat(also.Select(f => (Monthly: f.MonthlyCost, Annual: f.AnnualCost, Currency: f.Currency))).ToList();
            var currency = item.MonthlyCost.HasValue ? item.Currency : lines.FirstOrDefault(l => l.Monthly.HasValue).Currency;
            var priced = lines.Where(l => l.Monthly.HasValue && string.Equals(l.Currency, currency, StringComparison.OrdinalIgnoreCase)).ToList();
            return new Recovery(countedWith, also, currency, lines.Count - priced.Count,
                priced.Count == 0 ? (decimal?)null : priced.Sum(l => l.Monthly!.Value),
                priced.Count == 0 ? (decimal?)null : priced.Sum(l => l.Annual ?? l.Monthly!.Value * 12));
        }

        private static ZombieLicenseFreedSku Freed(AlsoLostLicense lost) => new ZombieLicenseFreedSku
        {
            SkuId = lost.SkuId,
            SkuPartNumber = lost.SkuPartNumber,
            GroupName = lost.GroupName,
            MonthlyCost = lost.Sku?.MonthlyPrice,
            AnnualCost = lost.Sku?.MonthlyPrice * 12,
            Currency = lost.Sku?.Currency,
        };

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

        /// <summary>
        /// What one run learns once: what its removal plans share (groups read, memberships ended), whether it already warned
        /// that access packages cannot be checked, and the money counted so far.
        /// </summary>
        private sealed class RunState : LicenseRemovalRun
        {
            public RunState(IReadOnlyList<LicenseSku> tenantSkus)
                : base(tenantSkus)
            {
            }

            public bool WarnedAboutPackages { get; set; }

            /// <summary>Users and SKUs whose money a Removed row counted, with that row's SKU: each is counted once a run.</summary>
            public Dictionary<(Guid User, Guid Sku), string> Recovered { get; } = new Dictionary<(Guid User, Guid Sku), string>();

            /// <summary>The same for rows not confirmed (-WhatIf): what the run would free.</summary>
            public Dictionary<(Guid User, Guid Sku), string> WouldRecover { get; } = new Dictionary<(Guid User, Guid Sku), string>();

            /// <summary>The evidence the token may read; narrowed at the first refusal.</summary>
            public List<string> Optional { get; } = new List<string> { WasteScanner.SignInActivity, WasteScanner.LeaveDate };
        }
    }
}
