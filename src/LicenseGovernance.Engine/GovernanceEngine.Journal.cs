using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public string JournalPath => _options.JournalPath;

        public Task GetChangeLogAsync(GetChangeLogRequest request, IGovernanceSink sink)
        {
            ChangeLog.Write(new JournalFile(JournalPath), request, _session?.Context.TenantId, sink);
            return Task.CompletedTask;
        }

        public Task UpdateChangeLogAsync(UpdateChangeLogRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => ChangeLogUpdater.RunAsync(s, new JournalFile(JournalPath), request, sink));

        public Task UndoChangesAsync(UndoChangeRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => ChangeUndoer.RunAsync(s, new JournalFile(JournalPath), BeginJournal(s, "Undo-LicenseChange", sink), request, sink));

        /// <summary>
        /// Before signing in: a -JournalPath that can never be written (a folder, a read-only place, an invalid path) refuses
        /// the connection; the default journal only warns, since commands that read need no journal.
        /// </summary>
        private void CheckJournalPath(string? requested, IGovernanceSink sink)
        {
            var path = requested ?? JournalPath;
            var problem = new JournalFile(path).Unwritable();
            if (problem == null)
            {
                return;
            }

            if (requested != null)
            {
                throw Errors.JournalPathUnusable(path, problem).ToException();
            }

            sink.WriteWarning($"The change journal '{path}' cannot be written ({problem.TrimEnd('.')}), so commands that change the tenant will refuse to run. " +
                $"Point it at a file in a writable folder with Connect-LicenseGovernance -JournalPath or the {EngineOptions.JournalVariable} environment variable.");
        }

        /// <summary>The journal for one command run: every change it makes to the tenant is recorded through this first.</summary>
        internal JournalScope BeginJournal(GraphSession session, string command, IGovernanceSink? sink = null) =>
            new JournalScope(new JournalFile(JournalPath), session, sink?.CommandName ?? command, sink == null ? null : (System.Action<string>)sink.WriteWarning);

        /// <summary>
        /// The journal of a command whose re-run carries on what a stopped run left: before its first write it records what the
        /// tenant shows for the changes earlier runs left Unknown; call <see cref="JournalScope.ResolveEarlierRunsAsync"/> when the run ends.
        /// </summary>
        internal JournalScope BeginContinuingJournal(GraphSession session, string command, IGovernanceSink sink)
        {
            var file = new JournalFile(JournalPath);
            var name = sink.CommandName ?? command;
            return new JournalScope(file, session, name, sink.WriteWarning, new EarlierRunOutcomes(file, session, name, sink));
        }
    }
}
