using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>
    /// A tier package's policy in one line of words, made from the typed properties so the summary never says what the
    /// properties do not: "All members (no guests) may request; Manager approves (fallback LIC-Office), 14 days per stage,
    /// with justification; requestor justification; expires after 365 days; extension with approval; annual review by Manager (fallback lic-admins) from 2026-12-07, open 14 days; a denial removes
    /// access at the review's end, no response keeps it".
    /// </summary>
    internal static class TierPolicySummary
    {
        public static string Describe(TierAccessPackage p, bool hasPolicy)
        {
            if (!hasPolicy)
            {
                return "Nobody can request or be assigned it: the package has no assignment policy";
            }

            var parts = new List<string> { Requestors(p), Approval(p) };
            if (p.RequestorJustification)
            {
                parts.Add("requestor justification");
            }

            parts.Add(Expiration(p));
            parts.Add(!p.AllowExtension ? "no extension" : p.ExtensionApproval ? "extension with approval" : "extension without approval");
            parts.Add(Review(p));
            return string.Join("; ", parts);
        }

        /// <summary>"annual review by Manager (fallback lic-admins) from 2026-12-07, open 14 days; a denial removes access at the review's end, no response keeps it".</summary>
        private static string Review(TierAccessPackage p)
        {
            if (p.AccessReview == "None")
            {
                return "no access review";
            }

            var noResponse = p.ReviewNoResponse == "RemoveAccess" ? "no response removes it"
                : p.ReviewNoResponse == "AcceptRecommendation" ? "no response follows the recommendation" : "no response keeps it";
            return (p.AccessReview == "SemiAnnual" ? "semi-annual" : p.AccessReview.ToLowerInvariant()) + " review by " + Join(p.Reviewers)
                + (p.FallbackReviewers.Count == 0 ? "" : " (fallback " + Join(p.FallbackReviewers) + ")")
                + (p.ReviewStartDate is System.DateTimeOffset start ? " from " + start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")
                + (p.ReviewDurationDays is int days ? ", open " + days.ToString(CultureInfo.InvariantCulture) + " days" : "")
                + "; a denial removes access at the review's end, " + noResponse;
        }

        private static string Requestors(TierAccessPackage p)
        {
            var scope = p.WhoCanRequest switch
            {
                TierRequestorScope.AllMembers => "All members (no guests)",
                TierRequestorScope.AllUsers => "All users (guests too)",
                TierRequestorScope.SpecificUsers => "Members of " + Join(p.Requestors),
                _ => "Users of a scope this module does not write",
            };
            return p.SelfService ? scope + " may request" : "Administrators assign only (" + scope + " in scope)";
        }

        private static string Approval(TierAccessPackage p)
        {
            if (p.ApprovalStages.Count == 0)
            {
                return "no approval";
            }

            var stages = string.Join(", then ", p.ApprovalStages.Select(s =>
                Join(s.Approvers) + (s.FallbackApprovers.Count == 0 ? "" : " (fallback " + Join(s.FallbackApprovers) + ")")));
            var days = p.ApprovalStages.Select(s => s.TimeoutDays).Distinct().ToList();
            var timeout = days.Count == 1 ? days[0].ToString(CultureInfo.InvariantCulture) + " days per stage"
                : "stages wait " + string.Join(", ", days.Select(d => d.ToString(CultureInfo.InvariantCulture))) + " days";
            return stages + " approve" + (p.ApprovalStages.Count == 1 && p.ApprovalStages[0].Approvers.Count == 1 ? "s" : "") + ", " + timeout
                + (p.ApproverJustification ? ", with justification" : "");
        }

        private static string Expiration(TierAccessPackage p) =>
            (p.ExpirationDays != null ? "expires after " + p.ExpirationDays.Value.ToString(CultureInfo.InvariantCulture) + " days"
                : p.ExpirationDate != null ? "expires on " + p.ExpirationDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : "never expires")
            + (p.CustomEndDate ? " (requestors may choose their own end date)" : "");

        private static string Join(IEnumerable<PolicySubject> subjects)
        {
            var list = subjects.Select(s => s.Name).ToList();
            return list.Count == 0 ? "nobody" : string.Join(" or ", list);
        }
    }
}
