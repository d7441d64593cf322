using System;
using System.Collections.Generic;
using System.Globalization;

namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError TierWorkflowsNeedTiers(int tiers, bool hasBaseline) => new GovernanceError(
            ErrorIds.TierWorkflowsNeedTiers, GovernanceErrorCategory.InvalidOperation,
            $"Document 000's workflows need at least two licence tiers, one of them the baseline; the tenant has {tiers.ToString(CultureInfo.InvariantCulture)}" +
            (hasBaseline ? "." : " and none is the baseline.") + " Create them with New-LicenseTierGroup (-Baseline on the lowest), then run again.",
            "licence tiers", "Create the tiers with New-LicenseTierGroup (-Baseline on the lowest), then run the command again.");

        public static GovernanceError TierWorkflowsNeedAccessPackages() => new GovernanceError(
            ErrorIds.TierWorkflowsNeedAccessPackages, GovernanceErrorCategory.InvalidOperation,
            "No licence tier has an access package, so no workflow could take a tier away: document 000's workflows end access package assignments. " +
            "Create the tiers' packages with New-TierAccessPackage, then run again.",
            "licence tiers", "Create the tiers' access packages with New-TierAccessPackage, then run the command again.");

        public static GovernanceError LifecycleWorkflowLimitReached(int existing, int needed, int limit) => new GovernanceError(
            ErrorIds.LifecycleWorkflowLimitReached, GovernanceErrorCategory.LimitsExceeded,
            $"The tenant has {existing.ToString(CultureInfo.InvariantCulture)} lifecycle workflows and the tiers need {needed.ToString(CultureInfo.InvariantCulture)} more; " +
            $"Entra allows {limit.ToString(CultureInfo.InvariantCulture)}. Nothing was created. Delete workflows the tenant no longer uses, or rely on Sync-LicenseTier, which needs none.",
            "lifecycle workflows", "Delete lifecycle workflows the tenant no longer uses (Entra admin center > Identity Governance > Lifecycle workflows), or rely on Sync-LicenseTier.");

        public static GovernanceError LifecycleWorkflowPlanStale(string workflow) => new GovernanceError(
            ErrorIds.LifecycleWorkflowPlanStale, GovernanceErrorCategory.InvalidOperation,
            $"The lifecycle workflow '{workflow}' or the tiers it serves changed after they were planned; nothing more was written. Run the command again to plan from the current state.",
            workflow, "Run the command again to plan from the current state.");

        public static GovernanceError NoTierSystem() => new GovernanceError(
            ErrorIds.NoTierSystem, GovernanceErrorCategory.ObjectNotFound,
            "The tenant has no licence tiers, so there is no tier to move anyone to. Create them first (New-LicenseTierGroup -Rank 1 -Baseline, then the higher tiers) " +
            "and their access packages (New-TierAccessPackage). Nothing was changed.",
            recommendedAction: "Create the tiers with New-LicenseTierGroup (-Rank 1 -Baseline first) and their packages with New-TierAccessPackage.");

        public static GovernanceError TierLeaseHeld(string holder, DateTimeOffset until) => new GovernanceError(
            ErrorIds.TierLeaseHeld, GovernanceErrorCategory.ResourceUnavailable,
            $"Another tier run ({holder}) holds the tier lease until {until:yyyy-MM-dd HH:mm:ss} UTC, so this one changed nothing: two runs at once would move the same users twice. " +
            "Run again once it has finished, or Sync-LicenseTier -Force to take the lease over from a run that died.",
            holder, "Wait for the other run to finish, or take over the lease of a run that died with Sync-LicenseTier -Force.");

        public static GovernanceError TierNeedsAccessPackage(string tier, string reason) => new GovernanceError(
            ErrorIds.TierNeedsAccessPackage, GovernanceErrorCategory.InvalidOperation,
            $"Tier '{tier}' has no access package, and {reason} Create it with New-TierAccessPackage -TierGroup '{tier}', then run the command again. Nothing was changed.",
            tier, $"Run New-TierAccessPackage -TierGroup '{tier}', then run the command again.");

        public static GovernanceError TierMoveBlocked(string user, string reason) => new GovernanceError(
            ErrorIds.TierMoveBlocked, GovernanceErrorCategory.InvalidOperation,
            $"{user} cannot be moved: {reason} Nothing was changed.",
            user, "Resolve what the message says blocks the move, then run the command again.");

        public static GovernanceError LookAheadInvalid(TimeSpan value, TimeSpan max) => new GovernanceError(
            ErrorIds.LookAheadInvalid, GovernanceErrorCategory.InvalidArgument,
            $"-LookAhead {value} is outside 0 to {max.TotalDays:0} days. Give about twice the interval the reconciler runs at (2 hours for an hourly runbook). Nothing was changed.",
            value.ToString(), "Give -LookAhead about twice the interval the reconciler runs at, for example 02:00:00 for an hourly runbook.");

        public static GovernanceError TierWaitTimeoutInvalid(int seconds, int max) => new GovernanceError(
            ErrorIds.TierWaitTimeoutInvalid, GovernanceErrorCategory.InvalidArgument,
            $"-WaitTimeout {seconds} is outside 0 to {max} seconds. Nothing was changed.",
            seconds, $"Give -WaitTimeout from 0 to {max} seconds.");

        public static GovernanceError HrFileNotFound(string path) => new GovernanceError(
            ErrorIds.HrFileNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"The HR file '{path}' does not exist. Nothing was changed.",
            path, "Pass the path of the HR export (CSV), or use -FromEntra to read Entra's own HR attributes.");

        public static GovernanceError HrFileInvalid(string path, string reason) => new GovernanceError(
            ErrorIds.HrFileInvalid, GovernanceErrorCategory.InvalidData,
            $"The HR file '{path}' cannot be read as CSV: {reason} Nothing was changed.",
            path, "Export the HR report again as CSV with a header row, then run the command again.");

        public static GovernanceError HrColumnMissing(string path, string field, string header, IEnumerable<string> headers) => new GovernanceError(
            ErrorIds.HrColumnMissing, GovernanceErrorCategory.InvalidData,
            $"The HR file '{path}' has no column '{header}' for {field} (its columns: {string.Join(", ", headers)}). Nothing was changed.",
            path, $"Map {field} to the file's header in the rules file's Columns, for example Columns = @{{ {field} = '<header>' }}.");

        public static GovernanceError HrRowInvalid(WorkforceRowProblem problem) => new GovernanceError(
            ErrorIds.HrRowInvalid, GovernanceErrorCategory.InvalidData,
            $"HR row at line {problem.Line.ToString(CultureInfo.InvariantCulture)}" + (problem.UserPrincipalName == null ? "" : $" ({problem.UserPrincipalName})") +
            $" was skipped: {problem.Reason}",
            problem, "Correct the row in the HR system or the export; the other rows went on.");

        public static GovernanceError HrFileMostlyBad(string source, int bad, int rows) => new GovernanceError(
            ErrorIds.HrFileMostlyBad, GovernanceErrorCategory.InvalidData,
            $"{bad.ToString(CultureInfo.InvariantCulture)} of the {rows.ToString(CultureInfo.InvariantCulture)} HR rows in '{source}' are bad, more than half: " +
            "the export or the Columns mapping is likely wrong, so the run stopped before anything changed.",
            source, "Check the errors written for the rows and the rules file's Columns, then run the command again.");

        public static GovernanceError WorkforceRulesInvalid(string path, string key, string reason) => new GovernanceError(
            ErrorIds.WorkforceRulesInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The rules file '{path}' is not valid at {key}: {reason} Nothing was changed.",
            key, "Correct the rules file (keys Columns, Rules, Default, LeaveTier; Rules = @( @{ Tier = '<tier>'; When = '<rule>' } )), then run again.");

        public static GovernanceError WorkforceRuleInvalid(string path, string key, string rule, int position, string reason) => new GovernanceError(
            ErrorIds.WorkforceRuleInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The rules file '{path}' is not valid at {key}.When, position {position.ToString(CultureInfo.InvariantCulture)}: {reason} (rule: {rule}). Nothing was changed.",
            key, "Correct the rule at that position; Test-LicenseMembershipRule checks a rule's syntax without changing anything.");

        public static GovernanceError WorkforceTierNotFound(string path, string key, string tier, IEnumerable<string> tiers) => new GovernanceError(
            ErrorIds.WorkforceTierNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"The rules file '{path}' names the tier '{tier}' at {key}, which the tenant does not have (its tiers: {string.Join(", ", tiers)}). Nothing was changed.",
            tier, "Name a tier as Get-LicenseTierGroup lists it, or create it with New-LicenseTierGroup.");

        public static GovernanceError WorkforceSeatsShort(string user, string shortfall) => new GovernanceError(
            ErrorIds.WorkforceSeatsShort, GovernanceErrorCategory.LimitsExceeded,
            $"{user} was not changed: the tenant lacks seats for them ({shortfall}). The others went on.",
            user, "Buy the seats (or free some, Get-ZombieLicense), then run the command again; it serves the users it refused.");
        public static GovernanceError OffboardingUserMissing() => new GovernanceError(
            ErrorIds.OffboardingUserMissing, GovernanceErrorCategory.InvalidArgument,
            "Start-LicenseOffboarding needs the leaver: give -User (a user principal name or id) or pipe users. Nothing was changed.",
            recommendedAction: "Give -User with the leaver's user principal name or object id.");

        public static GovernanceError OffboardingSenderRequired(string notifyEmail) => new GovernanceError(
            ErrorIds.OffboardingSenderRequired, GovernanceErrorCategory.InvalidArgument,
            $"-NotifyEmail {notifyEmail} needs a mailbox to send from: an application sign-in has no mailbox of its own (/me), so give -SenderMailbox " +
            "(a licensed or shared mailbox the app may send as, with Mail.Send). Nothing was changed.",
            notifyEmail, "Add -SenderMailbox <mailbox the application sends from>, or leave out -NotifyEmail.");

        public static GovernanceError OffboardingNotifyEmailInvalid(string address) => new GovernanceError(
            ErrorIds.OffboardingNotifyEmailInvalid, GovernanceErrorCategory.InvalidArgument,
            $"'{address}' is not an e-mail address (name@domain). Nothing was changed.",
            address, "Give -NotifyEmail (and -SenderMailbox) as name@domain.");

        public static GovernanceError OffboardingExchangeNotConnected() => new GovernanceError(
            ErrorIds.OffboardingExchangeNotConnected, GovernanceErrorCategory.InvalidOperation,
            "-ConvertMailboxToShared needs Exchange Online: no ExchangeOnlineManagement connection was found in this PowerShell session " +
            "(Get-ConnectionInformation). Nothing was changed.",
            recommendedAction: "Run Connect-ExchangeOnline first, or leave out -ConvertMailboxToShared and convert the mailbox with the commands the Mailbox step prints.");

        public static GovernanceError OffboardingManagerNotFound(string manager) => new GovernanceError(
            ErrorIds.OffboardingManagerNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"-Manager '{manager}' names no user of the tenant, so nobody could be given the leaver's OneDrive. Nothing was changed.",
            manager, "Give -Manager as the user principal name or object id of the person who takes over the files.");

        public static GovernanceError OffboardingStepFailed(string user, string step, string reason) => new GovernanceError(
            ErrorIds.OffboardingStepFailed, GovernanceErrorCategory.WriteError,
            $"Offboarding {user}: {step} failed: {reason} The steps before it stand and are journaled; later steps that depend on it were not run.",
            user, "Fix the cause, then run Start-LicenseOffboarding again for the user: it continues where this run stopped.");
    }
}
