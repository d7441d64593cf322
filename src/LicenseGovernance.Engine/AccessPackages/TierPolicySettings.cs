using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>
    /// A tier package's policy, checked and with every named approver, reviewer and requestor group resolved: what
    /// New-TierAccessPackage asked for, turned into the Graph policy, and a canonical shape to compare policies by.
    /// </summary>
    internal sealed class TierPolicySettings
    {
        public const int ExceptionDefaultDays = 30;
        public const int TierDefaultDays = 365;

        private TierPolicySettings()
        {
        }

        public bool Exception { get; private set; }
        public List<SubjectSet> RequestorGroups { get; private set; } = new List<SubjectSet>();
        public bool IncludeGuests { get; private set; }
        public string Approval { get; private set; } = "Manager";
        public List<SubjectSet> Approvers { get; private set; } = new List<SubjectSet>();
        public List<SubjectSet> Fallback { get; private set; } = new List<SubjectSet>();
        public int TimeoutDays { get; private set; }
        public bool RequestorJustification { get; private set; }
        public bool ApproverJustification { get; private set; }
        public int? Days { get; private set; }
        public DateTimeOffset? Until { get; private set; }
        public bool CustomEndDate { get; private set; }
        public bool Extension { get; private set; }
        public bool ExtensionApproval { get; private set; }
        public string Review { get; private set; } = "None";
        public AccessReviewerKind ReviewerKind { get; private set; } = AccessReviewerKind.Manager;
        public List<SubjectSet> Reviewers { get; private set; } = new List<SubjectSet>();
        public List<SubjectSet> FallbackReviewers { get; private set; } = new List<SubjectSet>();
        /// <summary>The first review's start as asked; null for now (or the existing series' start).</summary>
        public DateTimeOffset? ReviewStart { get; private set; }
        public int ReviewDays { get; private set; } = TierAccessPackageRequest.DefaultReviewDurationDays;
        /// <summary>Graph's expirationBehavior: what a review's end does to access nobody decided.</summary>
        public AccessReviewExpirationBehavior NoResponse { get; private set; } = AccessReviewExpirationBehavior.KeepAccess;
        public bool SelfService { get; private set; }
        public List<string> Warnings { get; } = new List<string>();

        public string PolicyName => AccessPackageDirectory.PolicyPrefix + (Exception ? "exception policy" : "tier policy");

        /// <summary>Checks every rule of the issue (approval above the baseline, two stages for exceptions, expiry) and resolves names.</summary>
        /// <param name="tier">The tier's rank; null for a licence group outside the tier ladder, which is treated as above the baseline.</param>
        public static async Task<TierPolicySettings> ResolveAsync(GraphSession session, TierAccessPackageRequest request, string tierName, int? tier, bool baseline, CancellationToken cancellation)
        {
            var s = new TierPolicySettings { Exception = request.Exception, IncludeGuests = request.IncludeGuests, SelfService = request.SelfService };
            s.Approval = Normalise(request.Approval ?? (request.Exception ? "ManagerThenApprover" : "Manager"), new[] { "None", "Manager", "ManagerThenApprover" }, "-Approval");
            if (request.Exception && s.Approval != "ManagerThenApprover")
            {
                throw Errors.ExceptionPackageNeedsTwoStages(tierName).ToException();
            }

            if (s.Approval == "None" && !baseline && !request.AllowWithoutApproval)
            {
                throw Errors.AccessPackageApprovalRequired(tierName, tier).ToException();
            }

            if (s.Approval == "ManagerThenApprover" && (request.Approver == null || request.Approver.Length == 0))
            {
                throw (request.Exception ? Errors.ExceptionPackageNeedsTwoStages(tierName)
                    : Errors.AccessPackageSettingInvalid("-Approver", "ManagerThenApprover needs -Approver naming the second-stage user or group.")).ToException();
            }

            if (s.Approval != "ManagerThenApprover" && request.Approver != null && request.Approver.Length > 0)
            {
                throw Errors.AccessPackageSettingInvalid("-Approver", "is the second approval stage; it needs -Approval ManagerThenApprover.").ToException();
            }

            if (request.ApprovalTimeoutDays < 1 || request.ApprovalTimeoutDays > TierAccessPackageRequest.MaxApprovalTimeoutDays)
            {
                throw Errors.AccessPackageSettingInvalid("-ApprovalTimeoutDays", $"Entra waits between 1 and {TierAccessPackageRequest.MaxApprovalTimeoutDays} days for a decision.").ToException();
            }

            s.TimeoutDays = request.ApprovalTimeoutDays;
            s.RequestorJustification = request.RequestorJustificationRequired;
            s.ApproverJustification = request.ApproverJustificationRequired;

            var lifetimes = (request.ExpirationDays != null ? 1 : 0) + (request.ExpirationDate != null ? 1 : 0) + (request.NoExpiration ? 1 : 0);
            if (lifetimes > 1)
            {
                throw Errors.AccessPackageSettingInvalid("-ExpirationDays", "give only one of -ExpirationDays, -ExpirationDate and -NoExpiration.").ToException();
            }

            // The baseline is the licence everyone keeps, so it never expires unless asked to; any higher tier is a
            // permanent upgrade only when the administrator says so twice.
            if (request.NoExpiration && (request.Exception || (!request.AllowNoExpiration && !baseline)))
            {
                throw Errors.AccessPackageSettingInvalid("-NoExpiration", request.Exception
                    ? "an exception package always expires."
                    : "an assignment that never expires is a permanent licence; add -AllowNoExpiration if that is really meant.").ToException();
            }

            if (request.ExpirationDate != null && request.ExpirationDate <= session.Now)
            {
                throw Errors.AccessPackageSettingInvalid("-ExpirationDate", "must be in the future.").ToException();
            }

            if (request.ExpirationDays != null && (request.ExpirationDays < 1 || request.ExpirationDays > TierAccessPackageRequest.MaxExpirationDays))
            {
                throw Errors.AccessPackageSettingInvalid("-ExpirationDays", $"must be between 1 and {TierAccessPackageRequest.MaxExpirationDays}.").ToException();
            }

            s.Until = request.ExpirationDate?.ToUniversalTime();
            s.Days = request.NoExpiration || s.Until != null ? (int?)null : request.ExpirationDays ?? DefaultDays(request.Exception, baseline);
            if (request.Exception && s.Days > ExceptionDefaultDays)
            {
                s.Warnings.Add($"The exception package's maximum is {s.Days} days, longer than the usual {ExceptionDefaultDays}.");
            }

            s.CustomEndDate = request.AllowCustomEndDate;
            s.Extension = request.AllowExtension;
            if (request.ExtensionWithoutApproval && request.Exception)
            {
                throw Errors.AccessPackageSettingInvalid("-ExtensionWithoutApproval", "an exception package's extensions always need approval.").ToException();
            }

            if (request.ExtensionWithoutApproval && !request.AllowExtension)
            {
                throw Errors.AccessPackageSettingInvalid("-ExtensionWithoutApproval", "needs -AllowExtension.").ToException();
            }

            s.ExtensionApproval = s.Extension && s.Approval != "None" && !request.ExtensionWithoutApproval;
            if (s.Extension && s.Days == null && s.Until == null)
            {
                throw Errors.AccessPackageSettingInvalid("-AllowExtension", "an assignment that never expires cannot be extended.").ToException();
            }

            await ResolveReviewAsync(s, session, request, tierName, cancellation).ConfigureAwait(false);
            foreach (var name in request.Approver ?? Array.Empty<string>())
            {
                s.Approvers.Add(await AccessPackageDirectory.ResolvePrincipalAsync(session, name, "-Approver", cancellation).ConfigureAwait(false));
            }

            foreach (var name in request.FallbackApprover ?? Array.Empty<string>())
            {
                s.Fallback.Add(await AccessPackageDirectory.ResolvePrincipalAsync(session, name, "-FallbackApprover", cancellation).ConfigureAwait(false));
            }

            if (s.Approval != "None" && s.Fallback.Count == 0)
            {
                s.Warnings.Add("No -FallbackApprover: requests from users without a manager will be denied.");
            }

            if (request.IncludeGuests && request.RequestorGroup != null && request.RequestorGroup.Length > 0)
            {
                throw Errors.AccessPackageSettingInvalid("-IncludeGuests", "give either -RequestorGroup or -IncludeGuests.").ToException();
            }

            foreach (var name in request.RequestorGroup ?? Array.Empty<string>())
            {
                var groups = await Kernel.TierGroupDirectory.FindAsync(session, name, cancellation).ConfigureAwait(false);
                if (groups.Count != 1)
                {
                    throw (groups.Count == 0 ? Errors.PrincipalNotFound(name, "-RequestorGroup") : Errors.GroupNameAmbiguous(name, groups.Select(g => g.Group.Id!))).ToException();
                }

                s.RequestorGroups.Add(new GroupMembers { GroupId = groups[0].Group.Id, Description = groups[0].Name });
            }

            return s;
        }

        /// <summary>
        /// The review: recurrence, reviewers with their fallback, start, duration and the outcome of no response, checked so
        /// that Entra gets only a series that can run (every user has a reviewer, one review ends before the next starts).
        /// </summary>
        private static async Task ResolveReviewAsync(TierPolicySettings s, GraphSession session, TierAccessPackageRequest request, string tierName, CancellationToken cancellation)
        {
            s.Review = Normalise(request.AccessReview ?? "None", Recurrences, "-AccessReview");
            if (s.Review == "None")
            {
                RefuseWithoutReview(request);
                return;
            }

            var reviewer = request.Reviewer ?? new[] { "Manager" };
            s.ReviewerKind = reviewer.Length == 1 && string.Equals(reviewer[0], "Manager", StringComparison.OrdinalIgnoreCase) ? AccessReviewerKind.Manager
                : reviewer.Length == 1 && string.Equals(reviewer[0], "Self", StringComparison.OrdinalIgnoreCase) ? AccessReviewerKind.Self
                : AccessReviewerKind.Named;
            if (s.ReviewerKind == AccessReviewerKind.Manager && (request.FallbackReviewer == null || request.FallbackReviewer.Length == 0))
            {
                throw Errors.AccessReviewFallbackRequired(tierName).ToException();
            }

            s.ReviewStart = request.ReviewStartDate?.ToUniversalTime();
            if (s.ReviewStart != null && s.ReviewStart < session.Now.AddMinutes(-5))
            {
                throw Errors.AccessReviewStartInPast(s.ReviewStart.Value, session.Now).ToException();
            }

            var period = PeriodDays(s.Review, s.ReviewStart ?? session.Now);
            if (request.ReviewDurationDays < 1 || request.ReviewDurationDays > period)
            {
                throw Errors.AccessReviewDurationTooLong(request.ReviewDurationDays, s.Review, period).ToException();
            }

            s.ReviewDays = request.ReviewDurationDays;
            s.NoResponse = Normalise(request.ReviewNoResponse ?? "KeepAccess", NoResponses, "-ReviewNoResponse") switch
            {
                "RemoveAccess" => AccessReviewExpirationBehavior.RemoveAccess,
                "AcceptRecommendation" => AccessReviewExpirationBehavior.AcceptAccessRecommendation,
                _ => AccessReviewExpirationBehavior.KeepAccess,
            };
            if (s.ReviewerKind == AccessReviewerKind.Named)
            {
                s.Reviewers.AddRange(await ResolveAllAsync(session, reviewer, "-Reviewer", cancellation).ConfigureAwait(false));
            }

            s.FallbackReviewers.AddRange(await ResolveAllAsync(session, request.FallbackReviewer, "-FallbackReviewer", cancellation).ConfigureAwait(false));
        }

        private static readonly string[] Recurrences = { "None", "Annual", "SemiAnnual", "Quarterly", "Monthly", "Weekly" };
        private static readonly string[] NoResponses = { "KeepAccess", "RemoveAccess", "AcceptRecommendation" };

        /// <summary>Review settings given without -AccessReview would be silently dropped, so they are refused.</summary>
        private static void RefuseWithoutReview(TierAccessPackageRequest request)
        {
            var given = request.Reviewer?.Length > 0 ? "-Reviewer" : request.FallbackReviewer?.Length > 0 ? "-FallbackReviewer"
                : request.ReviewStartDate != null ? "-ReviewStartDate" : request.ReviewDurationDays != TierAccessPackageRequest.DefaultReviewDurationDays ? "-ReviewDurationDays"
                : !string.Equals(request.ReviewNoResponse ?? "KeepAccess", "KeepAccess", StringComparison.OrdinalIgnoreCase) ? "-ReviewNoResponse" : null;
            if (given != null)
            {
                throw Errors.AccessPackageSettingInvalid(given, "needs -AccessReview Annual, SemiAnnual, Quarterly, Monthly or Weekly.").ToException();
            }
        }

        /// <summary>Days from a review's start to the next one's: the longest a review may stay open.</summary>
        internal static int PeriodDays(string review, DateTimeOffset start) =>
            (int)Math.Round(((review == "Weekly" ? start.AddDays(7) : start.AddMonths(ReviewInterval(review))) - start).TotalDays);

        private static async Task<List<SubjectSet>> ResolveAllAsync(GraphSession session, IEnumerable<string>? names, string parameter, CancellationToken cancellation)
        {
            var sets = new List<SubjectSet>();
            foreach (var name in names ?? Array.Empty<string>())
            {
                sets.Add(await AccessPackageDirectory.ResolvePrincipalAsync(session, name, parameter, cancellation).ConfigureAwait(false));
            }

            return sets;
        }

        /// <summary>Null for the baseline's package: its assignments never expire unless -ExpirationDays or -ExpirationDate says otherwise.</summary>
        private static int? DefaultDays(bool exception, bool baseline) => exception ? ExceptionDefaultDays : baseline ? (int?)null : TierDefaultDays;

        private static string Normalise(string value, string[] allowed, string parameter) =>
            allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
                ?? throw Errors.AccessPackageSettingInvalid(parameter, $"'{value}' is not one of {string.Join(", ", allowed)}.").ToException();

        /// <summary>The Graph policy; <paramref name="reviewStart"/> keeps an existing review series' start (Entra cannot change it).</summary>
        public AccessPackageAssignmentPolicy Build(string packageId, DateTimeOffset now, DateTimeOffset? reviewStart)
        {
            var stages = new List<AccessPackageApprovalStage>();
            if (Approval != "None")
            {
                stages.Add(Stage(new List<SubjectSet> { new RequestorManager { ManagerLevel = 1 } }, Fallback));
            }

            if (Approval == "ManagerThenApprover")
            {
                stages.Add(Stage(Approvers, new List<SubjectSet>()));
            }

            return new AccessPackageAssignmentPolicy
            {
                DisplayName = PolicyName,
                Description = Exception ? "Exception: manager and licence administrator approve; short, always approved extensions." : "Licence tier requests, managed by LicenseGovernance.",
                AllowedTargetScope = RequestorGroups.Count > 0 ? AllowedTargetScope.SpecificDirectoryUsers : IncludeGuests ? AllowedTargetScope.AllDirectoryUsers : AllowedTargetScope.AllMemberUsers,
                SpecificAllowedTargets = RequestorGroups.ToList(),
                Expiration = Days != null ? new ExpirationPattern { Type = ExpirationPatternType.AfterDuration, Duration = TimeSpan.FromDays(Days.Value) }
                    : Until != null ? new ExpirationPattern { Type = ExpirationPatternType.AfterDateTime, EndDateTime = Until }
                    : new ExpirationPattern { Type = ExpirationPatternType.NoExpiration },
                RequestorSettings = new AccessPackageAssignmentRequestorSettings
                {
                    EnableTargetsToSelfAddAccess = SelfService,
                    EnableTargetsToSelfUpdateAccess = Extension,
                    EnableTargetsToSelfRemoveAccess = SelfService,
                    AllowCustomAssignmentSchedule = CustomEndDate,
                    EnableOnBehalfRequestorsToAddAccess = false,
                    EnableOnBehalfRequestorsToUpdateAccess = false,
                    EnableOnBehalfRequestorsToRemoveAccess = false,
                    OnBehalfRequestors = new List<SubjectSet>(),
                },
                RequestApprovalSettings = new AccessPackageAssignmentApprovalSettings
                {
                    IsApprovalRequiredForAdd = Approval != "None",
                    IsApprovalRequiredForUpdate = ExtensionApproval,
                    IsRequestorJustificationRequired = RequestorJustification,
                    Stages = stages,
                },
                ReviewSettings = Review == "None" ? null : ReviewSettings(reviewStart ?? ReviewStart ?? now),
                AccessPackage = new AccessPackage { Id = packageId },
            };
        }

        /// <summary>
        /// The review as Entra schedules it: from the start, open for the duration, recurring weekly or every so many months
        /// on the start's day (the two patterns Graph honours for access package reviews).
        /// </summary>
        private AccessPackageAssignmentReviewSettings ReviewSettings(DateTimeOffset start) => new AccessPackageAssignmentReviewSettings
        {
            IsEnabled = true,
            ExpirationBehavior = NoResponse,
            IsRecommendationEnabled = true,
            IsReviewerJustificationRequired = true,
            IsSelfReview = ReviewerKind == AccessReviewerKind.Self,
            PrimaryReviewers = ReviewerKind == AccessReviewerKind.Manager ? new List<SubjectSet> { new RequestorManager { ManagerLevel = 1 } } : ReviewerKind == AccessReviewerKind.Self ? new List<SubjectSet>() : Reviewers.ToList(),
            FallbackReviewers = FallbackReviewers.ToList(),
            Schedule = new EntitlementManagementSchedule
            {
                StartDateTime = start,
                Expiration = new ExpirationPattern { Type = ExpirationPatternType.AfterDuration, Duration = TimeSpan.FromDays(ReviewDays) },
                Recurrence = new PatternedRecurrence
                {
                    Pattern = Review == "Weekly"
                        ? new RecurrencePattern { Type = RecurrencePatternType.Weekly, Interval = 1, DaysOfWeek = new List<DayOfWeekObject?> { (DayOfWeekObject)(int)start.UtcDateTime.DayOfWeek } }
                        : new RecurrencePattern { Type = RecurrencePatternType.AbsoluteMonthly, Interval = ReviewInterval(Review), DayOfMonth = start.UtcDateTime.Day },
                    Range = new RecurrenceRange { Type = RecurrenceRangeType.NoEnd, StartDate = new Microsoft.Kiota.Abstractions.Date(start.UtcDateTime) },
                },
            },
        };

        private AccessPackageApprovalStage Stage(List<SubjectSet> primary, List<SubjectSet> fallback) => new AccessPackageApprovalStage
        {
            DurationBeforeAutomaticDenial = TimeSpan.FromDays(TimeoutDays),
            IsApproverJustificationRequired = ApproverJustification,
            IsEscalationEnabled = false,
            PrimaryApprovers = primary.ToList(),
            FallbackPrimaryApprovers = fallback.ToList(),
            EscalationApprovers = new List<SubjectSet>(),
            FallbackEscalationApprovers = new List<SubjectSet>(),
        };

        private static int ReviewInterval(string review) => review == "Annual" ? 12 : review == "SemiAnnual" ? 6 : review == "Quarterly" ? 3 : 1;

        /// <summary>
        /// Everything that matters about a policy, in one string, read the same way from the policy this module would write
        /// and from the one Graph returns: equal shapes mean nothing to change. The review's start date is left out, since
        /// Entra keeps the start of a series.
        /// </summary>
        public static string Shape(AccessPackageAssignmentPolicy p)
        {
            var parts = new List<string>
            {
                "scope=" + p.AllowedTargetScope,
                "targets=" + Sets(p.SpecificAllowedTargets),
                "expiration=" + AssignmentSchedule.Describe(p.Expiration),
                "selfAdd=" + (p.RequestorSettings?.EnableTargetsToSelfAddAccess ?? false),
                "selfUpdate=" + (p.RequestorSettings?.EnableTargetsToSelfUpdateAccess ?? false),
                "selfRemove=" + (p.RequestorSettings?.EnableTargetsToSelfRemoveAccess ?? false),
                "custom=" + (p.RequestorSettings?.AllowCustomAssignmentSchedule ?? false),
                "approveAdd=" + (p.RequestApprovalSettings?.IsApprovalRequiredForAdd ?? false),
                "approveUpdate=" + (p.RequestApprovalSettings?.IsApprovalRequiredForUpdate ?? false),
                "justify=" + (p.RequestApprovalSettings?.IsRequestorJustificationRequired ?? false),
                "stages=" + string.Join("|", (p.RequestApprovalSettings?.Stages ?? new List<AccessPackageApprovalStage>()).Select(s =>
                    DaysText(s.DurationBeforeAutomaticDenial) + ":" + (s.IsApproverJustificationRequired ?? false) + ":" + Sets(s.PrimaryApprovers) + ":" + Sets(s.FallbackPrimaryApprovers))),
            };
            var r = p.ReviewSettings;
            parts.Add("review=" + (r?.IsEnabled == true
                ? r.Schedule?.Recurrence?.Pattern?.Type + "/" + r.Schedule?.Recurrence?.Pattern?.Interval + ":" + (r.IsSelfReview ?? false) + ":" + Sets(r.PrimaryReviewers)
                    + ":" + Sets(r.FallbackReviewers) + ":" + DaysText(r.Schedule?.Expiration?.Duration) + ":" + r.ExpirationBehavior
                : "none"));
            return string.Join(";", parts);
        }

        private static string Expiration(ExpirationPattern? e) => e?.Type switch
        {
            ExpirationPatternType.AfterDuration => "duration:" + DaysText(e.Duration),
            ExpirationPatternType.AfterDateTime => "until:" + e.EndDateTime?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            _ => "none",
        };

        private static string DaysText(TimeSpan? span) => span == null ? "?" : span.Value.TotalDays.ToString("0.###", CultureInfo.InvariantCulture) + "d";

        internal static string Sets(IEnumerable<SubjectSet>? sets) =>
            "[" + string.Join(",", (sets ?? Enumerable.Empty<SubjectSet>()).Select(Key).OrderBy(k => k, StringComparer.Ordinal)) + "]";

        internal static string Key(SubjectSet set) => set switch
        {
            SingleUser u => "user:" + u.UserId?.ToLowerInvariant(),
            GroupMembers g => "group:" + g.GroupId?.ToLowerInvariant(),
            RequestorManager m => "manager:" + (m.ManagerLevel ?? 1),
            _ => set.OdataType ?? "?",
        };
    }
}
