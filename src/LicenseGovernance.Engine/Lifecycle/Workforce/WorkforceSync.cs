using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.MembershipRules;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>
    /// Sync-WorkforceLicense: reads the HR source and the tenant, plans each person's change (joiner on the first day,
    /// gap-free mover, leaver on the last day, leave down and back), serves seats in file order and refuses whom it cannot
    /// serve, asks once for the run's seats and cost and then per person, and only then takes the tier lease, reads the
    /// approved people again under it and changes them, everything under one correlation id. Everything is derived from the
    /// tenant, so a second run over the same file changes nothing.
    /// </summary>
    internal sealed class WorkforceSync
    {
        private readonly GraphSession _session;
        private readonly SyncWorkforceLicenseRequest _request;
        private readonly IReadOnlyList<LicenseSku> _skus;
        private readonly JournalFile _journalFile;
        private readonly IGovernanceSink _sink;
        private readonly WorkforceLeavers _leavers;
        private HrSource _source = new HrSource("");
        private WorkforcePeople _people = new WorkforcePeople();
        private WorkforceRuleSet? _rules;

        private WorkforceSync(GraphSession session, SyncWorkforceLicenseRequest request, IReadOnlyList<LicenseSku> skus, JournalFile journalFile, WorkforceLeavers leavers, IGovernanceSink sink)
        {
            _session = session;
            _request = request;
            _skus = skus;
            _journalFile = journalFile;
            _leavers = leavers;
            _sink = sink;
        }

        /// <summary>Bad input (rules, columns, file) throws before the tenant is read.</summary>
        public static (List<MembershipRule> Rules, HrSource Source) Validate(SyncWorkforceLicenseRequest request)
        {
            var rules = WorkforceRuleSet.Parse(request);
            var columns = HrColumns.From(request.Columns, request.RulePath);
            return (rules, request.FromEntra ? new HrSource("Entra ID") : HrFileReader.Read(request.Path!, columns));
        }

        /// <param name="parsed">The rules and <paramref name="source"/> as <see cref="Validate"/> gave them.</param>
        public static async Task RunAsync(GraphSession session, SyncWorkforceLicenseRequest request, List<MembershipRule> parsed, HrSource source, IReadOnlyList<LicenseSku> skus,
            Func<JournalScope> beginJournal, JournalFile journalFile, WorkforceLeavers leavers, IGovernanceSink sink)
        {
            var sync = new WorkforceSync(session, request, skus, journalFile, leavers, sink) { _source = source };
            await sync.RunAsync(parsed, beginJournal).ConfigureAwait(false);
        }

        private async Task RunAsync(List<MembershipRule> parsed, Func<JournalScope> beginJournal)
        {
            var system = await TierSystem.ReadAsync(_session, _skus, _sink.Cancellation).ConfigureAwait(false);
            _rules = WorkforceRuleSet.Resolve(_request, parsed, system);
            Progress("Reading the people of " + _source.Name);
            _people = await WorkforcePeople.ReadAsync(_session, _source, _request.FromEntra, _sink).ConfigureAwait(false);
            if (_source.MostlyBad)
            {
                WriteProblems();
                throw Errors.HrFileMostlyBad(_source.Name, _source.Problems.Count, _source.Rows).ToException();
            }

            var steps = await PlanAsync(system, null).ConfigureAwait(false);
            var budget = new SeatBudget(_skus);
            steps.ForEach(budget.Take);
            budget.Close();
            if (_request.Preview)
            {
                _sink.WriteObject(Preview(steps, budget));
                return;
            }

            WriteProblems();
            await ApplyAsync(system, steps, budget, beginJournal).ConfigureAwait(false);
        }

        /// <summary>Every person of the source with something to do (or deferred, or refused), in the source's order.</summary>
        private async Task<List<WorkforceStep>> PlanAsync(TierSystem system, ISet<string>? only)
        {
            Progress("Reading the tier system");
            var bridges = TierBridgeJournal.Read(_journalFile, _session.Context.TenantId, _session.Now);
            var users = await _people.TierUsersAsync(_session, system, bridges, only, new NestedProgressSink(_sink, ProgressActivity.WorkforceSync)).ConfigureAwait(false);
            var steps = new List<WorkforceStep>();
            foreach (var (record, user) in _people.Matched)
            {
                if (users.TryGetValue(user.Id!, out var tierUser))
                {
                    var step = StepOf(record, user, tierUser, system);
                    if (step != null)
                    {
                        steps.Add(step);
                    }
                }
            }

            _sink.WriteProgress(new GovernanceProgress(ProgressActivity.WorkforceSync, "Sync-WorkforceLicense", $"{steps.Count} change(s) planned", 100, completed: true));
            return steps;
        }

        private WorkforceStep? StepOf(HrRecord record, Microsoft.Graph.Models.User user, TierUser tierUser, TierSystem system)
        {
            var step = WorkforcePlanner.Plan(record, tierUser, _rules!, system, _session.Now);
            if (step?.Kind == WorkforceChangeKind.Leaver && WorkforceLeavers.Done(user, tierUser))
            {
                step = null;
            }

            if (!_request.FromEntra)
            {
                step ??= new WorkforceStep(record, tierUser, WorkforceChangeKind.HrDates) { From = WorkforcePlanner.Current(tierUser, system) };
                step.To ??= step.Kind == WorkforceChangeKind.HrDates ? step.From : step.To;
                WorkforcePlanner.PlanDates(step, user.EmployeeHireDate, user.EmployeeLeaveDateTime);
            }

            return step == null || (step.Kind == WorkforceChangeKind.HrDates && step.Dates.Count == 0) ? null : step;
        }

        private async Task ApplyAsync(TierSystem system, List<WorkforceStep> steps, SeatBudget budget, Func<JournalScope> beginJournal)
        {
            var changing = steps.Where(s => s.HasWork).ToList();
            if (changing.Any(s => s.ChangesLicenses) && !_sink.ShouldProcess("the tenant's seats", "Sync-WorkforceLicense from " + _source.Name + ": " + budget.Summary()))
            {
                changing.Clear();
            }

            foreach (var refused in steps.Where(s => s.Outcome == WorkforceOutcome.Refused))
            {
                _sink.WriteError(Errors.WorkforceSeatsShort(refused.User.Label, refused.Detail));
            }

            var approved = changing.Where(s => _sink.ShouldProcess(s.User.Label, s.Description)).ToList();
            var done = new Dictionary<string, WorkforceStep>(StringComparer.OrdinalIgnoreCase);
            Guid? correlationId = null;
            if (approved.Count > 0)
            {
                var journal = beginJournal();
                correlationId = journal.CorrelationId;
                var changer = new WorkforceChanger(_session, journal, system, _request, _leavers, _sink);
                foreach (var step in await changer.RunAsync(approved, ids => PlanAsync(system, ids)).ConfigureAwait(false))
                {
                    done[step.User.Id] = step;
                }
            }

            foreach (var step in steps)
            {
                _sink.WriteObject(done.TryGetValue(step.User.Id, out var changed) ? changed.ToChange(correlationId) : step.ToChange(null));
            }
        }

        private WorkforcePreview Preview(List<WorkforceStep> steps, SeatBudget budget) => new WorkforcePreview
        {
            Source = _source.Name, Rows = _source.Rows, Today = _session.Now,
            Joiners = steps.Count(s => s.Kind == WorkforceChangeKind.Joiner), Movers = steps.Count(s => s.Kind == WorkforceChangeKind.Mover),
            Leavers = steps.Count(s => s.Kind == WorkforceChangeKind.Leaver),
            LeaveChanges = steps.Count(s => s.Kind == WorkforceChangeKind.LeaveStart || s.Kind == WorkforceChangeKind.LeaveEnd),
            Refused = steps.Count(s => s.Outcome == WorkforceOutcome.Refused), Settled = _people.Matched.Count - steps.Count(s => s.Kind != WorkforceChangeKind.HrDates),
            Changes = new ItemList<WorkforceChange>(steps.Select(s => s.ToChange(null))), Seats = new ItemList<WorkforceSeatDemand>(budget.Demands),
            BadRows = new ItemList<WorkforceRowProblem>(_source.Problems), MonthlyCostChange = budget.MonthlyCostChange, Currency = budget.Currency,
        };

        private void WriteProblems()
        {
            foreach (var problem in _source.Problems)
            {
                _sink.WriteError(Errors.HrRowInvalid(problem));
            }
        }

        private void Progress(string status) =>
            _sink.WriteProgress(new GovernanceProgress(ProgressActivity.WorkforceSync, "Sync-WorkforceLicense", status));
    }
}
