namespace LicenseGovernance
{
    /// <summary>One lifecycle workflow to create or change, with the request and JSON body that would be sent.</summary>
    public sealed class LifecycleWorkflowChange
    {
        public LifecycleWorkflowChangeAction Action { get; set; }
        public string Workflow { get; set; } = "";
        /// <summary>The HTTP method and path, for example "POST /identityGovernance/lifecycleWorkflows/workflows".</summary>
        public string Request { get; set; } = "";
        public string Body { get; set; } = "";

        public override string ToString() => Action + " workflow '" + Workflow + "': " + Request + "\n" + Body;
    }
}
