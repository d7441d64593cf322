using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>
    /// The seats an HR run needs per SKU against those free, in file order: a person whose new tier needs a seat the tenant
    /// no longer has is refused whole (not half-moved), with the shortfall and what buying it costs; the others go on.
    /// Seats the run frees do not count as free: a gap-free move gives its old seat back only after the new one is active.
    /// </summary>
    internal sealed class SeatBudget
    {
        private readonly Dictionary<Guid, LicenseSku> _skus;
        private readonly Dictionary<Guid, int> _left;
        private readonly Dictionary<Guid, WorkforceSeatDemand> _demand = new Dictionary<Guid, WorkforceSeatDemand>();

        public SeatBudget(IReadOnlyList<LicenseSku> skus)
        {
            _skus = skus.GroupBy(s => s.SkuId).ToDictionary(g => g.Key, g => g.First());
            _left = _skus.ToDictionary(p => p.Key, p => p.Value.AvailableUnits);
        }

        /// <summary>Serves the step's seats, or refuses it with the shortfall; steps without a licence change only count what they free.</summary>
        public void Take(WorkforceStep step)
        {
            if (step.Outcome != WorkforceOutcome.Planned || !step.ChangesLicenses)
            {
                return;
            }

            var lacking = step.Needs.Where(s => Left(s) <= 0).ToList();
            if (lacking.Count > 0)
            {
                Refuse(step, lacking);
                return;
            }

            foreach (var sku in step.Needs)
            {
                _left[sku] = Left(sku) - 1;
                Demand(sku).Needed++;
            }

            foreach (var sku in step.Frees)
            {
                Demand(sku).Freed++;
            }
        }

        public IReadOnlyList<WorkforceSeatDemand> Demands => _demand.Values.OrderBy(d => d.SkuPartNumber, StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>The month's cost change of what is served; null when a SKU involved has no price.</summary>
        public decimal? MonthlyCostChange => _demand.Values.Any(d => d.MonthlyCostChange == null && (d.Needed > 0 || d.Freed > 0)) ? null : _demand.Values.Sum(d => d.MonthlyCostChange ?? 0);

        public string? Currency => _demand.Values.Select(d => d.Currency).FirstOrDefault(c => c != null);

        /// <summary>One line for the confirmation and -WhatIf: seats per SKU, shortfalls, and the cost change.</summary>
        public string Summary()
        {
            var lines = Demands.Select(d => $"{d.SkuPartNumber} {d.Needed} new of {d.Available} free, {d.Freed} freed" + (d.Shortfall > 0 ? $", {d.Shortfall} short" : ""));
            var cost = MonthlyCostChange;
            return string.Join("; ", lines) + (cost == null ? "; monthly cost change unknown (a SKU has no price: Set-LicensePrice)" : $"; monthly cost change {cost.Value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)} {Currency}");
        }

        private void Refuse(WorkforceStep step, List<Guid> lacking)
        {
            var parts = new List<string>();
            foreach (var sku in lacking)
            {
                var demand = Demand(sku);
                demand.Shortfall++;
                demand.ShortfallMonthlyCost = demand.MonthlyPrice * demand.Shortfall;
                parts.Add($"{demand.SkuPartNumber}: no seat free" + (demand.MonthlyPrice == null ? "" : $", buying one costs {demand.MonthlyPrice.Value.ToString("0.00", CultureInfo.InvariantCulture)} {demand.Currency} a month"));
            }

            step.Outcome = WorkforceOutcome.Refused;
            step.Detail = $"Refused for want of seats ({string.Join("; ", parts)}); the user keeps what they hold. Buy the seats, then run again.";
        }

        private int Left(Guid sku) => _left.TryGetValue(sku, out var left) ? left : 0;

        private WorkforceSeatDemand Demand(Guid skuId)
        {
            if (!_demand.TryGetValue(skuId, out var demand))
            {
                _skus.TryGetValue(skuId, out var sku);
                _demand[skuId] = demand = new WorkforceSeatDemand
                {
                    SkuId = skuId, SkuPartNumber = sku?.SkuPartNumber ?? skuId.ToString(), Available = sku?.AvailableUnits ?? 0,
                    MonthlyPrice = sku?.MonthlyPrice, Currency = sku?.Currency,
                };
            }

            return demand;
        }

        /// <summary>Fills each SKU's cost change once every step is counted.</summary>
        public void Close()
        {
            foreach (var demand in _demand.Values)
            {
                demand.MonthlyCostChange = demand.MonthlyPrice * (demand.Needed - demand.Freed);
            }
        }
    }
}
