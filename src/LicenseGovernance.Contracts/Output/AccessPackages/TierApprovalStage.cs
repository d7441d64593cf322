using System.Globalization;

namespace LicenseGovernance
{
    /// <summary>One approval stage of a tier package's policy: who decides, who decides when they cannot, and for how long.</summary>
    public sealed class TierApprovalStage
    {
        /// <summary>1 for the first stage.</summary>
        public int Stage { get; set; }
        public ItemList<PolicySubject> Approvers { get; set; } = new ItemList<PolicySubject>();
        /// <summary>Decide when no primary approver can (for a manager stage, a requestor without a manager).</summary>
        public ItemList<PolicySubject> FallbackApprovers { get; set; } = new ItemList<PolicySubject>();
        /// <summary>Days the stage waits for a decision before the request is denied.</summary>
        public int TimeoutDays { get; set; }
        public bool ApproverJustification { get; set; }

        /// <summary>Reads in a cell as "Manager or lic-admins (fallback LIC-Office), 14 days".</summary>
        public override string ToString() =>
            (Approvers.Count == 0 ? "nobody" : string.Join(" or ", Approvers)) +
            (FallbackApprovers.Count == 0 ? "" : " (fallback " + string.Join(" or ", FallbackApprovers) + ")") +
            ", " + TimeoutDays.ToString(CultureInfo.InvariantCulture) + " days";
    }
}
