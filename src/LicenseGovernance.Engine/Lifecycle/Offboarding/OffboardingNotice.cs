using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Lifecycle.Offboarding
{
    /// <summary>
    /// The mail to finance (-NotifyEmail): sent once per offboarding, by the run that finishes it, with the seats and
    /// money recovered. A signed-in user sends it from their own mailbox (/me/sendMail); an application from -SenderMailbox
    /// (/users/{id}/sendMail), since it has no mailbox of its own; -SenderMailbox overrides the signed-in user's too.
    /// </summary>
    internal static class OffboardingNotice
    {
        public static OffboardingStepPlan Plan(OffboardingContext context, OffboardingFacts facts, IReadOnlyList<OffboardingStepPlan> steps, bool completes)
        {
            var to = context.Request.NotifyEmail;
            if (to == null)
            {
                return OffboardingStepPlan.Settled(OffboardingStepKind.NotifyFinance, OffboardingStepStatus.Skipped, "No -NotifyEmail given.");
            }

            // At most once: a mail whose answer was lost may have gone, and a second one would count the money twice.
            if (facts.History.Did(UserDataWriter.SendMailOperation, _ => true))
            {
                return OffboardingStepPlan.Settled(OffboardingStepKind.NotifyFinance, OffboardingStepStatus.AlreadyDone,
                    "Finance was mailed when the offboarding finished (Get-LicenseChangeLog -Operation Mail.Send shows it).");
            }

            if (facts.History.CorrelationId == null && !steps.Any(s => s.ToDo))
            {
                return OffboardingStepPlan.Settled(OffboardingStepKind.NotifyFinance, OffboardingStepStatus.Skipped, "Nothing to report: the user was offboarded already.");
            }

            if (!completes)
            {
                return OffboardingStepPlan.Settled(OffboardingStepKind.NotifyFinance, OffboardingStepStatus.Waiting, $"The mail to {to} goes once the offboarding is complete.",
                    "Finish the steps that wait, then run Start-LicenseOffboarding again.");
            }

            var sender = context.Request.SenderMailbox;
            return OffboardingStepPlan.Change(OffboardingStepKind.NotifyFinance, $"mail the recovered seats and money to {to} from {sender ?? "the signed-in user's mailbox"}", async journal =>
            {
                var summary = OffboardingRecovery.Summarize(context, facts, steps.Where(s => s.Kind != OffboardingStepKind.NotifyFinance).ToList(), journal.CorrelationId);
                var (subject, body) = OffboardingRecovery.Notice(summary, context.Session.Now);
                await UserDataWriter.SendMailAsync(context.Session, journal, sender, to, subject, body, context.Sink.Cancellation).ConfigureAwait(false);
                return $"Mailed {to}: {subject}.";
            });
        }
    }
}
