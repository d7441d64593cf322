using System;
using System.Collections.Generic;
using System.Globalization;

namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError AccessPackageApprovalRequired(string tierGroup, int? tier) => new GovernanceError(
            ErrorIds.AccessPackageApprovalRequired, GovernanceErrorCategory.InvalidArgument,
            (tier != null ? $"'{tierGroup}' is tier {tier.Value.ToString(CultureInfo.InvariantCulture)}, above the baseline," : $"'{tierGroup}' hands out licences outside the tier ladder,") +
            " so its access package needs approval. " +
            "Use -Approval Manager or ManagerThenApprover, or add -AllowWithoutApproval if anyone in scope may really take it unapproved.",
            tierGroup, "Add -Approval Manager or ManagerThenApprover, or -AllowWithoutApproval if anyone in scope may take the tier unapproved.");

        public static GovernanceError ExceptionPackageNeedsTwoStages(string tierGroup) => new GovernanceError(
            ErrorIds.ExceptionPackageNeedsTwoStages, GovernanceErrorCategory.InvalidArgument,
            $"An exception package for '{tierGroup}' needs two approval stages: the manager, then a licence administrator. " +
            "Use -Approval ManagerThenApprover (the default for -Exception) with -Approver naming the second-stage user or group.",
            tierGroup, "Use -Approval ManagerThenApprover with -Approver naming the licence administrator (a user or group).");

        public static GovernanceError AccessPackageSettingInvalid(string setting, string reason) => new GovernanceError(
            ErrorIds.AccessPackageSettingInvalid, GovernanceErrorCategory.InvalidArgument,
            $"{setting}: {reason}",
            setting, $"Correct {setting} as the message says, then run the command again.");

        public static GovernanceError PrincipalNotFound(string name, string role) => new GovernanceError(
            ErrorIds.PrincipalNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No user or group '{name}' was found for {role}. Give a user principal name, a group's display name, or an object id.",
            name, "Give a user principal name, a group's display name, or an object id that exists in the tenant.");

        public static GovernanceError TierAccessPackageNotFound(string tier, string catalog, IEnumerable<string> closest) => new GovernanceError(
            ErrorIds.TierAccessPackageNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No access package for tier '{tier}' was found in catalog '{catalog}'.{Suggest(closest)} Create it with New-TierAccessPackage, or list them with Get-TierAccessPackage.",
            tier, $"Run Get-TierAccessPackage to list the tier packages, or create this one with New-TierAccessPackage -TierGroup '{tier}'.");

        public static GovernanceError LicenseGroupIsDynamic(string group) => new GovernanceError(
            ErrorIds.LicenseGroupIsDynamic, GovernanceErrorCategory.InvalidOperation,
            $"'{group}' is a dynamic group: its rule decides its members and Entra adds nobody to it, so an access package cannot hand it out. " +
            "Give the package a static licence group, or keep governing this one by its rule.",
            group, "Name a static group that carries the licences, or keep the dynamic group governed by its membership rule.");

        public static GovernanceError AccessPackageHoldsOtherResources(string package, IEnumerable<string> resources) => new GovernanceError(
            ErrorIds.AccessPackageHoldsOtherResources, GovernanceErrorCategory.InvalidOperation,
            $"The access package '{package}' also grants {string.Join(", ", resources)}. A tier package must hold only its tier group's Member role; " +
            "give this tier package another -Name, or remove the other roles from that package in the Entra admin center.",
            package, "Give the tier package another -Name, or remove the other roles from that package (Entra admin center > Identity Governance > Access packages).");

        public static GovernanceError TierAssignmentExists(string user, string package, DateTimeOffset? until) => new GovernanceError(
            ErrorIds.TierAssignmentExists, GovernanceErrorCategory.ResourceExists,
            $"'{user}' already holds '{package}'" + (until == null ? "" : " until " + until.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) +
            ". Nothing was changed; to change the end date, remove the assignment and add it again, or let the user request an extension.",
            user, "Nothing to do; to change the end date, run Remove-TierAssignment, then Add-TierAssignment with the new -EndDate or -Days.");

        public static GovernanceError TierAssignmentNotFound(string user, string package) => new GovernanceError(
            ErrorIds.TierAssignmentNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"'{user}' holds no assignment to '{package}'. Run Get-TierAssignment -User '{user}' to see what they hold.",
            user, $"Run Get-TierAssignment -User '{user}' to see what the user holds.");

        public static GovernanceError TierAssignmentIdNotFound(string assignmentId) => new GovernanceError(
            ErrorIds.TierAssignmentIdNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No tier assignment has the id '{assignmentId}'; it may have ended already. Run Get-TierAssignment to list the assignments with their AssignmentId, " +
            "or name the assignment by -User and -Tier.",
            assignmentId, "Get-TierAssignment");

        public static GovernanceError TierAssignmentEndInvalid(string package, string reason) => new GovernanceError(
            ErrorIds.TierAssignmentEndInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The end date for '{package}' is not allowed: {reason}",
            package, "Give an end date in the future that the package's policy allows (-EndDate or -Days), then run the command again.");

        public static GovernanceError AccessPackagePlanStale(string package) => new GovernanceError(
            ErrorIds.AccessPackagePlanStale, GovernanceErrorCategory.InvalidOperation,
            $"The access package '{package}' changed after it was planned; nothing more was written. Run the command again to plan from its current state.",
            package, "Run the command again to plan from the package's current state.");
    
        public static GovernanceError TierAccessPackageInUse(string package, int assignments) => new GovernanceError(
            ErrorIds.TierAccessPackageInUse, GovernanceErrorCategory.InvalidOperation,
            $"The access package '{package}' has {assignments.ToString(CultureInfo.InvariantCulture)} active assignment(s) (delivered or being delivered), and Graph deletes a package only once it has none. " +
            "Nothing was changed. Add -Force to end them first, each holder moved in the safe order to the tier they hold without this package " +
            "(-Force -WhatIf shows who and where to), or end them yourself with Remove-TierAssignment.",
            package, "Run Remove-TierAccessPackage -Force -WhatIf to see where each holder moves, then again without -WhatIf.");

        public static GovernanceError TierAccessPackageRemovalIncomplete(string package, string reason) => new GovernanceError(
            ErrorIds.TierAccessPackageRemovalIncomplete, GovernanceErrorCategory.OperationStopped,
            $"The access package '{package}' was not deleted: {reason} Every holder keeps a licence meanwhile. " +
            "Run Remove-TierAccessPackage -Force again once that is resolved; it carries on from the tenant as it is then.",
            package, "Resolve what stopped it, then run Remove-TierAccessPackage -Force again.");

        /// <summary>Graph takes a user's own request, and an approver's decision, only from a signed-in user.</summary>
        public static GovernanceError DelegatedSignInRequired(string command, string why) => new GovernanceError(
            ErrorIds.DelegatedSignInRequired, GovernanceErrorCategory.InvalidOperation,
            $"{command} needs a signed-in user, and this session is connected app-only; nothing was sent. {why} " +
            "Connect as that user (Connect-LicenseGovernance -Interactive or -DeviceCode), or rehearse it on the simulated tenant with -As <user>.",
            command, "Connect-LicenseGovernance -Interactive (or -DeviceCode) as the user, or on the simulated tenant add -As <user>.");

        public static GovernanceError TierRequestRefused(string package, string reason) => new GovernanceError(
            ErrorIds.TierRequestRefused, GovernanceErrorCategory.PermissionDenied,
            $"The request for '{package}' was not sent: {reason}",
            package, "Change the request as the message says (or ask the package's owner to change its policy), then run the command again.");

        public static GovernanceError TierAssignmentRequestNotFound(string requestId) => new GovernanceError(
            ErrorIds.TierAssignmentRequestNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No access package assignment request has the id '{requestId}'. Run Get-TierAssignmentRequest -State Pending to list the requests waiting for a decision.",
            requestId, "Get-TierAssignmentRequest -State Pending");

        public static GovernanceError TierAssignmentRequestNotPending(string requestId, string state) => new GovernanceError(
            ErrorIds.TierAssignmentRequestNotPending, GovernanceErrorCategory.InvalidOperation,
            $"The request '{requestId}' is {state}, so there is no stage left to decide; nothing was sent. Run Get-TierAssignmentRequest -State Pending for the requests still waiting.",
            requestId, "Get-TierAssignmentRequest -State Pending");

        public static GovernanceError NotApproverOfStage(string approver, string requestId, string stage, string? waitingFor) => new GovernanceError(
            ErrorIds.NotApproverOfStage, GovernanceErrorCategory.PermissionDenied,
            $"'{approver}' is not an approver of stage {stage} of request '{requestId}'" + (waitingFor == null ? "" : $"; it waits for {waitingFor}") +
            ". Nothing was sent. Only an approver of the current stage can decide it.",
            requestId, "Have an approver of the current stage decide it (Get-TierAssignmentRequest shows WaitingFor).");

        public static GovernanceError AccessReviewFallbackRequired(string tier) => new GovernanceError(
            ErrorIds.AccessReviewFallbackRequired, GovernanceErrorCategory.InvalidArgument,
            $"The access review of '{tier}' is by each user's manager, but no -FallbackReviewer is given: the access of users without a manager would go unreviewed. Nothing was changed.",
            tier, "Add -FallbackReviewer naming a user or group who reviews users without a manager.");

        public static GovernanceError AccessReviewDurationTooLong(int days, string recurrence, int periodDays) => new GovernanceError(
            ErrorIds.AccessReviewDurationTooLong, GovernanceErrorCategory.InvalidArgument,
            $"-ReviewDurationDays {days} is longer than the {recurrence.ToLowerInvariant()} review's {periodDays}-day period, so one review would still be open when the next starts. Nothing was changed.",
            days, $"Give -ReviewDurationDays between 1 and {periodDays}, or a longer -AccessReview recurrence.");

        public static GovernanceError AccessReviewStartInPast(DateTimeOffset start, DateTimeOffset now) => new GovernanceError(
            ErrorIds.AccessReviewStartInPast, GovernanceErrorCategory.InvalidArgument,
            $"-ReviewStartDate {start:yyyy-MM-dd HH:mm} UTC is in the past (now {now:yyyy-MM-dd HH:mm} UTC); Entra starts a review series only now or later. Nothing was changed.",
            start, "Give a -ReviewStartDate from today on, or leave it out to start now.");

        public static GovernanceError AccessReviewDecisionNotFound(string reviewer, string decisionId) => new GovernanceError(
            ErrorIds.AccessReviewDecisionNotFound, GovernanceErrorCategory.PermissionDenied,
            $"'{reviewer}' has no decision '{decisionId}' to make in that review: only its reviewers see and decide it. Nothing was sent.",
            decisionId, "Run Get-TierAccessReview -Decisions -AssignedToMe as the reviewer (or with -As <reviewer> on the simulated tenant) to list the decisions that are theirs.");

        public static GovernanceError AccessReviewNotInProgress(string instanceId, string status) => new GovernanceError(
            ErrorIds.AccessReviewNotInProgress, GovernanceErrorCategory.InvalidOperation,
            $"The review instance '{instanceId}' is {status}, so it takes no decisions; nothing was sent. Only a review in progress can be decided.",
            instanceId, "Get-TierAccessReview shows which reviews are InProgress.");
    }
}
