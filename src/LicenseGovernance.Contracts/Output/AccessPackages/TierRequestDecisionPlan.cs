using System;
using System.Collections.Generic;
using LicenseGovernance.Hosting;

namespace LicenseGovernance
{
    /// <summary>What Approve- or Deny-TierAssignmentRequest would send: the decision on the request's current stage.</summary>
    public sealed class TierRequestDecisionPlan : IChangePlan
    {
        public Guid RequestId { get; set; }
        /// <summary>userAdd, userExtend or the administrator's type of the request decided.</summary>
        public string RequestType { get; set; } = "";
        /// <summary>Approve or Deny.</summary>
        public string Decision { get; set; } = "";
        public Guid StageId { get; set; }
        /// <summary>For example "2 of 2".</summary>
        public string Stage { get; set; } = "";
        public string? UserPrincipalName { get; set; }
        public string AccessPackage { get; set; } = "";
        public Guid AccessPackageId { get; set; }
        public string? Justification { get; set; }
        /// <summary>The approver deciding.</summary>
        public string Approver { get; set; } = "";
        /// <summary>The simulated user acted as (-As), or null for the signed-in user.</summary>
        public string? As { get; set; }
        /// <summary>The approvalStage body that would be PATCHed.</summary>
        public string Body { get; set; } = "";

        string IChangePlan.Target => (UserPrincipalName ?? RequestId.ToString()) + " -> " + AccessPackage;

        string IChangePlan.Description =>
            Decision + " stage " + Stage + " as " + Approver + " (PATCH /identityGovernance/entitlementManagement/accessPackageAssignmentApprovals/" +
            RequestId + "/stages/" + StageId + ")\n" + Body;

        IReadOnlyList<string> IChangePlan.Warnings => Array.Empty<string>();

        bool IChangePlan.IsNoChange => false;
    }
}
