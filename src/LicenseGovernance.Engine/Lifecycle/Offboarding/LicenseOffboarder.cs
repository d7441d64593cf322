using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Lifecycle.Offboarding
{
    /// <summary>
    /// Start-LicenseOffboarding, and the entry other lifecycle commands (an HR leaver) call: one ordered plan per user, read
    /// afresh from the tenant and the journal, confirmed once, applied step by step through the journaled writers. A step
    /// that fails stops the user's plan there, so data is never left behind a licence already gone; a run after any
    /// interruption plans again and does only what is left.
    /// </summary>
    internal static class LicenseOffboarder
    {
        public const string Command = "Start-LicenseOffboarding";

        public static async Task RunAsync(OffboardingContext context)
        {
            foreach (var user in context.Request.User.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                context.Sink.Cancellation.ThrowIfCancellationRequested();
                var result = await OffboardAsync(context, user).ConfigureAwait(false);
                if (result == null)
                {
                    continue;
                }

                if (context.Request.Summary)
                {
                    context.Sink.WriteObject(result.Summary);
                }
                else
                {
                    foreach (var step in result.Steps)
                    {
                        context.Sink.WriteObject(step);
                    }
                }
            }

            await context.Journal.ResolveEarlierRunsAsync().ConfigureAwait(false);
        }

        /// <summary>Offboards one user; null (with the error written) when no such user exists.</summary>
        public static async Task<LicenseOffboardingResult?> OffboardAsync(OffboardingContext context, string user)
        {
            var found = await OffboardingReader.UserAsync(context.Session, user, context.Sink.Cancellation).ConfigureAwait(false);
            if (found == null)
            {
                context.Sink.WriteError(Errors.UserNotFound(user));
                return null;
            }

            var facts = await OffboardingReader.ReadAsync(context, found).ConfigureAwait(false);
            var steps = await PlanAsync(context, facts).ConfigureAwait(false);
            var toDo = steps.Where(s => s.ToDo).ToList();
            if (toDo.Count == 0 || !context.Sink.ShouldProcess(facts.UserPrincipalName, "Offboard: " + string.Join("; ", toDo.Select(s => s.Detail))))
            {
                return Result(context, facts, steps, facts.History.CorrelationId);
            }

            var journal = context.Journal.Scope(facts.History.CorrelationId);
            if (facts.History.CorrelationId == null)
            {
                await OffboardingJournal.RecordStartAsync(journal, facts.UserId, facts.UserPrincipalName,
                    facts.Seats.Select(s => s.SkuId!.Value).Distinct().Select(id => (id, context.Sku(id)?.SkuPartNumber ?? id.ToString())), context.Sink.Cancellation).ConfigureAwait(false);
            }

            await ApplyAsync(context, facts, steps, journal).ConfigureAwait(false);
            return Result(context, facts, steps, journal.CorrelationId);
        }

        private static async Task<List<OffboardingStepPlan>> PlanAsync(OffboardingContext context, OffboardingFacts facts)
        {
            var steps = OffboardingPlanner.Plan(context, facts).ToList();
            var oneDrive = steps.Single(s => s.Kind == OffboardingStepKind.OneDrive);
            var blocked = oneDrive.Status == OffboardingStepStatus.Refused;
            var converting = steps.Single(s => s.Kind == OffboardingStepKind.Mailbox).ToDo;
            steps.AddRange(await OffboardingLicenses.PlanAsync(context, facts, blocked, converting).ConfigureAwait(false));
            var completes = steps.All(s => s.ToDo || OffboardingRecovery.Final(s.Status));
            // The mail goes before the record that closes the offboarding, so a mail that fails is tried again next run.
            steps.Add(OffboardingNotice.Plan(context, facts, steps, completes));
            steps.Add(OffboardingRecovery.Plan(context, facts, steps, completes));
            return steps;
        }

        /// <summary>The steps in order; the first failure stops the rest, which wait for the next run.</summary>
        private static async Task ApplyAsync(OffboardingContext context, OffboardingFacts facts, List<OffboardingStepPlan> steps, JournalScope journal)
        {
            string? failed = null;
            foreach (var step in steps.Where(s => s.ToDo))
            {
                // The record of what was recovered so far is still written: the seats freed before the failure are real.
                if (failed != null && step.Kind != OffboardingStepKind.Recovered)
                {
                    step.Settle(OffboardingStepStatus.Waiting, "Not run: " + failed + " failed first.", "Run Start-LicenseOffboarding again once that step succeeds.");
                    continue;
                }

                context.Sink.Cancellation.ThrowIfCancellationRequested();
                try
                {
                    step.Settle(OffboardingStepStatus.Done, await step.Apply!(journal).ConfigureAwait(false));
                }
                catch (LicenseGovernanceException ex) when (ex.Error.Id != ErrorIds.OperationCancelled && ex.Error.Id != ErrorIds.JournalWriteFailed && ex.Error.Id != ErrorIds.GraphUnreachable)
                {
                    failed = step.Kind + (step.Sku.Length > 0 ? " " + step.Sku : "");
                    step.Settle(OffboardingStepStatus.Failed, ex.Error.Message, "Run Start-LicenseOffboarding again once the cause is fixed: it continues from here.");
                    context.Sink.WriteError(Errors.OffboardingStepFailed(facts.UserPrincipalName, failed, ex.Error.Message));
                }
            }
        }

        private static LicenseOffboardingResult Result(OffboardingContext context, OffboardingFacts facts, List<OffboardingStepPlan> steps, Guid? correlationId) =>
            new LicenseOffboardingResult(steps.Select((s, i) => new LicenseOffboardingStep
            {
                UserId = facts.UserId,
                UserPrincipalName = facts.UserPrincipalName,
                Order = i + 1,
                Step = s.Kind,
                Sku = s.Sku,
                Status = s.Status,
                Detail = s.Detail,
                Next = s.Next,
                CorrelationId = correlationId,
            }).ToList(), OffboardingRecovery.Summarize(context, facts, steps, correlationId));
    }

    /// <summary>One user's offboarding as a run left it: every step in order, and the summary.</summary>
    internal sealed class LicenseOffboardingResult
    {
        public LicenseOffboardingResult(IReadOnlyList<LicenseOffboardingStep> steps, LicenseOffboardingSummary summary)
        {
            Steps = steps;
            Summary = summary;
        }

        public IReadOnlyList<LicenseOffboardingStep> Steps { get; }

        public LicenseOffboardingSummary Summary { get; }
    }
}
