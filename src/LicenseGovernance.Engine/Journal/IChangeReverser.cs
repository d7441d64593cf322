using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>Knows how to reverse one journaled operation. Register each in <see cref="ChangeReversers.All"/>.</summary>
    public interface IChangeReverser
    {
        /// <summary>The <see cref="JournalEntry.Operation"/> this reverses.</summary>
        string Operation { get; }

        /// <summary>
        /// Reads the target as it is now and works out the reversal, writing nothing. A target that already shows the
        /// state before the change gives <see cref="ReversalPlan.NothingToDo"/>; one that shows neither the before nor the
        /// after state gives <see cref="ReversalPlan.Conflict"/> unless <paramref name="force"/>.
        /// </summary>
        Task<ReversalPlan> PlanAsync(GraphSession session, JournalEntry change, bool force, CancellationToken cancellation);
    }
}
