namespace LicenseGovernance.Requests
{
    /// <summary>New-TierLifecycleWorkflow: document 000's workflows for the tenant's licence tiers.</summary>
    public sealed class TierLifecycleWorkflowRequest
    {
        /// <summary>Create or keep the workflows enabled for on-demand runs only, off Entra's schedule.</summary>
        public bool NoSchedule { get; set; }
    }
}
