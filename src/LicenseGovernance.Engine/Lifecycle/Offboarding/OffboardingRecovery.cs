using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace LicenseGovernance.Engine.Lifecycle.Offboarding
{
    /// <summary>
    /// The seats an offboarding recovered and their money, counted against the licences the user held when it began (the
    /// journal's start record): a SKU no longer held is recovered, one a step ended is recovered once Entra processes the
    /// group (pending), one kept is listed as kept. Prices are the tenant's price book's (Set-LicensePrice, else list prices).
    /// </summary>
    internal static class OffboardingRecovery
    {
        /// <summary>A status after which the step needs nothing more from the module.</summary>
        public static bool Final(OffboardingStepStatus status) =>
            status == OffboardingStepStatus.Done || status == OffboardingStepStatus.AlreadyDone || status == OffboardingStepStatus.Skipped || status == OffboardingStepStatus.Refused;

        /// <summary>
        /// The Recovered step: journaled by a run that changes something, or by the run that finds the offboarding finished
        /// (its record closes the offboarding, so a later one starts afresh); otherwise the figures as the tenant shows them.
        /// </summary>
        public static OffboardingStepPlan Plan(OffboardingContext context, OffboardingFacts facts, IReadOnlyList<OffboardingStepPlan> steps, bool completes)
        {
            var closes = facts.History.CorrelationId != null && completes;
            if (!steps.Any(s => s.ToDo) && !closes)
            {
                return OffboardingStepPlan.Settled(OffboardingStepKind.Recovered, OffboardingStepStatus.AlreadyDone, Describe(Summarize(context, facts, steps, facts.History.CorrelationId)));
            }

            return OffboardingStepPlan.Change(OffboardingStepKind.Recovered, "journal the seats and money recovered: " + Describe(Summarize(context, facts, steps, facts.History.CorrelationId)), async journal =>
            {
                var summary = Summarize(context, facts, steps, journal.CorrelationId);
                await OffboardingJournal.RecordRecoveredAsync(journal, summary, context.Sink.Cancellation).ConfigureAwait(false);
                return Describe(summary);
            });
        }

        public static LicenseOffboardingSummary Summarize(OffboardingContext context, OffboardingFacts facts, IReadOnlyList<OffboardingStepPlan> steps, Guid? correlationId)
        {
            var summary = new LicenseOffboardingSummary
            {
                UserId = facts.UserId,
                UserPrincipalName = facts.UserPrincipalName,
                CorrelationId = correlationId,
                WhatIf = context.Request.WhatIf,
            };
            var licences = steps.Where(s => s.Kind == OffboardingStepKind.License).ToList();
            var plan = steps.Where(s => s.Kind != OffboardingStepKind.Recovered).ToList();
            foreach (var (skuId, name) in Baseline(context, facts))
            {
                var step = licences.FirstOrDefault(s => s.Sku == name);
                // Planned: -WhatIf shows what the run would recover.
                var gone = step == null || step.Status == OffboardingStepStatus.Done || step.Status == OffboardingStepStatus.AlreadyDone || step.Status == OffboardingStepStatus.Planned;
                if (gone)
                {
                    var sku = context.Sku(skuId);
                    summary.Recovered.Add(new RecoveredLicense { SkuId = skuId, SkuPartNumber = name, Pending = step?.EndsMembership ?? false, MonthlyPrice = sku?.MonthlyPrice, Currency = sku?.Currency });
                }
                else
                {
                    summary.Kept.Add(name);
                }
            }

            summary.Currency = summary.Recovered.Select(r => r.Currency).FirstOrDefault(c => c != null);
            var priced = summary.Recovered.Where(r => r.MonthlyPrice.HasValue && r.Currency == summary.Currency).ToList();
            summary.MonthlyRecovered = priced.Count == 0 ? (decimal?)null : priced.Sum(r => r.MonthlyPrice!.Value);
            foreach (var step in plan.Where(s => s.Status == OffboardingStepStatus.Waiting || s.Status == OffboardingStepStatus.Failed || s.Status == OffboardingStepStatus.Refused || s.Status == OffboardingStepStatus.Planned))
            {
                summary.Waiting.Add(step.Kind + (step.Sku.Length > 0 ? " " + step.Sku : ""));
            }

            summary.Complete = !plan.Any(s => s.Status == OffboardingStepStatus.Waiting || s.Status == OffboardingStepStatus.Failed || s.Status == OffboardingStepStatus.Planned);
            return summary;
        }

        /// <summary>The Recovered step: the figures, in words.</summary>
        public static string Describe(LicenseOffboardingSummary summary) => summary.Recovered.Count == 0
            ? "No seat recovered" + (summary.Kept.Count > 0 ? "; kept: " + string.Join(", ", summary.Kept) + "." : ".")
            : $"{summary.SeatsRecovered} seat(s) recovered: {string.Join(", ", summary.Recovered.Select(Line))}" + Money(summary) +
              (summary.Kept.Count > 0 ? "; kept: " + string.Join(", ", summary.Kept) : "") + ".";

        /// <summary>The mail to finance.</summary>
        public static (string Subject, string Body) Notice(LicenseOffboardingSummary summary, DateTimeOffset now) => (
            $"Licences recovered: {summary.UserPrincipalName} offboarded",
            $"{summary.UserPrincipalName} was offboarded on {now:yyyy-MM-dd}.\n\n" + Describe(summary) + "\n\n" +
            "Seats marked pending leave once Microsoft Entra ID processes the group. The change journal holds the details: " +
            $"Get-LicenseChangeLog -CorrelationId {summary.CorrelationId}.");

        private static IEnumerable<(Guid SkuId, string Name)> Baseline(OffboardingContext context, OffboardingFacts facts) =>
            facts.History.CorrelationId != null
                ? facts.History.StartSkus
                : facts.Seats.Select(s => s.SkuId!.Value).Distinct().Select(id => (id, context.Sku(id)?.SkuPartNumber ?? id.ToString()));

        private static string Line(RecoveredLicense license) =>
            license.SkuPartNumber + (license.MonthlyPrice.HasValue ? string.Format(CultureInfo.InvariantCulture, " ({0} {1:0.00}/month)", license.Currency, license.MonthlyPrice) : " (no price)") +
            (license.Pending ? " pending" : "");

        private static string Money(LicenseOffboardingSummary summary) => summary.MonthlyRecovered.HasValue
            ? string.Format(CultureInfo.InvariantCulture, "; {0} {1:0.00} a month, {0} {2:0.00} a year", summary.Currency, summary.MonthlyRecovered, summary.AnnualRecovered)
            : "";
    }
}
