using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// Knows how to read the target of one journaled operation and reverse it. Register each in <see cref="ChangeReversers.All"/>.
    /// Undo-LicenseChange and the reconciliation of Unknown outcomes both read the target through <see cref="PlanAsync"/>.
    /// </summary>
    public interface IChangeReverser
    {
        /// <summary>The <see cref="JournalEntry.Operation"/> this reverses.</summary>
        string Operation { get; }

        /// <summary>
        /// Whether the entry says all this reverser needs (its target id, the states before and after). Checked as the journal
        /// is read: an entry that fails is an unreadable line, so nothing later meets a half-readable change.
        /// </summary>
        bool CanRead(JournalEntry change);

        /// <summary>What the change is about (a user's direct licences, one membership, one assignment): changes with the same subject overwrite each other's state.</summary>
        string Subject(JournalEntry change);

        /// <summary>
        /// Reads the target as it is now, says which of the change's states it shows (<see cref="ReversalPlan.State"/>), and
        /// works out the reversal, writing nothing. A target that already shows the state before the change gives nothing
        /// to do; one that shows neither state gives a conflict unless <paramref name="force"/>.
        /// </summary>
        Task<ReversalPlan> PlanAsync(GraphSession session, JournalEntry change, bool force, CancellationToken cancellation);
    }
}
