using System;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Journal;

namespace LicenseGovernance.Engine.Lifecycle.Offboarding
{
    /// <summary>
    /// One step as planned from the tenant: either settled (done already, waiting, skipped, refused) with its reason, or
    /// something to do (<see cref="Apply"/>), which the run makes once the whole plan is confirmed.
    /// </summary>
    internal sealed class OffboardingStepPlan
    {
        private OffboardingStepPlan(OffboardingStepKind kind, string sku, OffboardingStepStatus status, string detail, string next, Func<JournalScope, Task<string>>? apply)
        {
            Kind = kind;
            Sku = sku;
            Status = status;
            Detail = detail;
            Next = next;
            Apply = apply;
        }

        public OffboardingStepKind Kind { get; }

        public string Sku { get; }

        public OffboardingStepStatus Status { get; set; }

        public string Detail { get; set; }

        public string Next { get; set; }

        /// <summary>Makes the change through the journaled writers and says what was done; null for a settled step.</summary>
        public Func<JournalScope, Task<string>>? Apply { get; private set; }

        public bool ToDo => Apply != null;

        /// <summary>Set when a License step's change frees the seat only once Entra processes a group.</summary>
        public bool EndsMembership { get; set; }

        public static OffboardingStepPlan Settled(OffboardingStepKind kind, OffboardingStepStatus status, string detail, string next = "", string sku = "") =>
            new OffboardingStepPlan(kind, sku, status, detail, next, null);

        /// <param name="detail">What will be done, in words, for the confirmation and -WhatIf.</param>
        public static OffboardingStepPlan Change(OffboardingStepKind kind, string detail, Func<JournalScope, Task<string>> apply, string sku = "") =>
            new OffboardingStepPlan(kind, sku, OffboardingStepStatus.Planned, detail, "", apply);

        /// <summary>The step as it ended: done, failed, or left for the next run.</summary>
        public void Settle(OffboardingStepStatus status, string detail, string next = "")
        {
            Apply = null;
            Status = status;
            Detail = detail;
            Next = next;
        }
    }
}
