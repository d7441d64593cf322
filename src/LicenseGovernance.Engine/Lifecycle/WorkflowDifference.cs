namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>How an existing workflow of the same name differs from the one wanted, and so how it can be brought there.</summary>
    internal enum WorkflowDifference
    {
        None,
        /// <summary>Description, enabled or scheduling: PATCH.</summary>
        Basics,
        /// <summary>Trigger, scope or tasks: only createNewVersion changes them.</summary>
        Definition,
        /// <summary>Another category: no version can change it, so the workflow is reported, not touched.</summary>
        Category,
    }
}
