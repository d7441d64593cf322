using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// For a command whose re-run carries on what a stopped run left (Move-DirectToGroupLicense, Remove-ZombieLicense,
    /// Sync-LicenseTier): records, once per run, the outcome the tenant shows for the changes its earlier runs left Unknown.
    /// Done before the run's first write, the run being approved by then and the tenant not yet showing its own changes;
    /// a run that writes nothing does it at its end, and asks first, since recording is a change too (-WhatIf).
    /// </summary>
    internal sealed class EarlierRunOutcomes
    {
        /// <summary>A month on, others have changed the tenant since; older changes are left to Update-LicenseChangeLog.</summary>
        private static readonly TimeSpan Horizon = TimeSpan.FromDays(31);

        /// <summary>A younger change may belong to a run of the same command still under way (another runbook), its request not yet arrived.</summary>
        private static readonly TimeSpan InFlight = TimeSpan.FromMinutes(15);

        private readonly JournalFile _file;
        private readonly GraphSession _session;
        private readonly string _command;
        private readonly IGovernanceSink _sink;
        private readonly SemaphoreSlim _once = new SemaphoreSlim(1, 1);
        private volatile bool _done;

        public EarlierRunOutcomes(JournalFile file, GraphSession session, string command, IGovernanceSink sink)
        {
            _file = file;
            _session = session;
            _command = command;
            _sink = sink;
        }

        /// <param name="approved">The run is about to write, so nothing is asked; otherwise ShouldProcess is asked before recording.</param>
        public async Task ResolveAsync(bool approved)
        {
            if (_done)
            {
                return;
            }

            await _once.WaitAsync(_sink.Cancellation).ConfigureAwait(false);
            try
            {
                if (!_done)
                {
                    await ResolveOnceAsync(approved).ConfigureAwait(false);
                    _done = true;
                }
            }
            finally
            {
                _once.Release();
            }
        }

        private async Task ResolveOnceAsync(bool approved)
        {
            try
            {
                var journal = _file.Read();
                var now = _session.Now;
                var earlier = journal.Entries.Where(e => e.Status == LicenseChangeStatus.Unknown
                    && string.Equals(e.Command, _command, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(e.TenantId, _session.Context.TenantId, StringComparison.OrdinalIgnoreCase)
                    && ChangeReversers.Find(e.Operation) != null
                    && e.Time >= now - Horizon).ToList();
                var settled = earlier.Where(e => e.Time <= now - InFlight).ToList();
                if (earlier.Count > settled.Count)
                {
                    _sink.WriteVerbose($"{earlier.Count - settled.Count} change(s) of {_command} from the last {InFlight.TotalMinutes:0} minutes are still Unknown and were left alone, in case their run is still under way; Update-LicenseChangeLog records them later.");
                }

                var reconciler = new ChangeReconciler(_session, journal.Entries);
                var found = new List<ChangeFinding>();
                foreach (var change in settled)
                {
                    found.Add(await reconciler.ExamineAsync(change, _sink.Cancellation).ConfigureAwait(false));
                }

                Record(found, approved);
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id == ErrorIds.JournalReadFailed || ex.Error.Id == ErrorIds.JournalWriteFailed)
            {
                _sink.WriteWarning($"The outcomes that earlier runs of {_command} left Unknown were not recorded: {ex.Error.Message}");
            }
        }

        private void Record(List<ChangeFinding> found, bool approved)
        {
            var resolved = found.Where(f => f.Resolved).ToList();
            if (resolved.Count == 0
                || (!approved && !_sink.ShouldProcess(_file.Path, $"Record the outcome the tenant shows for {resolved.Count} change(s) that earlier runs of {_command} left Unknown")))
            {
                return;
            }

            ChangeReconciler.Record(_file, resolved, _command, _session.Now);
            var made = resolved.Count(f => f.Status == LicenseChangeStatus.Succeeded);
            _sink.WriteVerbose($"Recorded the outcome of {resolved.Count} change(s) that earlier runs of {_command} left Unknown: {made} made, {resolved.Count - made} not made." +
                (found.Count > resolved.Count ? $" {found.Count - resolved.Count} stay Unknown; Update-LicenseChangeLog says why." : ""));
        }
    }
}
