using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// Sync-LicenseTier: reads the tier system, works out each user's goal and safe move, asks per user, and only then
    /// takes the tenant-side lease, reads again under it (another run may have moved users meanwhile) and moves them.
    /// A run with nothing to do makes only reads. Everything is derived from the tenant afresh, so a run after a crash
    /// continues where the last stopped, and one that finds another run's live lease changes nothing.
    /// </summary>
    internal sealed class TierReconciler
    {
        private readonly GraphSession _session;
        private readonly SyncLicenseTierRequest _request;
        private readonly IReadOnlyList<LicenseSku> _skus;
        private readonly Func<JournalScope> _beginJournal;
        private readonly JournalFile _journalFile;
        private readonly IGovernanceSink _sink;
        private readonly TimeSpan _lookAhead;
        private readonly TierSyncSummary _summary = new TierSyncSummary();
        private readonly DateTimeOffset _started;
        private readonly long _writesBefore;
        private long _requests;

        private TierReconciler(GraphSession session, SyncLicenseTierRequest request, IReadOnlyList<LicenseSku> skus, Func<JournalScope> beginJournal, JournalFile journalFile, IGovernanceSink sink)
        {
            _session = session;
            _request = request;
            _skus = skus;
            _beginJournal = beginJournal;
            _journalFile = journalFile;
            _sink = sink;
            _lookAhead = request.LookAhead ?? SyncLicenseTierRequest.DefaultLookAhead;
            _started = session.Now;
            _writesBefore = session.Pacer.Writes;
        }

        /// <summary>Call <see cref="Validate"/> first, before anything is read.</summary>
        public static Task RunAsync(GraphSession session, SyncLicenseTierRequest request, IReadOnlyList<LicenseSku> skus, Func<JournalScope> beginJournal, JournalFile journalFile, IGovernanceSink sink) =>
            new TierReconciler(session, request, skus, beginJournal, journalFile, sink).RunAsync();

        /// <summary>Bad input ends the command before the tenant is read.</summary>
        public static void Validate(SyncLicenseTierRequest request)
        {
            var lookAhead = request.LookAhead ?? SyncLicenseTierRequest.DefaultLookAhead;
            if (lookAhead < TimeSpan.Zero || lookAhead > SyncLicenseTierRequest.MaxLookAhead)
            {
                throw Errors.LookAheadInvalid(lookAhead, SyncLicenseTierRequest.MaxLookAhead).ToException();
            }

            if (request.WaitTimeoutSeconds < 0 || request.WaitTimeoutSeconds > SyncLicenseTierRequest.MaxWaitTimeoutSeconds)
            {
                throw Errors.TierWaitTimeoutInvalid(request.WaitTimeoutSeconds, SyncLicenseTierRequest.MaxWaitTimeoutSeconds).ToException();
            }
        }

        private async Task RunAsync()
        {
            using (RequestLoggingHandler.Use(line =>
            {
                Interlocked.Increment(ref _requests);
                _sink.WriteVerbose(line);
            }))
            {
                try
                {
                    await ReconcileAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_sink.Cancellation.IsCancellationRequested)
                {
                    throw Errors.OperationCancelled("Sync-LicenseTier", "Every user holds a licence at each step: run Sync-LicenseTier again to continue; it reads the tenant and carries on from there.").ToException();
                }
                finally
                {
                    WriteSummary();
                }
            }
        }

        private async Task ReconcileAsync()
        {
            var system = await TierSystem.ReadAsync(_session, _skus, _sink.Cancellation).ConfigureAwait(false);
            var holder = await SyncLease.PeekAsync(_session, system, _sink.Cancellation).ConfigureAwait(false);
            if (holder != null && !_request.Force)
            {
                Held(holder);
                return;
            }

            var (moves, read) = await PlanAsync(system, _request.User, null).ConfigureAwait(false);
            _summary.UsersRead = read;
            _summary.Settled += read - moves.Count;
            var approved = Ask(moves);
            if (approved.Count > 0)
            {
                await MoveUnderLeaseAsync(system, moves.Where(m => approved.Contains(m.User.Id)).ToList()).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The moves of the users read that have something to do (blocked and waiting ones included, to be reported), and how many
        /// users were read: a settled user is counted and let go, so a run over a large settled tenant holds a file of users at most.
        /// </summary>
        /// <param name="named">Only these users (names or ids); every user in the tier system when null or empty.</param>
        /// <param name="only">When given, only the users it accepts (by id) are planned.</param>
        private async Task<(List<TierMove> Moves, int Read)> PlanAsync(TierSystem system, IReadOnlyCollection<string>? named, Func<string, bool>? only)
        {
            var bridges = TierBridgeJournal.Read(_journalFile, _session.Context.TenantId, _session.Now);
            var moves = new List<TierMove>();
            var read = 0;
            await TierUserReader.ReadAsync(_session, system, _lookAhead, named, bridges, user =>
            {
                read++;
                var move = only == null || only(user.Id) ? TierMovePlanner.Plan(user, TierGoal.For(user, system, _session.Now, _lookAhead), system, _session.Now) : null;
                if (move != null && move.Kind != TierMoveKind.None)
                {
                    moves.Add(move);
                }
            }, _sink).ConfigureAwait(false);
            _sink.WriteProgress(new GovernanceProgress(ProgressActivity.TierRead, "Reading the tier system", $"{read} user(s)", 100, completed: true));
            return (moves, read);
        }

        /// <summary>Asks per user with the move resolved (settled users never come here); waiting or blocked ones are reported as they are.</summary>
        private HashSet<string> Ask(List<TierMove> moves)
        {
            var approved = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var move in moves)
            {
                if (!move.HasWork)
                {
                    Report(move, null);
                }
                else if (_sink.ShouldProcess(move.User.Label, move.Description))
                {
                    approved.Add(move.User.Id);
                }
                else
                {
                    Report(move, null);
                }
            }

            return approved;
        }

        /// <summary>Takes the lease, reads the approved users again under it, moves those who still need it, and gives the lease back.</summary>
        private async Task MoveUnderLeaseAsync(TierSystem system, List<TierMove> approvedMoves)
        {
            var (lease, holder) = await SyncLease.AcquireAsync(_session, system, Owner(), _request.Force, _sink.Cancellation).ConfigureAwait(false);
            if (lease == null)
            {
                Held(holder!);
                foreach (var move in approvedMoves)
                {
                    move.Outcome = TierMoveOutcome.Skipped;
                    move.Detail = $"Another run ({holder!.Owner}) took the tier lease first; it moves the users that need it, so this run changed nothing.";
                    Report(move, null);
                }

                return;
            }

            var approved = new HashSet<string>(approvedMoves.Select(m => m.User.Id), StringComparer.OrdinalIgnoreCase);
            try
            {
                var journal = _beginJournal();
                _summary.CorrelationId = journal.CorrelationId;
                // Named users are read again by the ids found the first time, so a name Graph did not know is reported once.
                var named = _request.User == null || _request.User.Length == 0 ? null : approved;
                var moves = (await PlanAsync(system, named, approved.Contains).ConfigureAwait(false)).Moves.Where(m => m.HasWork).ToList();
                await TierMover.RunAsync(_session, moves, journal, Timings(), () => lease.RenewAsync(_sink.Cancellation), _sink).ConfigureAwait(false);
                foreach (var move in moves)
                {
                    Report(move, journal.CorrelationId);
                }
            }
            finally
            {
                await lease.ReleaseAsync().ConfigureAwait(false);
            }
        }

        private LicenseWatchTimings Timings() => LicenseWatchTimings.Default.WithTimeout(TimeSpan.FromSeconds(_request.WaitTimeoutSeconds));

        private string Owner() => $"{_session.Context.Account ?? "unknown"} on {Environment.MachineName} (run {Guid.NewGuid():N})";

        private void Held(LeaseHolder holder)
        {
            _sink.WriteWarning(Errors.TierLeaseHeld(holder.Owner, holder.ExpiresAt).Message);
            _summary.LeaseHolder = holder.Owner;
            _summary.LeaseExpires = holder.ExpiresAt;
        }

        private void Report(TierMove move, Guid? correlationId)
        {
            Count(move.Outcome);
            if (!_request.Summary)
            {
                _sink.WriteObject(TierMoveResults.From(move, correlationId));
            }
        }

        private void Count(TierMoveOutcome outcome)
        {
            switch (outcome)
            {
                case TierMoveOutcome.Moved: _summary.Moved++; break;
                case TierMoveOutcome.Bridged: _summary.Bridged++; break;
                case TierMoveOutcome.Waiting: _summary.Waiting++; break;
                case TierMoveOutcome.Failed: _summary.Failed++; break;
                case TierMoveOutcome.Skipped: _summary.Skipped++; break;
                default: _summary.Planned++; break;
            }
        }

        private void WriteSummary()
        {
            _summary.Requests = Interlocked.Read(ref _requests);
            _summary.Writes = _session.Pacer.Writes - _writesBefore;
            _summary.Elapsed = _session.Now - _started;
            if (_request.Summary)
            {
                _sink.WriteObject(_summary);
            }
        }
    }
}
