using System;

namespace LicenseGovernance
{
    /// <summary>One of document 000's lifecycle workflows as New-TierLifecycleWorkflow left it, with the gap it cannot close.</summary>
    public sealed class TierLifecycleWorkflow
    {
        public string Name { get; set; } = "";
        public Guid? Id { get; set; }
        public TierWorkflowKind Kind { get; set; }
        /// <summary>For example "Added to LIC-M365-Tier3" or "Removed from LIC-M365-Tier2 or LIC-M365-Tier3".</summary>
        public string Trigger { get; set; } = "";
        /// <summary>What the workflow does for each user, in order, for example "Remove access package assignment: LIC-M365-Tier1".</summary>
        public ItemList<string> Tasks { get; set; } = new ItemList<string>();
        /// <summary>The tasks joined with "; ", for CSV.</summary>
        public string TaskSummary => string.Join("; ", Tasks);
        public int? Version { get; set; }
        /// <summary>Whether Entra runs it on the tenant's schedule; otherwise only on demand.</summary>
        public bool Scheduled { get; set; }
        /// <summary>The tenant's workflowScheduleIntervalInHours: how long a change can wait for the workflow, the real size of the gap.</summary>
        public int ScheduleIntervalHours { get; set; }
        public DateTimeOffset? NextRun { get; set; }
        public TierWorkflowResult Result { get; set; }
        /// <summary>The window this workflow leaves open, in plain words, and that Sync-LicenseTier closes it.</summary>
        public string Gap { get; set; } = "";
        /// <summary>Why a workflow was skipped, or null.</summary>
        public string? Detail { get; set; }
    }
}
