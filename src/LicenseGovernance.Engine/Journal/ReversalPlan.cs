using System;
using System.Threading;
using System.Threading.Tasks;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>What the target shows now, and what undoing the change takes: nothing, a refusal, or a journaled change with the call that makes it.</summary>
    public sealed class ReversalPlan
    {
        private ReversalPlan(TargetState state, string detail, ChangeIntent? intent, Func<CancellationToken, Task<bool>>? apply, bool conflict)
        {
            State = state;
            Detail = detail;
            Intent = intent;
            Apply = apply;
            IsConflict = conflict;
        }

        /// <summary>Which of the change's states the target showed when it was read.</summary>
        public TargetState State { get; }

        /// <summary>For -WhatIf and the result: what will be done, or why nothing will.</summary>
        public string Detail { get; }

        /// <summary>The reversal as it goes into the journal; null when nothing is to be written.</summary>
        public ChangeIntent? Intent { get; }

        /// <summary>Makes the reversal; returns false when the tenant turned out to need nothing after all (for example, the member was already gone).</summary>
        public Func<CancellationToken, Task<bool>>? Apply { get; }

        public bool IsConflict { get; }

        public static ReversalPlan NothingToDo(TargetState state, string detail) => new ReversalPlan(state, detail, null, null, conflict: false);

        public static ReversalPlan Conflict(TargetState state, string detail) => new ReversalPlan(state, detail, null, null, conflict: true);

        public static ReversalPlan Reverse(TargetState state, string detail, ChangeIntent intent, Func<CancellationToken, Task<bool>> apply) =>
            new ReversalPlan(state, detail, intent, apply, conflict: false);
    }
}
