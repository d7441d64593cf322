using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>Which Exchange Online plans of a SKU give the user a mailbox: removing such a licence disconnects it.</summary>
    internal static class MailboxPlans
    {
        /// <summary>EXCHANGE_S_FOUNDATION ships in many non-mail SKUs (Power BI, Flow) and holds no mailbox.</summary>
        public static bool IsMailboxPlan(string planName) =>
            planName.StartsWith("EXCHANGE_S_", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(planName, "EXCHANGE_S_FOUNDATION", StringComparison.OrdinalIgnoreCase);

        /// <summary>The mailbox plans of the SKU that at least one source leaves on for the user.</summary>
        public static string[] Enabled(LicenseSku sku, IReadOnlyList<ZombieLicenseSource> sources) =>
            sku.ServicePlans
                .Where(p => IsMailboxPlan(p.ServicePlanName))
                .Where(p => sources.Count == 0 || sources.Any(s => !s.DisabledPlans.Contains(p.ServicePlanId)))
                .Select(p => p.ServicePlanName)
                .ToArray();

        /// <summary>The mailbox plans of the SKU that at least one of the user's licence states leaves on.</summary>
        public static string[] Enabled(LicenseSku sku, IEnumerable<LicenseState> states) =>
            Enabled(sku, states.Select(s => new ZombieLicenseSource { DisabledPlans = LicenseStates.Plans(s.DisabledPlans).ToArray() }).ToList());
    }
}
