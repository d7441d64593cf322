using System;

namespace LicenseGovernance
{
    /// <summary>One run (instance) of the access review a tier package's policy asks for, with its decisions counted.</summary>
    public sealed class TierAccessReview
    {
        public string AccessPackage { get; set; } = "";
        public Guid AccessPackageId { get; set; }
        /// <summary>The review series (accessReviewScheduleDefinition) the policy created.</summary>
        public Guid DefinitionId { get; set; }
        public Guid InstanceId { get; set; }
        public DateTimeOffset? StartDateTime { get; set; }
        public DateTimeOffset? EndDateTime { get; set; }
        /// <summary>Graph's status: NotStarted, InProgress, Completed, Applied, ...</summary>
        public string Status { get; set; } = "";
        /// <summary>Everyone with a decision to make in this instance.</summary>
        public ItemList<string> Reviewers { get; set; } = new ItemList<string>();
        public int Approved { get; set; }
        public int Denied { get; set; }
        public int NotReviewed { get; set; }
    }
}
