using System;
using System.Collections.Generic;
using LicenseGovernance.Hosting;

namespace LicenseGovernance
{
    /// <summary>What Add- or Remove-TierAssignment would send, resolved before ShouldProcess so -WhatIf names it.</summary>
    public sealed class TierAssignmentPlan : IChangePlan
    {
        public TierAssignmentAction Action { get; set; }
        public Guid UserId { get; set; }
        public string UserPrincipalName { get; set; } = "";
        public Guid AccessPackageId { get; set; }
        public string AccessPackage { get; set; } = "";
        public Guid PolicyId { get; set; }
        public Guid? AssignmentId { get; set; }
        public Guid? GroupId { get; set; }
        /// <summary>When the assignment ends (asked for, or the policy's own end).</summary>
        public DateTimeOffset? EndDate { get; set; }
        /// <summary>The end the administrator asked for, sent in the request; null takes the policy's.</summary>
        public DateTimeOffset? RequestedEndDate { get; set; }
        public string? Justification { get; set; }
        /// <summary>The accessPackageAssignmentRequest body that would be POSTed.</summary>
        public string Body { get; set; } = "";
        /// <summary>What to know before confirming, for example that the user keeps no other licence.</summary>
        public ItemList<string> Warnings { get; set; } = new ItemList<string>();

        string IChangePlan.Target => UserPrincipalName + " -> " + AccessPackage;

        /// <summary>The request body, so that -WhatIf shows exactly what would be sent.</summary>
        string IChangePlan.Description =>
            (Action == TierAssignmentAction.Add ? "Assign" : "Remove assignment") + " (POST /identityGovernance/entitlementManagement/assignmentRequests)\n" + Body;

        IReadOnlyList<string> IChangePlan.Warnings => Warnings;

        /// <summary>An assignment request always sends something.</summary>
        bool IChangePlan.IsNoChange => false;
    }
}
