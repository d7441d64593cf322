using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Lifecycle.Offboarding;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>
    /// Leavers go through the offboarding engine (Start-LicenseOffboarding's), never a second one: the same ordered,
    /// resumable plan per user under its own correlation id, so a leaver's offboarding continues the same whether the HR
    /// run or an administrator started it. The leaver's manager (from Entra) gets their OneDrive; the mailbox licence is
    /// kept until the mailbox is shared, as the offboarding decides.
    /// </summary>
    internal sealed class WorkforceLeavers
    {
        private readonly JournalFile _journalFile;
        private readonly IReadOnlyList<LicenseSku> _skus;

        public WorkforceLeavers(JournalFile journalFile, IReadOnlyList<LicenseSku> skus)
        {
            _journalFile = journalFile;
            _skus = skus;
        }

        /// <summary>Offboarded already: the account is disabled and holds no licence (a kept mailbox licence is the offboarding's to finish).</summary>
        public static bool Done(User user, TierUser tierUser) => user.AccountEnabled == false && tierUser.SkusHeld.Count == 0;

        /// <summary>Offboards each leaver the run confirmed, and reports what the offboarding did and still waits for.</summary>
        public async Task OffboardAsync(GraphSession session, IReadOnlyList<WorkforceStep> leavers, IGovernanceSink sink)
        {
            if (leavers.Count == 0)
            {
                return;
            }

            var confirmed = new ConfirmedSink(sink);
            var request = new StartLicenseOffboardingRequest { User = leavers.Select(l => l.User.Id).ToArray() };
            var journal = new OffboardingJournal(_journalFile, session, LicenseOffboarder.Command, confirmed);
            var context = await OffboardingContext.CreateAsync(session, request, _skus, journal, confirmed).ConfigureAwait(false);
            foreach (var step in leavers)
            {
                sink.Cancellation.ThrowIfCancellationRequested();
                var result = await LicenseOffboarder.OffboardAsync(context, step.User.Id).ConfigureAwait(false);
                Report(step, result);
            }
        }

        private static void Report(WorkforceStep step, LicenseOffboardingResult? result)
        {
            if (result == null)
            {
                (step.Outcome, step.Detail) = (WorkforceOutcome.Failed, "The offboarding found no such user.");
                return;
            }

            var summary = result.Summary;
            step.CorrelationId = summary.CorrelationId;
            step.Done.AddRange(result.Steps.Where(s => s.Status == OffboardingStepStatus.Done).Select(s => s.Step + (s.Sku.Length > 0 ? " " + s.Sku : "") + ": " + s.Detail));
            var failed = result.Steps.FirstOrDefault(s => s.Status == OffboardingStepStatus.Failed);
            step.Outcome = failed != null ? WorkforceOutcome.Failed : summary.Complete ? WorkforceOutcome.Changed : WorkforceOutcome.Waiting;
            step.Detail = $"Offboarded by Start-LicenseOffboarding's plan: {summary}." + (failed != null ? " Failed at " + failed.Step + ": " + failed.Detail
                : summary.Waiting.Count > 0 ? " Waiting: " + string.Join("; ", summary.Waiting) + " Run again to continue." : "");
        }
    }
}
