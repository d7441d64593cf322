using System;
using System.Collections.Generic;

namespace LicenseGovernance
{
    /// <summary>A member whose licence from a group is in an error state, with what to do about it.</summary>
    public sealed class GroupLicenseError
    {
        public Guid GroupId { get; set; }
        public string GroupName { get; set; } = "";
        public Guid UserId { get; set; }
        public string? UserPrincipalName { get; set; }
        public Guid SkuId { get; set; }
        public string? SkuPartNumber { get; set; }
        /// <summary>CountViolation, MutuallyExclusiveViolation, DependencyViolation, ProhibitedInUsageLocationViolation, UniquenessViolation or Other.</summary>
        public string ErrorType { get; set; } = "";
        /// <summary>Error or ActiveWithError.</summary>
        public string State { get; set; } = "";
        /// <summary>One line saying how to clear it.</summary>
        public string Remedy { get; set; } = "";
        public DateTimeOffset? LastUpdated { get; set; }
    }

    /// <summary>Counts of group licence errors, for runbook alerts.</summary>
    public sealed class GroupLicenseErrorSummary
    {
        public int GroupsChecked { get; set; }
        public int GroupsWithErrors { get; set; }
        public int UsersInError { get; set; }
        public int Errors { get; set; }
        public int CountViolation { get; set; }
        public int MutuallyExclusiveViolation { get; set; }
        public int DependencyViolation { get; set; }
        public int ProhibitedInUsageLocationViolation { get; set; }
        public int UniquenessViolation { get; set; }
        public int Other { get; set; }
        public DateTimeOffset CheckedAt { get; set; }
    }

    /// <summary>The outcome of asking Graph to reprocess a user's group licences.</summary>
    public sealed class LicenseReprocessResult
    {
        public Guid UserId { get; set; }
        public string? UserPrincipalName { get; set; }
        /// <summary>Requested (not waited for), Active, Error or Pending (still not settled when the wait ran out).</summary>
        public ReprocessOutcome Outcome { get; set; }
        /// <summary>Errors still present after reprocessing, as SKU=ErrorType.</summary>
        public ItemList<string> RemainingErrors { get; set; } = new ItemList<string>();
    }
}
