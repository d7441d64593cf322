using System.Collections.Generic;

namespace LicenseGovernance.Hosting
{
    /// <summary>
    /// A change to one target, worked out by the engine before anything is written. The cmdlet shows its warnings, asks
    /// ShouldProcess with its target and description (so -WhatIf and -Confirm show exactly this), and hands it back to the
    /// engine to apply as planned. Plans implement it explicitly, so that a plan written to the pipeline (Remove-LicenseTierGroup
    /// writes the removal it applied) shows only its own properties.
    /// </summary>
    public interface IChangePlan
    {
        /// <summary>What the change is made to, as ShouldProcess names it.</summary>
        string Target { get; }

        /// <summary>What would change, in full, as ShouldProcess shows it; for a plan that changes nothing, says so.</summary>
        string Description { get; }

        /// <summary>What to know before confirming.</summary>
        IReadOnlyList<string> Warnings { get; }

        /// <summary>Nothing to change: there is nothing to confirm, and applying it returns the target as it is.</summary>
        bool IsNoChange { get; }
    }
}
