namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>A workflowVersion: the workflow's definition as it stood when that version was made.</summary>
    public sealed class SimulatedWorkflowVersion : WorkflowBase
    {
        public int VersionNumber { get; set; }
    }
}
