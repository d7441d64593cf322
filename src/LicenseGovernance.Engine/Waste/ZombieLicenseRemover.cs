using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Waste
{
    /// <summary>
    /// Remove-ZombieLicense: judges each licence again, lets <see cref="LicenseRemovalPlanner"/> decide how to take it away
    /// the way it reaches the user (read afresh from the tenant), confirms the plan with its money, and applies the steps.
    /// It goes through the licences sixty at a time: their users read fifteen to a request, each licence judged, planned
    /// and confirmed on its own, then the chunk's writes sent together (<see cref="ZombieRemovalWrites"/>) and its results
    /// written in order. A licence whose removal is already under way (the user left the group, or the access package
    /// assignment is being removed, and Entra has still to process it) is skipped. Every change is journaled first, so
    /// Undo-LicenseChange -CorrelationId puts it all back. Ctrl+C stops between chunks.
    /// </summary>
    internal sealed class ZombieLicenseRemover
    {
        /// <summary>Licences handled together: four reads of fifteen users, at most three $batch of twenty direct removals.</summary>
        private const int ChunkSize = 60;

        private const string Activity = "Removing zombie licences";

        private static readonly string[] UserSelect = { "id", "userPrincipalName", "licenseAssignmentStates", "accountEnabled", "createdDateTime" };

        private readonly GraphSession _session;
        private readonly RemoveZombieLicenseRequest _request;
        private readonly JournalScope _journal;
        private readonly IGovernanceSink _sink;
        private readonly ZombieRemovalRun _run;
        private readonly ZombieLicenseRemovalSummary _summary;

        private ZombieLicenseRemover(GraphSession session, RemoveZombieLicenseRequest request, JournalScope journal, IGovernanceSink sink, ZombieRemovalRun run)
        {
            _session = session;
            _request = request;
            _journal = journal;
            _sink = sink;
            _run = run;
            _summary = new ZombieLicenseRemovalSummary { CorrelationId = journal.CorrelationId };
        }

        public static async Task<ZombieLicenseRemovalSummary> RunAsync(GraphSession session, RemoveZombieLicenseRequest request, IReadOnlyList<LicenseSku> tenantSkus, JournalScope journal, IGovernanceSink sink)
        {
            var sources = await LicenseSources.ReadAsync(session, tenantSkus, sink.Cancellation).ConfigureAwait(false);
            var remover = new ZombieLicenseRemover(session, request, journal, sink, new ZombieRemovalRun(tenantSkus, sources));
            await remover.RunAsync().ConfigureAwait(false);
            return remover._summary;
        }

        private async Task RunAsync()
        {
            var items = await ItemsAsync().ConfigureAwait(false);
            try
            {
                await RemoveAllAsync(items).ConfigureAwait(false);
            }
            catch (Exception ex) when (_sink.Cancellation.IsCancellationRequested &&
                (ex is OperationCanceledException || (ex is LicenseGovernanceException stopped && stopped.Error.Id == ErrorIds.OperationCancelled)))
            {
                // Stopped between chunks (or during a chunk's reads, before its writes): what was done is reported and journaled.
                WriteSummary();
                throw Errors.OperationCancelled("Remove-ZombieLicense", $"Every change made so far is journaled under correlation id {_journal.CorrelationId}; " +
                    "run Remove-ZombieLicense again to continue: the licences already removed are skipped.").ToException();
            }

            WriteSummary();
        }

        private async Task RemoveAllAsync(List<ZombieLicense> items)
        {
            var done = 0;
            var writesLeft = items.Sum(Writes);
            foreach (var chunk in Chunks(items))
            {
                _sink.Cancellation.ThrowIfCancellationRequested();
                _sink.WriteProgress(new GovernanceProgress(ProgressActivity.ZombieRemoval, Activity, $"{done} of {items.Count}: {chunk[0]}", GovernanceProgress.Percent(done, items.Count)));
                done += chunk.Count;
                writesLeft -= chunk.Sum(Writes);
                await RemoveAsync(chunk, writesLeft).ConfigureAwait(false);
            }
        }

        // Rows or the summary, never both: a stream of one type exports to one CSV without a half-empty last row.
        private void WriteSummary()
        {
            _sink.WriteProgress(new GovernanceProgress(ProgressActivity.ZombieRemoval, Activity, $"{_summary.Removed} removed", 100, completed: true));
            _summary.WhatIf = _request.WhatIf;
            if (_request.Summary)
            {
                _sink.WriteObject(_summary);
            }
        }

        /// <summary>The piped licences and the named users and SKUs (each judged as it stands now), every user and SKU once.</summary>
        private async Task<List<ZombieLicense>> ItemsAsync()
        {
            var named = new List<ZombieLicense>();
            foreach (var target in _request.Targets.Where(t => t != null))
            {
                var item = await DescribeTargetAsync(target).ConfigureAwait(false);
                if (item == null)
                {
                    _summary.Skipped++;
                }
                else
                {
                    named.Add(item);
                }
            }

            return _request.Licenses.Where(l => l != null).Concat(named).GroupBy(l => (l.UserId, l.SkuId)).Select(g => g.First()).ToList();
        }

        /// <summary>
        /// The licences in order, <see cref="ChunkSize"/> at a time, save that a user's adjacent licences (as Get-ZombieLicense
        /// lists them) stay together, so that their direct assignments go in one assignLicense.
        /// </summary>
        private static IEnumerable<List<ZombieLicense>> Chunks(List<ZombieLicense> items)
        {
            var chunk = new List<ZombieLicense>();
            foreach (var item in items)
            {
                if (chunk.Count >= ChunkSize && chunk[chunk.Count - 1].UserId != item.UserId)
                {
                    yield return chunk;
                    chunk = new List<ZombieLicense>();
                }

                chunk.Add(item);
            }

            if (chunk.Count > 0)
            {
                yield return chunk;
            }
        }

        /// <summary>The writes a licence should take, for the pacer's last stretch: one per way it arrives that is not already ending.</summary>
        private static long Writes(ZombieLicense item) => Math.Max(1, item.Sources.Count(s => !s.RemovalPending));

        /// <summary>One chunk: its users read, each licence judged, planned and confirmed, the confirmed ones removed, the results written in order.</summary>
        private async Task RemoveAsync(List<ZombieLicense> chunk, long writesAfter)
        {
            var signIn = new HashSet<string>(chunk.Where(i => i.Reasons.Any(NeedsSignIn)).Select(i => i.UserId.ToString()), StringComparer.OrdinalIgnoreCase);
            var ids = chunk.Select(i => i.UserId.ToString()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var users = await ReadUsersAsync(ids.Where(signIn.Contains).ToList(), withSignIn: true).ConfigureAwait(false);
            foreach (var pair in await ReadUsersAsync(ids.Where(id => !signIn.Contains(id)).ToList(), withSignIn: false).ConfigureAwait(false))
            {
                users[pair.Key] = pair.Value;
            }

            var rows = new List<ZombieRemovalRow>();
            foreach (var item in chunk)
            {
                rows.Add(await PrepareAsync(item, users.TryGetValue(item.UserId.ToString(), out var user) ? user : null).ConfigureAwait(false));
            }

            await ZombieRemovalWrites.ApplyAsync(_session, _journal, _run, _request.Justification, _sink, rows.Where(r => r.Going).ToList(), writesAfter).ConfigureAwait(false);
            foreach (var row in rows)
            {
                Finish(row);
                Tally(_summary, row.Result);
                if (!_request.Summary)
                {
                    _sink.WriteObject(row.Result);
                }
            }
        }

        /// <summary>Judges the licence as it stands now and, when something is left to remove, asks: the row is confirmed or complete.</summary>
        private async Task<ZombieRemovalRow> PrepareAsync(ZombieLicense item, User? user)
        {
            var row = new ZombieRemovalRow(item, new ZombieLicenseRemoval
            {
                UserId = item.UserId,
                UserPrincipalName = item.UserPrincipalName,
                SkuPartNumber = item.SkuPartNumber,
                MonthlyCost = item.MonthlyCost,
                AnnualCost = item.AnnualCost,
                Currency = item.Currency,
                CorrelationId = _journal.CorrelationId,
            });
            if (user == null)
            {
                Skip(row.Result, "UserGone", $"The user {item.UserPrincipalName ?? item.UserId.ToString()} no longer exists.");
                return row;
            }

            var stays = WhyTheLicenseStays(item, user);
            var held = LicenseStates.Held(user, item.SkuId).ToList();
            if (stays != null || held.Count == 0)
            {
                Skip(row.Result, stays != null ? "NoLongerZombie" : "NotHeld", stays ?? $"{item}: the user no longer holds {item.SkuPartNumber}.");
                return row;
            }

            // Read what reaches the user now, not what the piped object saw.
            var sources = Sources(item, user, held);
            var plan = await LicenseRemovalPlanner.PlanAsync(_session, _run, user, item.SkuId, sources, _sink.Cancellation).ConfigureAwait(false);
            if (plan.OnlyPending)
            {
                Skip(row.Result, "RemovalPending", $"{item}: {LicenseSources.PendingReason(sources) ?? string.Join("; ", plan.Steps.Select(s => s.Description))}");
            }
            else if (Confirmed(plan, item, row.Result))
            {
                row.Confirm(plan, user.UserPrincipalName);
            }

            return row;
        }

        /// <summary>
        /// How the licence reaches the user now. Where access packages cannot be read, the piped licence's own description is
        /// all that says a package delivers a membership, and it is kept, so that such a membership is not removed directly.
        /// </summary>
        private ZombieLicenseSource[] Sources(ZombieLicense item, User user, IEnumerable<LicenseState> held)
        {
            var sources = _run.Sources.Describe(user.Id!, held);
            foreach (var source in _run.Sources.PackagesRefused == null ? Array.Empty<ZombieLicenseSource>() : sources)
            {
                var piped = item.Sources.FirstOrDefault(p => p.Kind == LicenseSourceKind.AccessPackage && p.GroupId == source.GroupId);
                if (piped != null)
                {
                    source.Kind = piped.Kind;
                    source.AccessPackageId = piped.AccessPackageId;
                    source.AccessPackageName = piped.AccessPackageName;
                    source.AccessPackageAssignmentId = piped.AccessPackageAssignmentId;
                }
            }

            return sources;
        }

        /// <summary>Completes a confirmed row: Failed with what was done before the failure, or Removed with the money it recovers.</summary>
        private void Finish(ZombieRemovalRow row)
        {
            if (row.Plan == null)
            {
                return;
            }

            var result = row.Result;
            result.Changes = row.Done;
            if (row.Failure != null)
            {
                var reason = row.Failure + (result.Changes.Count > 0 ? " Done before the failure: " + string.Join("; ", result.Changes) + "." : "");
                _sink.WriteError(Errors.ZombieLicenseRemovalFailed(row.Item.ToString(), reason));
                result.Outcome = ZombieRemovalOutcome.Failed;
                result.Detail = reason;
                return;
            }

            result.Outcome = ZombieRemovalOutcome.Removed;
            Money(row.Item, row.Plan, _run, done: true).Credit(result, row.Item, _run, done: true);
            result.Detail = row.Plan.EndsMembership
                ? "Removed; a group licence leaves once Microsoft Entra ID processes the group (usually minutes), and only then is the seat free."
                : "Removed; the seat is free.";
            if (result.CountedWith != null)
            {
                result.Detail += $" The change for {result.CountedWith} earlier in this run already freed it; its money is counted there.";
            }
        }

        /// <summary>
        /// The user is judged again now: someone who signed in, was re-enabled or whose leave date moved since the search keeps
        /// the licence. Says why it stays, or null when it is still a zombie licence.
        /// </summary>
        private string? WhyTheLicenseStays(ZombieLicense item, User user)
        {
            var signInRead = _run.Optional.Contains(WasteScanner.SignInActivity) && item.Reasons.Any(NeedsSignIn);
            var leaveRead = _run.Optional.Contains(WasteScanner.LeaveDate);
            var now = WasteScanner.Judge(user, signInRead, leaveRead, _session.Now, item.InactiveDays).Reasons;
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

            return $"{item}: {(item.Reasons.Count == 0 ? "not a zombie licence" : "no longer " + item.Reason)} " +
                   $"({(now.Count == 0 ? "the user is active" : "now " + string.Join(", ", now))}); the licence stays.";
        }

        /// <summary>
        /// Shows the plan and asks: a refusal is written as its error, a mailbox goes only with -IncludeMailboxLicenses, and what
        /// else the change takes away is said before the question. False, with the result filled in, when nothing is to change.
        /// A confirmed change's money is set aside at once, so the licences asked about after it count it as they would count
        /// it made.
        /// </summary>
        private bool Confirmed(LicenseRemovalPlan plan, ZombieLicense item, ZombieLicenseRemoval result)
        {
            var label = item.ToString();
            if (plan.Refusal != null)
            {
                _sink.WriteError(plan.Refusal.Error(label));
                Skip(result, plan.Refusal.Code, plan.Refusal.Detail);
                return false;
            }

            var mailbox = plan.MailboxWarning(label);
            if (mailbox != null)
            {
                if (!_request.IncludeMailboxLicenses)
                {
                    _sink.WriteWarning(mailbox + " Skipped: keep the data first (convert it to a shared mailbox, or put it on hold), then run again with -IncludeMailboxLicenses.");
                    Skip(result, "MailboxLicence", "Takes away an Exchange Online mailbox; skipped without -IncludeMailboxLicenses.");
                    return false;
                }

                _sink.WriteWarning(mailbox + " -IncludeMailboxLicenses was given, so it is removed if you confirm.");
            }

            foreach (var warning in plan.AlsoLostWarnings(label))
            {
                _sink.WriteWarning(warning);
            }

            result.Changes = plan.Steps.Select(s => s.Description).ToArray();
            var planned = Money(item, plan, _run, done: false);
            var mailboxNote = mailbox != null ? "; the Exchange Online mailbox becomes inaccessible and is deleted after 30 days" : "";
            var action = $"Remove zombie licence {item.SkuPartNumber} ({item.Reason}): {string.Join("; ", result.Changes)}{mailboxNote}; {planned.Describe(item)}";
            if (_sink.ShouldProcess(item.UserPrincipalName ?? item.UserId.ToString(), action))
            {
                planned.Count(item, _run.WouldRecover);
                foreach (var step in plan.Steps.Where(s => s.GroupId != null && !s.AlreadyDone))
                {
                    // Later plans of the run find the membership ended, as Graph will once this chunk is applied.
                    _run.LeftGroups.Add(LicenseRemovalRun.MembershipKey(step.GroupId!, item.UserId));
                }

                return true;
            }

            result.Outcome = ZombieRemovalOutcome.NotConfirmed;
            result.Detail = action;
            planned.Credit(result, item, _run, done: false);
            return false;
        }

        /// <summary>
        /// A named user and SKU as the zombie licence it would be now: reasons judged from the tenant, sources from the user's
        /// licence states, mailbox plans and price from the SKU. Null (with the error written) when the user or SKU is unknown.
        /// </summary>
        private async Task<ZombieLicense?> DescribeTargetAsync(ZombieLicenseTarget target)
        {
            var sku = SkuDirectory.Match(_run.TenantSkus, target.Sku ?? "");
            if (sku == null)
            {
                _sink.WriteError(Errors.SkuNotFound(target.Sku ?? "", SkuDirectory.Suggestions(_run.TenantSkus, target.Sku ?? "")));
                return null;
            }

            var key = (target.User ?? "").Trim();
            var user = key.Length == 0 ? null : await WithEvidenceAsync(select => _session.CallOrNotFoundAsync("read the licences of " + key, "ReadUsers",
                c => c.Users[key].GetAsync(r => r.QueryParameters.Select = select, _sink.Cancellation), _sink.Cancellation)).ConfigureAwait(false);
            if (user == null)
            {
                _sink.WriteError(Errors.UserNotFound(target.User ?? ""));
                return null;
            }

            var judged = WasteScanner.Judge(user, _run.Optional.Contains(WasteScanner.SignInActivity), _run.Optional.Contains(WasteScanner.LeaveDate), _session.Now, _request.InactiveDays);
            return WasteScanner.Zombie(user, sku, judged, _run.Sources.Describe(user.Id!, LicenseStates.Held(user, sku.SkuId)), _session.Now, _request.InactiveDays);
        }

        /// <summary>Only inactive and never-signed-in licences are judged on sign-ins; disabled and departed ones are judged without.</summary>
        private static bool NeedsSignIn(ZombieReason reason) => reason == ZombieReason.Inactive || reason == ZombieReason.NeverSignedIn;

        /// <summary>
        /// The users of a chunk by id, fifteen to a request; one Graph no longer knows is not among them. Reads that select
        /// signInActivity have a quota of their own (ten a minute), so users judged without sign-ins are read without it.
        /// </summary>
        private async Task<Dictionary<string, User>> ReadUsersAsync(List<string> ids, bool withSignIn)
        {
            var users = new Dictionary<string, User>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in Chunked.Of(ids, UsersById.PerRequest))
            {
                var read = await WithEvidenceAsync(select => UsersById.ReadAsync(_session, "read the licences of zombie licence holders", part,
                    withSignIn ? select : select.Where(p => p != WasteScanner.SignInActivity).ToArray(), _sink.Cancellation)).ConfigureAwait(false);
                foreach (var user in read.Where(u => u.Id != null))
                {
                    users[user.Id!] = user;
                }
            }

            return users;
        }

        /// <summary>
        /// Reads users with their licences and the evidence. Sign-in activity and leave dates may be refused (permission,
        /// tenant licence); the first refusal is pinned down property by property and the rest of the run reads without them.
        /// </summary>
        private async Task<T> WithEvidenceAsync<T>(Func<string[], Task<T>> read)
        {
            while (true)
            {
                try
                {
                    return await read(UserSelect.Concat(_run.Optional).ToArray()).ConfigureAwait(false);
                }
                catch (LicenseGovernanceException ex) when (_run.Optional.Count > 0 && WasteScanner.IsRefusal(ex))
                {
                    if (!await WasteScanner.DropRefusedAsync(_session, _run.Optional, null, _sink.Cancellation).ConfigureAwait(false))
                    {
                        throw;
                    }
                }
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
                    summary.AlsoFreed += result.AlsoFreed.Count;
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
        private static Recovery Money(ZombieLicense item, LicenseRemovalPlan plan, ZombieRemovalRun run, bool done)
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
            public void Credit(ZombieLicenseRemoval result, ZombieLicense item, ZombieRemovalRun run, bool done)
            {
                result.CountedWith = CountedWith;
                result.AlsoFreed = AlsoFreed;
                result.Currency = Currency ?? result.Currency;
                result.MonthlyRecovered = Monthly;
                result.AnnualRecovered = Annual;
                Count(item, done ? run.Recovered : run.WouldRecover);
            }

            /// <summary>Marks the change's users and SKUs as counted in <paramref name="counted"/>, with the licence's SKU.</summary>
            public void Count(ZombieLicense item, Dictionary<(Guid User, Guid Sku), string> counted)
            {
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
    }
}
