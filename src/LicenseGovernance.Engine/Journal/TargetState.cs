namespace LicenseGovernance.Engine.Journal
{
    /// <summary>Which of a journaled change's states its target shows now, as its reverser read it.</summary>
    public enum TargetState
    {
        /// <summary>The state the change started from: it was not made, or has been reversed since.</summary>
        Before,

        /// <summary>The state the change set out to leave.</summary>
        After,

        /// <summary>Neither: the target is gone, or someone changed it otherwise.</summary>
        Neither,
    }
}
