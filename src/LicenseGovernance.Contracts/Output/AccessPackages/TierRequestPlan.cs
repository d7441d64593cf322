using System;
using System.Collections.Generic;
using LicenseGovernance.Hosting;

namespace LicenseGovernance
{
    /// <summary>What Request-TierAssignment would send, checked against the policy before ShouldProcess so -WhatIf names it.</summary>
    public sealed class TierRequestPlan : IChangePlan
    {
        /// <summary>userAdd, or userExtend for more time on a live assignment.</summary>
        public string RequestType { get; set; } = "";
        public Guid UserId { get; set; }
        public string UserPrincipalName { get; set; } = "";
        public Guid AccessPackageId { get; set; }
        public string AccessPackage { get; set; } = "";
        public Guid PolicyId { get; set; }
        public string Policy { get; set; } = "";
        /// <summary>The assignment extended (userExtend).</summary>
        public Guid? AssignmentId { get; set; }
        /// <summary>When the assignment would end: the end asked for, or the policy's own.</summary>
        public DateTimeOffset? EndDate { get; set; }
        /// <summary>The end the requestor chose, sent in the request; null takes the policy's.</summary>
        public DateTimeOffset? RequestedEndDate { get; set; }
        public string? Justification { get; set; }
        /// <summary>Whether an approver must decide it first: a requestor's view of the policy says whether, not who or in how many stages.</summary>
        public bool ApprovalRequired { get; set; }
        /// <summary>The simulated user acted as (-As), or null for the signed-in user.</summary>
        public string? As { get; set; }
        /// <summary>The accessPackageAssignmentRequest body that would be POSTed.</summary>
        public string Body { get; set; } = "";

        string IChangePlan.Target => UserPrincipalName + " -> " + AccessPackage;

        string IChangePlan.Description =>
            (RequestType == "userExtend" ? "Request an extension" : "Request") +
            (ApprovalRequired ? " (needs approval)" : " (no approval)") +
            " (POST /identityGovernance/entitlementManagement/assignmentRequests)\n" + Body;

        IReadOnlyList<string> IChangePlan.Warnings => Array.Empty<string>();

        bool IChangePlan.IsNoChange => false;
    }
}
