using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// The journal as one command run sees it: who, which tenant, and one correlation id for every change of the run.
    /// Record a change before touching the tenant (a failure to record stops the run there), then its outcome.
    /// </summary>
    public sealed class JournalScope
    {
        private readonly JournalFile _file;
        private readonly GraphSession _session;
        private readonly string _command;
        private readonly Action<string>? _warn;
        private readonly EarlierRunOutcomes? _earlierRuns;

        /// <param name="earlierRuns">For a command whose re-run carries on a stopped run: resolves what earlier runs left Unknown.</param>
        /// <param name="correlationId">An earlier run's id, for a run that carries that run's work on under it (an offboarding); null for a new one.</param>
        internal JournalScope(JournalFile file, GraphSession session, string command, Action<string>? warn, EarlierRunOutcomes? earlierRuns = null, Guid? correlationId = null)
        {
            CorrelationId = correlationId ?? Guid.NewGuid();
            _file = file;
            _session = session;
            _command = command;
            _warn = warn;
            _earlierRuns = earlierRuns;
        }

        public Guid CorrelationId { get; }

        public string Path => _file.Path;

        public async Task<JournalEntry> RecordAsync(ChangeIntent intent, CancellationToken cancellation) =>
            (await RecordAsync(new[] { intent }, cancellation).ConfigureAwait(false))[0];

        /// <summary>One append for the whole batch. Throws JournalWriteFailed when the file cannot be written; then do not touch the tenant.</summary>
        public async Task<IReadOnlyList<JournalEntry>> RecordAsync(IReadOnlyList<ChangeIntent> intents, CancellationToken cancellation)
        {
            cancellation.ThrowIfCancellationRequested();
            if (_earlierRuns != null)
            {
                await _earlierRuns.ResolveAsync(approved: true).ConfigureAwait(false);
            }

            var now = _session.Now;
            var entries = intents.Select(intent => new JournalEntry
            {
                Id = Guid.NewGuid(),
                Time = now,
                Operator = _session.Context.Account,
                TenantId = _session.Context.TenantId,
                Command = _command,
                Operation = intent.Operation,
                TargetType = intent.TargetType,
                TargetId = intent.TargetId,
                TargetName = intent.TargetName,
                Before = ToElement(intent.Before),
                After = ToElement(intent.After),
                CorrelationId = CorrelationId,
                UndoOf = intent.UndoOf,
                Status = LicenseChangeStatus.Unknown,
            }).ToList();
            _file.Append(entries.Select(JournalLine.ChangeLine));
            return entries;
        }

        /// <summary>
        /// For a run that may have written nothing: records what the tenant shows for the changes earlier runs of the command
        /// left Unknown, asking first; nothing when the run's first write did it already, or the journal does not continue earlier runs.
        /// </summary>
        public Task ResolveEarlierRunsAsync() => _earlierRuns?.ResolveAsync(approved: false) ?? Task.CompletedTask;

        /// <summary>The outcome of a recorded change; a null error means it succeeded.</summary>
        public Task CompleteAsync(JournalEntry entry, string? error, CancellationToken cancellation) =>
            CompleteAsync(new[] { (entry, error) }, cancellation);

        /// <summary>
        /// The outcomes of recorded changes, in one append. The tenant has already changed, so a failure to write here
        /// is a warning, not an error: the entries stay in the journal with status Unknown.
        /// </summary>
        public Task CompleteAsync(IReadOnlyList<(JournalEntry Entry, string? Error)> outcomes, CancellationToken cancellation)
        {
            var now = _session.Now;
            try
            {
                _file.Append(outcomes.Select(o => JournalLine.OutcomeLine(o.Entry.Id, now, o.Error)));
            }
            catch (LicenseGovernanceException ex)
            {
                _warn?.Invoke($"{outcomes.Count} change(s) were made but their outcome could not be journaled ({ex.Message}); Get-LicenseChangeLog shows them as Unknown.");
                return Task.CompletedTask;
            }

            foreach (var (entry, error) in outcomes)
            {
                entry.Status = error == null ? LicenseChangeStatus.Succeeded : LicenseChangeStatus.Failed;
                entry.Error = error;
                entry.CompletedAt = now;
            }

            return Task.CompletedTask;
        }

        /// <summary>Records the change, runs it, and records how it ended (a failure is rethrown).</summary>
        public async Task<T> RunAsync<T>(ChangeIntent intent, Func<Task<T>> change, CancellationToken cancellation) =>
            (await RunRecordedAsync(intent, change, cancellation).ConfigureAwait(false)).Result;

        /// <summary>Like <see cref="RunAsync{T}"/>, and also gives the journal entry, for callers that report which entry records the change.</summary>
        public async Task<(JournalEntry Entry, T Result)> RunRecordedAsync<T>(ChangeIntent intent, Func<Task<T>> change, CancellationToken cancellation)
        {
            var entry = await RecordAsync(intent, cancellation).ConfigureAwait(false);
            T result;
            try
            {
                result = await change().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped mid-call: the change may or may not have reached the tenant, so the entry stays Unknown.
                throw;
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id == ErrorIds.GraphUnreachable)
            {
                // The connection failed or timed out: the request may have been applied with its answer lost, so the entry stays Unknown too.
                throw;
            }
            catch (Exception ex)
            {
                await CompleteAsync(entry, ex.Message, CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            await CompleteAsync(entry, null, CancellationToken.None).ConfigureAwait(false);
            return (entry, result);
        }

        public Task RunAsync(ChangeIntent intent, Func<Task> change, CancellationToken cancellation) =>
            RunAsync(intent, async () =>
            {
                await change().ConfigureAwait(false);
                return true;
            }, cancellation);

        private static JsonElement? ToElement(JsonNode? node)
        {
            if (node == null)
            {
                return null;
            }

            using var document = JsonDocument.Parse(node.ToJsonString());
            return document.RootElement.Clone();
        }
    }
}
