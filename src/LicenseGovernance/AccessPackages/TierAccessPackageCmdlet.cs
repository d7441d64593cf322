using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Commands.Tiers;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>
    /// Shared by New-TierAccessPackage and New-LicenseExceptionPackage: the package and policy settings, and a plan whose
    /// description shows every Graph object the run would create or change.
    /// </summary>
    public abstract class TierAccessPackageCmdlet : PlannedChangeCmdlet<TierAccessPackagePlan, TierAccessPackage>
    {
        internal const string DaysSet = "ExpirationDays";
        internal const string DateSet = "ExpirationDate";
        internal const string NeverSet = "NoExpiration";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("DisplayName", "GroupId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierGroupNameCompleter))]
        public string TierGroup { get; set; } = "";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Catalog { get; set; } = TierAccessPackageRequest.DefaultCatalog;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(GroupNameCompleter))]
        public string[]? RequestorGroup { get; set; }

        [Parameter]
        public SwitchParameter IncludeGuests { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PrincipalNameCompleter))]
        public string[]? Approver { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? FallbackApprover { get; set; }

        [Parameter]
        [ValidateRange(1, TierAccessPackageRequest.MaxApprovalTimeoutDays)]
        public int ApprovalTimeoutDays { get; set; } = 14;

        [Parameter]
        public SwitchParameter NoRequestorJustification { get; set; }

        [Parameter]
        public SwitchParameter NoApproverJustification { get; set; }

        [Parameter(ParameterSetName = DaysSet)]
        [ValidateRange(1, TierAccessPackageRequest.MaxExpirationDays)]
        public int ExpirationDays { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DateSet)]
        public DateTimeOffset ExpirationDate { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = NeverSet)]
        public SwitchParameter NoExpiration { get; set; }

        [Parameter(ParameterSetName = NeverSet)]
        public SwitchParameter AllowNoExpiration { get; set; }

        [Parameter]
        public SwitchParameter AllowCustomEndDate { get; set; }

        [Parameter]
        public SwitchParameter AllowExtension { get; set; }

        [Parameter]
        [ValidateSet("None", "Annual", "SemiAnnual", "Quarterly", "Monthly", "Weekly")]
        public string AccessReview { get; set; } = "None";

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PrincipalNameCompleter))]
        public string[]? Reviewer { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PrincipalNameCompleter))]
        public string[]? FallbackReviewer { get; set; }

        [Parameter]
        public DateTimeOffset ReviewStartDate { get; set; }

        [Parameter]
        [ValidateRange(1, 365)]
        public int ReviewDurationDays { get; set; } = TierAccessPackageRequest.DefaultReviewDurationDays;

        [Parameter]
        [ValidateSet("KeepAccess", "RemoveAccess", "AcceptRecommendation")]
        public string ReviewNoResponse { get; set; } = "KeepAccess";

        [Parameter]
        public SwitchParameter NoSelfService { get; set; }

        /// <summary>Bad settings are bad parameters: the plan throws and the command ends before anything is asked.</summary>
        protected override bool PlanFailureEndsCommand => true;

        /// <summary>The request both commands share; each adds what is its own.</summary>
        internal TierAccessPackageRequest BaseRequest() => new TierAccessPackageRequest
        {
            TierGroup = TierGroup,
            Catalog = Catalog,
            Name = Name,
            Description = Description,
            RequestorGroup = RequestorGroup,
            IncludeGuests = IncludeGuests,
            Approver = Approver,
            FallbackApprover = FallbackApprover,
            ApprovalTimeoutDays = ApprovalTimeoutDays,
            RequestorJustificationRequired = !NoRequestorJustification,
            ApproverJustificationRequired = !NoApproverJustification,
            ExpirationDays = MyInvocation.BoundParameters.ContainsKey(nameof(ExpirationDays)) ? ExpirationDays : (int?)null,
            ExpirationDate = MyInvocation.BoundParameters.ContainsKey(nameof(ExpirationDate)) ? ExpirationDate.ToUniversalTime() : (DateTimeOffset?)null,
            NoExpiration = NoExpiration,
            AllowNoExpiration = AllowNoExpiration,
            AllowCustomEndDate = AllowCustomEndDate,
            AllowExtension = AllowExtension,
            AccessReview = AccessReview,
            Reviewer = Reviewer,
            FallbackReviewer = FallbackReviewer,
            ReviewStartDate = MyInvocation.BoundParameters.ContainsKey(nameof(ReviewStartDate)) ? ReviewStartDate.ToUniversalTime() : (DateTimeOffset?)null,
            ReviewDurationDays = ReviewDurationDays,
            ReviewNoResponse = ReviewNoResponse,
            SelfService = !NoSelfService,
        };

        internal override Task<TierAccessPackage> ApplyAsync(TierAccessPackagePlan plan, IGovernanceSink sink) => Engine.ApplyTierAccessPackagePlanAsync(plan, sink);
    }
}
