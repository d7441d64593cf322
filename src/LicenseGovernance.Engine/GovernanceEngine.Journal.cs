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

        public Task UndoChangesAsync(UndoChangeRequest request, IGovernanceSink sink) =>
            WithGraph(sink, s => ChangeUndoer.RunAsync(s, new JournalFile(JournalPath), BeginJournal(s, "Undo-LicenseChange", sink), request, sink));

        /// <summary>The journal for one command run: every change it makes to the tenant is recorded through this first.</summary>
        internal JournalScope BeginJournal(GraphSession session, string command, IGovernanceSink? sink = null) =>
            new JournalScope(new JournalFile(JournalPath), session, sink?.CommandName ?? command, sink == null ? null : (System.Action<string>)sink.WriteWarning);
    }
}
