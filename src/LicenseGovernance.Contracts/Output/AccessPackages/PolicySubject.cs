using System;

namespace LicenseGovernance
{
    /// <summary>One approver, fallback approver, reviewer or allowed requestor of a tier package's policy.</summary>
    public sealed class PolicySubject
    {
        public PolicySubjectKind Kind { get; set; }
        /// <summary>The user's or group's object id; null for Manager and Self.</summary>
        public Guid? Id { get; set; }
        /// <summary>"Manager", "Manager's manager", "Self", a user's UPN or a group's name (its id when it no longer exists).</summary>
        public string Name { get; set; } = "";

        public override string ToString() => Name;
    }
}
