namespace LicenseGovernance
{
    /// <summary>How a <see cref="LifecycleWorkflowChange"/> writes its workflow.</summary>
    public enum LifecycleWorkflowChangeAction
    {
        Create,
        /// <summary>createNewVersion: the only way Graph changes a workflow's tasks or execution conditions.</summary>
        CreateNewVersion,
        /// <summary>PATCH of the basic properties.</summary>
        Update,
    }
}
