using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Journal;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// How the writers send up to 20 writes in one $batch: every change journaled first in one append, the batch sent through
    /// <see cref="WriteRetryPolicy.SendBatchAsync"/>, each outcome journaled. A refusal that means "already as asked" comes
    /// back as <see cref="WriteOutcome.AlreadyDone"/> and is journaled as not made: this run changed nothing there, so Undo
    /// must leave it be.
    /// </summary>
    internal static class JournaledBatch
    {
        /// <param name="alreadyDone">The phrase of Graph's refusal that means the tenant already is as asked.</param>
        /// <param name="alreadyDoneNote">What the journal says of such a change.</param>
        /// <param name="writesAfter">How many writes the caller still has to send after these (see <see cref="WritePacer"/>).</param>
        public static async Task<IReadOnlyList<WriteOutcome>> SendAsync(GraphSession session, JournalScope journal, string operation, string capability,
            IReadOnlyList<(ChangeIntent Intent, GraphBatch.Request Request)> writes, string alreadyDone, string alreadyDoneNote, long writesAfter, CancellationToken cancellation)
        {
            var entries = await journal.RecordAsync(writes.Select(w => w.Intent).ToList(), cancellation).ConfigureAwait(false);
            var outcomes = (await WriteRetryPolicy.SendBatchAsync(session, operation, capability, writes.Select(w => w.Request).ToList(), writesAfter, cancellation).ConfigureAwait(false))
                .Select(o => o.AlreadyDoneWhen(alreadyDone)).ToList();
            await journal.CompleteAsync(entries.Select((e, i) => (e, outcomes[i].Succeeded ? null : outcomes[i].AlreadyDone ? alreadyDoneNote : outcomes[i].Describe())).ToList(),
                CancellationToken.None).ConfigureAwait(false);
            return outcomes;
        }
    }
}
