namespace LicenseGovernance
{
    /// <summary>What New-TierLifecycleWorkflow did to a workflow.</summary>
    public enum TierWorkflowResult
    {
        /// <summary>The workflow was created.</summary>
        Created,
        /// <summary>Its tasks or trigger differed, so a new version was made (createNewVersion).</summary>
        NewVersion,
        /// <summary>Only its description, enabled state or scheduling differed, and was changed in place.</summary>
        Updated,
        /// <summary>It already matched; nothing was written.</summary>
        Unchanged,
        /// <summary>A workflow of that name exists that cannot be brought to this shape (see Detail); nothing was written.</summary>
        Skipped,
    }
}
