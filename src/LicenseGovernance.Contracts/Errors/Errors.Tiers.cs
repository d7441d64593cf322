using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Requests;

namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError GroupNotFound(string input, IEnumerable<string> closest) => new GovernanceError(
            ErrorIds.GroupNotFound, GovernanceErrorCategory.ObjectNotFound,
            $"No group '{input}' was found.{Suggest(closest)} Run Get-LicenseTierGroup to list the tier groups.",
            input, "Run Get-LicenseTierGroup to list the tier groups, then give a group's name or object id.");

        public static GovernanceError GroupNameAmbiguous(string name, IEnumerable<string> ids) => new GovernanceError(
            ErrorIds.GroupNameAmbiguous, GovernanceErrorCategory.InvalidArgument,
            $"More than one group is named '{name}' ({string.Join(", ", ids)}). Name the group by its id instead, or rename one of them.",
            name, "Name the group by its object id, or rename one of the groups in the Entra admin center.");

        public static GovernanceError GroupServesOtherPurpose(string name, IEnumerable<string> purposes) => new GovernanceError(
            ErrorIds.GroupServesOtherPurpose, GovernanceErrorCategory.InvalidOperation,
            $"The group '{name}' already serves another purpose: {string.Join("; ", purposes)}. A tier group must be used only for licensing. " +
            "Choose another -Name, or add -Force to make it a tier anyway.",
            name, "Choose another -Name, or add -Force to make the group a tier anyway.");

        public static GovernanceError NotATierGroup(string name) => new GovernanceError(
            ErrorIds.NotATierGroup, GovernanceErrorCategory.InvalidOperation,
            $"The group '{name}' exists but is not a licence tier. To make it one, keeping its members, run New-LicenseTierGroup -Name '{name}' -Sku <SKU> -Rank <rank>; " +
            "Get-LicenseTierGroup lists the tiers there are.",
            name, $"Name an existing tier (Get-LicenseTierGroup), or make the group a tier with New-LicenseTierGroup -Name '{name}' -Sku <SKU> -Rank <rank>.");

        public static GovernanceError TierRankInUse(int tier, string otherGroup) => new GovernanceError(
            ErrorIds.TierRankInUse, GovernanceErrorCategory.ResourceExists,
            $"Rank {tier} is already '{otherGroup}'. Give this tier another -Rank, or change that one with Set-LicenseTierGroup.",
            tier, "Give this tier another -Rank, or change the other tier's rank with Set-LicenseTierGroup.");

        public static GovernanceError BaselineAlreadyDefined(string otherGroup) => new GovernanceError(
            ErrorIds.BaselineAlreadyDefined, GovernanceErrorCategory.ResourceExists,
            $"'{otherGroup}' is already the baseline tier, and there can be only one. Run Set-LicenseTierGroup -Name '{otherGroup}' -Baseline:$false first.",
            otherGroup, $"Run Set-LicenseTierGroup -Name '{otherGroup}' -Baseline:$false first.");

        public static GovernanceError TierGroupInUse(string name, int usersLosingLastLicense) => new GovernanceError(
            ErrorIds.TierGroupInUse, GovernanceErrorCategory.InvalidOperation,
            $"Removing '{name}' would leave {usersLosingLastLicense} member(s) with no licence at all. Move them to another tier first, or add -Force.",
            name, "Move the members to another tier first (Move-UserLicenseTier), or add -Force.");

        public static GovernanceError MembershipRuleInvalid(string rule, int position, string reason) => new GovernanceError(
            ErrorIds.MembershipRuleInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The membership rule is not valid at position {position}: {reason}{RuleExcerpt(rule, position)}",
            rule, "Correct the rule at the marked position; Test-LicenseMembershipRule checks a rule without changing anything.");

        public static GovernanceError PlanSelectionInvalid(string reason) => new GovernanceError(
            ErrorIds.PlanSelectionInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The service plan selection is not valid: {reason}",
            null, "Correct -Sku, -EnabledPlan or -DisabledPlan as the message says; (Get-LicenseSku -Sku <sku>).ServicePlans lists the plans.");

        public static GovernanceError TierGroupChanged(string name) => new GovernanceError(
            ErrorIds.TierGroupChanged, GovernanceErrorCategory.InvalidOperation,
            $"The tier group '{name}' changed in the tenant after the plan was made. Run the command again to plan against its current state.",
            name, "Run the command again to plan against the group's current state.");

        public static GovernanceError ReprocessTimeoutInvalid(int seconds) => new GovernanceError(
            ErrorIds.ReprocessTimeoutInvalid, GovernanceErrorCategory.InvalidArgument,
            $"-TimeoutSeconds {seconds} is outside {ReprocessRequest.MinWaitTimeoutSeconds} to {ReprocessRequest.MaxWaitTimeoutSeconds} seconds. Give how long to wait for Entra, up to a day.",
            seconds, $"Give -TimeoutSeconds from {ReprocessRequest.MinWaitTimeoutSeconds} to {ReprocessRequest.MaxWaitTimeoutSeconds}.");

        public static GovernanceError TierRankInvalid(int tier) => new GovernanceError(
            ErrorIds.TierRankInvalid, GovernanceErrorCategory.InvalidArgument,
            $"-Rank {tier} is not a valid rank. Ranks are whole numbers from {TierGroupRequest.MinTier} (the lowest tier) to {TierGroupRequest.MaxTier}.",
            tier, $"Give -Rank a whole number from {TierGroupRequest.MinTier} to {TierGroupRequest.MaxTier}.");

        /// <summary>A -Tier that is a whole number naming no tier: the caller meant a rank, which -Tier never is.</summary>
        public static GovernanceError TierGivenAsRank(string value, int rank, string? tierOfRank) => new GovernanceError(
            ErrorIds.TierGivenAsRank, GovernanceErrorCategory.InvalidArgument,
            $"-Tier '{value}' names no tier: -Tier takes a tier, by its group's or access package's name or id, or the object from Get-LicenseTierGroup or Get-TierAccessPackage, never a rank. " +
            (tierOfRank != null ? $"The tier of rank {rank} is '{tierOfRank}': give -Tier '{tierOfRank}'. " : $"No tier has rank {rank} either (Get-LicenseTierGroup lists the tiers and their ranks). ") +
            "The rank is -Rank, on New-LicenseTierGroup and Set-LicenseTierGroup.",
            value, tierOfRank != null ? $"Give -Tier '{tierOfRank}'." : "Name the tier with -Tier; Get-LicenseTierGroup lists them.");

        public static GovernanceError GroupCannotCarryLicenses(string name) => new GovernanceError(
            ErrorIds.GroupCannotCarryLicenses, GovernanceErrorCategory.InvalidOperation,
            $"The group '{name}' is not security-enabled, and Microsoft Entra assigns licences only to security groups. Choose another -Name for the tier.",
            name, "Choose a security group as -Name, or a new name, which creates one.");

        public static GovernanceError TierReplacementNotActive(string name, string removing, int usersNotActive) => new GovernanceError(
            ErrorIds.TierReplacementNotActive, GovernanceErrorCategory.InvalidOperation,
            $"{usersNotActive} member(s) of '{name}' could not get the tier's new licences, so the change was rolled back and {removing} stays: nobody loses a licence before the replacement works. " +
            $"Run Get-GroupLicenseError -Group '{name}' right away to see who and why, fix it, then run the command again.",
            name, $"Run Get-GroupLicenseError -Group '{name}', fix what it reports, then run the command again.");

        public static GovernanceError TierLicensesExclusive(string name, string graphMessage) => new GovernanceError(
            ErrorIds.TierLicensesExclusive, GovernanceErrorCategory.InvalidOperation,
            $"The new licences of '{name}' cannot be held together with its current ones ({graphMessage}), so members would have to lose the old licence before the new one is verified. Nothing was changed. " +
            "Create the new licence set as a tier of its own with New-LicenseTierGroup and move members to it, or change the plans so that they no longer exclude each other.",
            name, "Create the new licence set as a tier of its own with New-LicenseTierGroup and move members to it.");

        public static GovernanceError NotEnoughSeats(string sku, int needed, int available, string group) => new GovernanceError(
            ErrorIds.NotEnoughSeats, GovernanceErrorCategory.LimitsExceeded,
            $"'{group}' would need {needed} more {sku} seat(s), and only {available} are free. Buy or free {needed - available} seat(s) (Get-LicenseSku -Sku {sku}) first; nothing was changed.",
            sku, $"Buy or free {needed - available} {sku} seat(s) (Get-LicenseSku -Sku {sku} shows them), then run the command again.");

        public static GovernanceError TierChangeTakesLicenses(string name, IEnumerable<string> losses) => new GovernanceError(
            ErrorIds.TierChangeTakesLicenses, GovernanceErrorCategory.InvalidOperation,
            $"Changing '{name}' takes licences from members who hold them from nowhere else: {string.Join("; ", losses)}. Nothing was changed. " +
            "Give those members the licence another way first (another tier, or Move-UserLicenseTier), or add -Force to take it; " +
            "-Force -WhatIf shows the whole change, and Undo-LicenseChange puts the tier's licences back afterwards.",
            name, "Add -Force, or -Force -WhatIf to review the change");

        public static GovernanceError TierHandedOutByAccessPackage(string name, IEnumerable<string> packages) => new GovernanceError(
            ErrorIds.TierHandedOutByAccessPackage, GovernanceErrorCategory.InvalidOperation,
            $"'{name}' is handed out by the access package(s) {string.Join(", ", packages.Select(p => "'" + p + "'"))}, and Microsoft Entra adds no member to a group with " +
            "dynamic membership, so every request and assignment of those packages would fail. Nothing was changed. Keep the tier static (leave out -MembershipRule), " +
            "or remove each package first with Remove-TierAccessPackage -Tier '<package>' (its holders are moved off in the safe order), then set the rule.",
            name, "Remove-TierAccessPackage");

        public static GovernanceError TierGroupNameTooLong(string name) => new GovernanceError(
            ErrorIds.TierGroupNameTooLong, GovernanceErrorCategory.InvalidArgument,
            $"-Name is {name.Length} characters long, and Microsoft Entra allows a group name of at most {TierGroupRequest.MaxNameLength}. Choose a shorter -Name; nothing was changed.",
            name, $"Give -Name at most {TierGroupRequest.MaxNameLength} characters");

        /// <summary>
        /// The rule around the error with a caret under it. A pasted rule can be thousands of characters long, so only a
        /// window around the position is quoted; line breaks and tabs become spaces so that the caret lines up.
        /// </summary>
        private static string RuleExcerpt(string rule, int position)
        {
            const int Context = 30;
            var at = Math.Max(0, Math.Min(position - 1, rule.Length));
            var start = Math.Max(0, at - Context);
            var end = Math.Min(rule.Length, at + Context);
            var lead = start > 0 ? "..." : "";
            var text = lead + rule.Substring(start, end - start).Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ') + (end < rule.Length ? "..." : "");
            return $"{Environment.NewLine}  {text}{Environment.NewLine}  {new string(' ', lead.Length + at - start)}^";
        }
    }
}
