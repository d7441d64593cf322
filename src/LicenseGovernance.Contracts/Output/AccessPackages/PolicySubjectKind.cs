namespace LicenseGovernance
{
    /// <summary>Who an approver, reviewer or requestor entry of an access package policy stands for.</summary>
    public enum PolicySubjectKind
    {
        /// <summary>The requestor's manager (or, with a level above 1, a manager further up).</summary>
        Manager,
        /// <summary>One named user.</summary>
        User,
        /// <summary>The members of a group.</summary>
        Group,
        /// <summary>The users themselves (a self-review).</summary>
        Self,
        /// <summary>A kind of subject set this module does not write (connected organisation, attribute), by its Graph type.</summary>
        Other,
    }
}
