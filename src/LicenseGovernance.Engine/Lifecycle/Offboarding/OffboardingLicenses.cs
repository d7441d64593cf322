using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Lifecycle.Offboarding
{
    /// <summary>
    /// One License step per SKU the user holds, each planned by the removal planner from the user as read: the access
    /// package assignment that delivers a tier ends, a membership nothing delivers is left, the direct assignment goes. A
    /// SKU carrying the mailbox stays while the user is on hold or the mailbox is not shared; a dynamic, synced or
    /// mail-enabled group is refused with where to change it. Steps through groups come before direct removals, so a
    /// direct licence never goes while a membership the run has yet to end would keep the seat anyway.
    /// </summary>
    internal static class OffboardingLicenses
    {
        public static async Task<IReadOnlyList<OffboardingStepPlan>> PlanAsync(OffboardingContext context, OffboardingFacts facts, bool blocked, bool mailboxWillBeShared)
        {
            var steps = new List<OffboardingStepPlan>();
            foreach (var skuId in facts.Seats.Select(s => s.SkuId!.Value).Distinct())
            {
                steps.Add(await PlanSkuAsync(context, facts, skuId, blocked, mailboxWillBeShared).ConfigureAwait(false));
            }

            var held = new HashSet<Guid>(facts.Seats.Select(s => s.SkuId!.Value));
            steps.AddRange(facts.History.StartSkus.Where(s => !held.Contains(s.SkuId)).Select(s =>
                OffboardingStepPlan.Settled(OffboardingStepKind.License, OffboardingStepStatus.AlreadyDone, "Gone: an earlier run of this offboarding freed the seat.", sku: s.SkuPartNumber)));
            return steps.OrderBy(s => s.ToDo && !s.EndsMembership).ToList();
        }

        private static async Task<OffboardingStepPlan> PlanSkuAsync(OffboardingContext context, OffboardingFacts facts, Guid skuId, bool blocked, bool mailboxWillBeShared)
        {
            var held = facts.Seats.Where(s => s.SkuId == skuId).ToList();
            var name = context.Sku(skuId)?.SkuPartNumber ?? skuId.ToString();
            var plan = await LicenseRemovalPlanner.PlanAsync(context.Session, context.Removals, facts.User, skuId, context.Sources.Describe(facts.UserId.ToString(), held), context.Sink.Cancellation).ConfigureAwait(false);
            var kept = blocked ? "It stays until the OneDrive is handed over (see the OneDrive step)." : Kept(facts, plan, mailboxWillBeShared);
            if (plan.Refusal != null)
            {
                var error = plan.Refusal.Error(facts.UserPrincipalName);
                return OffboardingStepPlan.Settled(OffboardingStepKind.License, OffboardingStepStatus.Refused, plan.Refusal.Detail + " The module cannot end that membership.", error.RecommendedAction ?? error.Message, name);
            }

            if (kept != null)
            {
                // A hold keeps the licence on purpose; everything else keeps it until something is done.
                var status = facts.Holds.Count > 0 && !blocked ? OffboardingStepStatus.Skipped : OffboardingStepStatus.Waiting;
                return OffboardingStepPlan.Settled(OffboardingStepKind.License, status, kept, status == OffboardingStepStatus.Waiting ? "Run Start-LicenseOffboarding again once that is done." : "", name);
            }

            if (plan.OnlyPending)
            {
                var pending = OffboardingStepPlan.Settled(OffboardingStepKind.License, OffboardingStepStatus.AlreadyDone,
                    "Already ending: " + string.Join("; ", plan.Steps.Select(s => s.Description)) + ". The seat is free once Microsoft Entra ID processes the group.", sku: name);
                pending.EndsMembership = true;
                return pending;
            }

            foreach (var step in plan.Steps.Where(s => s.GroupId != null && !s.AlreadyDone))
            {
                context.Removals.LeftGroups.Add(LicenseRemovalRun.MembershipKey(step.GroupId!, facts.UserId));
            }

            var change = OffboardingStepPlan.Change(OffboardingStepKind.License, string.Join("; ", plan.Steps.Select(s => s.Description)),
                journal => ApplyAsync(context, facts, plan, journal), name);
            change.EndsMembership = plan.EndsMembership;
            return change;
        }

        /// <summary>Why the SKU stays for now, or null when it may go: it carries the mailbox and the user is on hold, or the mailbox is not shared yet.</summary>
        private static string? Kept(OffboardingFacts facts, LicenseRemovalPlan plan, bool mailboxWillBeShared)
        {
            if (plan.Mailboxes.Count == 0)
            {
                return null;
            }

            var mailbox = string.Join(" and ", plan.Mailboxes);
            if (facts.Holds.Count > 0)
            {
                return $"Kept: it carries the Exchange Online mailbox ({mailbox}) and the user is on hold ({string.Join("; ", facts.Holds)}).";
            }

            if (facts.KeepsMailboxLicence)
            {
                return $"Kept: it carries the Exchange Online mailbox ({mailbox}) and the holds or the mailbox could not be read (see those steps).";
            }

            return facts.MailboxPurpose == null && facts.ExchangeMailbox == null || facts.Shared || mailboxWillBeShared ? null
                : $"It carries the Exchange Online mailbox ({mailbox}), which is not shared yet; without a licence an unshared mailbox is deleted after the grace period.";
        }

        /// <summary>The plan's steps in its order, each through its journaled writer; an access package's assignment is ended rather than its membership left.</summary>
        private static async Task<string> ApplyAsync(OffboardingContext context, OffboardingFacts facts, LicenseRemovalPlan plan, JournalScope journal)
        {
            var done = new List<string>();
            foreach (var step in plan.Steps.Where(s => !s.AlreadyDone))
            {
                done.Add(step.Kind switch
                {
                    LicenseRemovalStepKind.EndAccessPackageAssignment => await EndAssignmentsAsync(context, facts, step, journal).ConfigureAwait(false),
                    LicenseRemovalStepKind.LeaveGroup => await LeaveAsync(context, facts, step, journal).ConfigureAwait(false),
                    _ => await RemoveDirectAsync(context, facts, step, journal).ConfigureAwait(false),
                });
            }

            return (done.Count == 0 ? "Nothing left to change: an earlier step of this run ended the membership." : string.Join("; ", done) + ".")
                + (plan.EndsMembership ? " The seat is free once Microsoft Entra ID processes the group (usually minutes)." : " The seat is free.");
        }

        private static async Task<string> EndAssignmentsAsync(OffboardingContext context, OffboardingFacts facts, LicenseRemovalStep step, JournalScope journal)
        {
            var assignments = context.Sources.DeliveringAssignments(facts.UserId.ToString(), step.GroupId!);
            if (assignments.Count == 0)
            {
                return await LeaveAsync(context, facts, step, journal).ConfigureAwait(false);
            }

            foreach (var assignment in assignments)
            {
                await AccessPackageAssignmentWriter.EndAsync(context.Session, journal, AccessPackageDirectory.ChangeOf(assignment, "Offboarded by Start-LicenseOffboarding"), CancellationToken.None).ConfigureAwait(false);
            }

            return $"ended the access package assignment '{step.AccessPackageName}' that made the user a member of '{step.GroupName}'";
        }

        private static async Task<string> LeaveAsync(OffboardingContext context, OffboardingFacts facts, LicenseRemovalStep step, JournalScope journal)
        {
            var outcome = (await GroupMembershipWriter.RemoveMembersAsync(context.Session, journal,
                new[] { (Guid.Parse(step.GroupId!), step.GroupName, facts.UserId, (string?)facts.UserPrincipalName) }, 0, CancellationToken.None).ConfigureAwait(false))[0];
            return outcome.Succeeded || outcome.AlreadyDone
                ? $"removed the user from group '{step.GroupName}'"
                : throw WriteRetryPolicy.Error(context.Session, $"remove {facts.UserPrincipalName} from group {step.GroupName}", GroupMembershipWriter.Capability, outcome).ToException();
        }

        private static async Task<string> RemoveDirectAsync(OffboardingContext context, OffboardingFacts facts, LicenseRemovalStep step, JournalScope journal)
        {
            var license = step.DirectLicense!;
            var outcome = (await UserLicenseWriter.ChangeDirectAsync(context.Session, journal,
                new[] { new DirectLicenseChange(facts.UserId, facts.UserPrincipalName, new[] { license }, Array.Empty<DirectLicense>(), new[] { license.SkuId }) }, 0, CancellationToken.None).ConfigureAwait(false))[0];
            return outcome.Succeeded || outcome.AlreadyDone
                ? $"removed the direct {license.SkuPartNumber}"
                : throw WriteRetryPolicy.Error(context.Session, $"remove the direct {license.SkuPartNumber} from {facts.UserPrincipalName}", UserLicenseWriter.Capability, outcome).ToException();
        }
    }
}
