using System;

namespace LicenseGovernance
{
    /// <summary>One step of one user's offboarding (Start-LicenseOffboarding), in the order the steps run.</summary>
    public sealed class LicenseOffboardingStep
    {
        public Guid UserId { get; set; }
        public string UserPrincipalName { get; set; } = "";
        /// <summary>1 for the first step of the user's plan.</summary>
        public int Order { get; set; }
        public OffboardingStepKind Step { get; set; }
        /// <summary>The SKU of a License step; empty for the others.</summary>
        public string Sku { get; set; } = "";
        public OffboardingStepStatus Status { get; set; }
        /// <summary>What was done, or why not.</summary>
        public string Detail { get; set; } = "";
        /// <summary>What to do next, when something is left to do; empty otherwise.</summary>
        public string Next { get; set; } = "";
        /// <summary>The offboarding's journal correlation id (Undo-LicenseChange -CorrelationId); the same on every run of one offboarding.</summary>
        public Guid? CorrelationId { get; set; }

        public override string ToString() => $"{UserPrincipalName} {Order}. {Step} {Sku}: {Status}".Replace("  ", " ");
    }
}
