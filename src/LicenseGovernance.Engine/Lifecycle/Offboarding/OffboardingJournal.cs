using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Engine.Lifecycle.Offboarding
{
    /// <summary>
    /// An offboarding's record in the change journal. Its first run journals the licences the user held then
    /// (<see cref="ChangeIntents.OffboardingStarted"/>) and every later run carries on under that run's correlation id, so
    /// one Undo-LicenseChange -CorrelationId gives back everything the offboarding took, however many runs it needed.
    /// An offboarding whose last record says it completed, or part of which was undone, is over: the next run starts afresh.
    /// </summary>
    internal sealed class OffboardingJournal
    {
        private readonly JournalFile _file;
        private readonly GraphSession _session;
        private readonly string _command;
        private readonly IGovernanceSink _sink;
        private readonly EarlierRunOutcomes _earlierRuns;

        public OffboardingJournal(JournalFile file, GraphSession session, string command, IGovernanceSink sink)
        {
            _file = file;
            _session = session;
            _command = command;
            _sink = sink;
            _earlierRuns = new EarlierRunOutcomes(file, session, command, sink);
        }

        /// <summary>The offboarding of the user still under way, from the journal; empty when there is none.</summary>
        public OffboardingHistory History(Guid userId)
        {
            var id = userId.ToString();
            var mine = _file.Read(e => Tracked.Contains(e.Operation) && string.Equals(e.TargetId, id, StringComparison.OrdinalIgnoreCase)).Entries;
            var revoked = LastRevocation(mine);
            var start = mine.LastOrDefault(e => e.Operation == ChangeIntents.OffboardingStarted && e.Status == LicenseChangeStatus.Succeeded);
            if (start == null)
            {
                return new OffboardingHistory(null, Array.Empty<(Guid, string)>(), Array.Empty<JournalEntry>(), revoked);
            }

            var entries = _file.Read(e => e.CorrelationId == start.CorrelationId).Entries;
            var over = entries.Any(e => e.UndoneBy != null) || entries.Any(e => e.Operation == ChangeIntents.OffboardingRecovered && Completed(e));
            return over
                ? new OffboardingHistory(null, Array.Empty<(Guid, string)>(), Array.Empty<JournalEntry>(), revoked)
                : new OffboardingHistory(start.CorrelationId, Skus(start), entries, revoked);
        }

        /// <summary>The run's journal: under the offboarding's correlation id when it carries one on.</summary>
        public JournalScope Scope(Guid? correlationId) => new JournalScope(_file, _session, _command, _sink.WriteWarning, _earlierRuns, correlationId);

        /// <summary>Resolves what earlier runs left Unknown, for a run that wrote nothing (a run that wrote did it before its first write).</summary>
        public Task ResolveEarlierRunsAsync() => _earlierRuns.ResolveAsync(approved: false);

        /// <summary>The first run's record: which SKUs the user held with a seat when the offboarding began.</summary>
        public static Task RecordStartAsync(JournalScope scope, Guid userId, string userPrincipalName, IEnumerable<(Guid SkuId, string SkuPartNumber)> held, CancellationToken cancellation) =>
            scope.RunAsync(ChangeIntents.Other(ChangeIntents.OffboardingStarted, "user", userId.ToString(), userPrincipalName, null,
                new { skus = held.Select(h => new { skuId = h.SkuId, skuPartNumber = h.SkuPartNumber }).ToArray() }), () => Task.CompletedTask, cancellation);

        /// <summary>What a run leaves: the seats recovered so far with their money, and whether nothing is left to do.</summary>
        public static Task RecordRecoveredAsync(JournalScope scope, LicenseOffboardingSummary summary, CancellationToken cancellation) =>
            scope.RunAsync(ChangeIntents.Other(ChangeIntents.OffboardingRecovered, "user", summary.UserId.ToString(), summary.UserPrincipalName, null, new
            {
                complete = summary.Complete,
                seats = summary.SeatsRecovered,
                monthly = summary.MonthlyRecovered,
                currency = summary.Currency,
                skus = summary.Recovered.Select(r => new { skuId = r.SkuId, skuPartNumber = r.SkuPartNumber, pending = r.Pending, monthlyPrice = r.MonthlyPrice }).ToArray(),
                kept = summary.Kept.ToArray(),
            }), () => Task.CompletedTask, cancellation);

        private static readonly HashSet<string> Tracked = new HashSet<string>(StringComparer.Ordinal)
        {
            ChangeIntents.OffboardingStarted, UserAccountWriter.RevokeSessionsOperation, ChangeIntents.UserAccountEnabled,
        };

        /// <summary>
        /// The user's last revocation of sessions (by any offboarding) that no later enabling of the account (an Undo, an
        /// administrator) has made stale: revoking again would change nothing. Null when there is none.
        /// </summary>
        private static JournalEntry? LastRevocation(IReadOnlyList<JournalEntry> mine)
        {
            var revoke = mine.LastOrDefault(e => e.Operation == UserAccountWriter.RevokeSessionsOperation && e.Status != LicenseChangeStatus.Failed);
            var enabled = mine.LastOrDefault(e => e.Operation == ChangeIntents.UserAccountEnabled && e.Status == LicenseChangeStatus.Succeeded
                && e.After is { ValueKind: JsonValueKind.Object } after && after.TryGetProperty("accountEnabled", out var v) && v.ValueKind == JsonValueKind.True);
            return revoke != null && (enabled == null || enabled.Sequence < revoke.Sequence) ? revoke : null;
        }

        private static bool Completed(JournalEntry entry) =>
            entry.Status == LicenseChangeStatus.Succeeded && entry.After is { ValueKind: JsonValueKind.Object } after
            && after.TryGetProperty("complete", out var complete) && complete.ValueKind == JsonValueKind.True;

        private static IReadOnlyList<(Guid SkuId, string SkuPartNumber)> Skus(JournalEntry start)
        {
            var list = new List<(Guid, string)>();
            if (start.After is { ValueKind: JsonValueKind.Object } after && after.TryGetProperty("skus", out var skus) && skus.ValueKind == JsonValueKind.Array)
            {
                foreach (var sku in skus.EnumerateArray())
                {
                    if (Guid.TryParse(GraphJsonPages.Text(sku, "skuId"), out var skuId))
                    {
                        list.Add((skuId, GraphJsonPages.Text(sku, "skuPartNumber") ?? skuId.ToString()));
                    }
                }
            }

            return list;
        }
    }

    /// <summary>An offboarding under way as the journal tells it: its id, the SKUs at its start, and its changes so far.</summary>
    internal sealed class OffboardingHistory
    {
        public OffboardingHistory(Guid? correlationId, IReadOnlyList<(Guid SkuId, string SkuPartNumber)> startSkus, IReadOnlyList<JournalEntry> entries, JournalEntry? revocation)
        {
            CorrelationId = correlationId;
            StartSkus = startSkus;
            Entries = entries;
            Revocation = revocation;
        }

        /// <summary>The user's last revocation of sessions, unless the account was enabled since; with status Unknown when its answer was lost.</summary>
        public JournalEntry? Revocation { get; }

        public Guid? CorrelationId { get; }

        public IReadOnlyList<(Guid SkuId, string SkuPartNumber)> StartSkus { get; }

        public IReadOnlyList<JournalEntry> Entries { get; }

        /// <summary>The offboarding made this change already (succeeded), or sent it with the answer lost and the tenant showing it since <paramref name="shown"/>.</summary>
        public bool Did(string operation, Func<JournalEntry, bool>? shown = null) =>
            Entries.Any(e => e.Operation == operation && (e.Status == LicenseChangeStatus.Succeeded || (e.Status == LicenseChangeStatus.Unknown && shown != null && shown(e))));
    }
}
