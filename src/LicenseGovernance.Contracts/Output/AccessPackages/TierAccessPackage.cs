using System;

namespace LicenseGovernance
{
    /// <summary>
    /// A tier's access package and its assignment policy, as properties a script can read (the names follow
    /// New-TierAccessPackage's parameters), with the whole policy in words in <see cref="Summary"/>.
    /// </summary>
    public sealed class TierAccessPackage
    {
        public string Name { get; set; } = "";
        public Guid Id { get; set; }
        public string Catalog { get; set; } = "";
        public Guid CatalogId { get; set; }
        /// <summary>The group whose Member role the package grants.</summary>
        public string? TierGroup { get; set; }
        public Guid? TierGroupId { get; set; }
        /// <summary>The tier group's rank; null for a licence group outside the tier ladder.</summary>
        public int? TierRank { get; set; }
        public bool IsException { get; set; }
        public string? Description { get; set; }
        public Guid? PolicyId { get; set; }
        public string? PolicyName { get; set; }
        /// <summary>The policy in words: who may request, who approves, how long, extension and review.</summary>
        public string Summary { get; set; } = "";
        public TierRequestorScope WhoCanRequest { get; set; }
        /// <summary>With SpecificUsers, the groups and users who may request.</summary>
        public ItemList<PolicySubject> Requestors { get; set; } = new ItemList<PolicySubject>();
        /// <summary>Users may request in My Access; false means only administrators assign it.</summary>
        public bool SelfService { get; set; }
        public TierApprovalKind Approval { get; set; }
        /// <summary>Every approval stage in order, each with its approvers, fallback approvers and decision timeout.</summary>
        public ItemList<TierApprovalStage> ApprovalStages { get; set; } = new ItemList<TierApprovalStage>();
        /// <summary>The fallback approvers of every stage.</summary>
        public ItemList<PolicySubject> FallbackApprovers { get; set; } = new ItemList<PolicySubject>();
        /// <summary>Days each stage waits for a decision before the request is denied (the first stage's when stages differ); null without approval.</summary>
        public int? ApprovalTimeoutDays { get; set; }
        public bool RequestorJustification { get; set; }
        /// <summary>Every stage's approver must give a justification.</summary>
        public bool ApproverJustification { get; set; }
        /// <summary>Days an assignment lasts; null when it never expires or ends on a date.</summary>
        public int? ExpirationDays { get; set; }
        /// <summary>The date every assignment ends; null unless the policy ends on a date.</summary>
        public DateTimeOffset? ExpirationDate { get; set; }
        public bool NoExpiration { get; set; }
        /// <summary>Requestors may choose their own end date within the maximum.</summary>
        public bool CustomEndDate { get; set; }
        /// <summary>Holders may ask to extend an assignment before it ends.</summary>
        public bool AllowExtension { get; set; }
        /// <summary>An extension goes through the approval stages again.</summary>
        public bool ExtensionApproval { get; set; }
        /// <summary>None, Annual, SemiAnnual, Quarterly, Monthly, Weekly, or "Every N months".</summary>
        public string AccessReview { get; set; } = "None";
        /// <summary>Who reviews (Manager, Self, users, groups); empty without a review.</summary>
        public ItemList<PolicySubject> Reviewers { get; set; } = new ItemList<PolicySubject>();
        /// <summary>Who reviews when the reviewers resolve to nobody (a user without a manager).</summary>
        public ItemList<PolicySubject> FallbackReviewers { get; set; } = new ItemList<PolicySubject>();
        /// <summary>When the first review starts; null without a review.</summary>
        public DateTimeOffset? ReviewStartDate { get; set; }
        /// <summary>Days each review is open for decisions; null without a review.</summary>
        public int? ReviewDurationDays { get; set; }
        /// <summary>What happens at a review's end to access nobody decided: KeepAccess, RemoveAccess or AcceptRecommendation. A denial always removes it.</summary>
        public string? ReviewNoResponse { get; set; }
        /// <summary>Where users request the package (My Access).</summary>
        public string MyAccessLink { get; set; } = "";
        /// <summary>Created, Updated or Unchanged, from New-TierAccessPackage; null from Get-TierAccessPackage.</summary>
        public TierAccessPackageResult? Result { get; set; }

        /// <summary>The package's name, so a package passed to -Tier names it.</summary>
        public override string ToString() => Name;
    }
}
