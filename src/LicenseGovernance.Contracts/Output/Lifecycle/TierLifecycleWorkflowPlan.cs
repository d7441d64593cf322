using System;
using System.Collections.Generic;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance
{
    /// <summary>
    /// What New-TierLifecycleWorkflow would create or change, worked out before anything is written so that -WhatIf shows
    /// each workflow's request and JSON body. Applying re-checks that the tenant still matches this plan.
    /// </summary>
    public sealed class TierLifecycleWorkflowPlan : IChangePlan
    {
        public TierLifecycleWorkflowRequest Request { get; set; } = new TierLifecycleWorkflowRequest();
        public ItemList<LifecycleWorkflowChange> Changes { get; set; } = new ItemList<LifecycleWorkflowChange>();
        public ItemList<string> Warnings { get; set; } = new ItemList<string>();

        public bool IsNoChange => Changes.Count == 0;

        string IChangePlan.Target => "Lifecycle workflows of the licence tiers";

        string IChangePlan.Description => IsNoChange
            ? "The licence tiers' lifecycle workflows already match; nothing to change."
            : string.Join(Environment.NewLine, Changes);

        IReadOnlyList<string> IChangePlan.Warnings => Warnings;
    }
}
