using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Usage
{
    /// <summary>
    /// A premium SKU and the cheaper tier of the same family that holds every workload and app the usage reports can see.
    /// Each step stays within its family (Microsoft 365 E5 to E3, Office 365 E5 to E3), so device management and identity
    /// features the reports cannot see either are kept; a step to a frontline or E1 tier would need evidence (mailbox size,
    /// frontline eligibility) these reports do not give.
    /// </summary>
    internal sealed class PremiumTier
    {
        /// <summary>What usage reports can show: the six workloads of getOffice365ActiveUserDetail and the desktop apps.</summary>
        public const string DesktopApps = "Microsoft 365 Apps on Windows or Mac";

        private PremiumTier(string premium, string premiumId, string cheaper, string cheaperId, string[] covers, string[] notVisible)
        {
            PremiumPartNumber = premium;
            PremiumSkuId = Guid.Parse(premiumId);
            CheaperPartNumber = cheaper;
            CheaperSkuId = Guid.Parse(cheaperId);
            Covers = new HashSet<string>(covers, StringComparer.OrdinalIgnoreCase);
            NotVisible = notVisible;
        }

        public string PremiumPartNumber { get; }
        public Guid PremiumSkuId { get; }
        public string CheaperPartNumber { get; }
        public Guid CheaperSkuId { get; }

        /// <summary>Report-visible workloads (and <see cref="DesktopApps"/>) the cheaper tier includes.</summary>
        public IReadOnlyCollection<string> Covers { get; }

        /// <summary>
        /// What the premium SKU adds that no usage report shows, when the plans of both SKUs are not known to compare
        /// (the tenant lacks the cheaper SKU and no catalogue with its plans was imported).
        /// </summary>
        public IReadOnlyList<string> NotVisible { get; }

        private static readonly string[] EveryVisibleWorkload = UsageReportReader.Workloads.Concat(new[] { DesktopApps }).ToArray();

        public static IReadOnlyList<PremiumTier> All { get; } = new[]
        {
            new PremiumTier("SPE_E5", "06ebc4ee-1bb5-47dd-8120-11324bc54e06", "SPE_E3", "05e9a617-0261-4cee-bb44-138d3ef5d965", EveryVisibleWorkload, new[]
            {
                "Microsoft Defender for Office 365 (Plan 2)", "Microsoft Defender for Endpoint (Plan 2)", "Microsoft Defender for Identity",
                "Microsoft Entra ID P2", "Microsoft Purview premium compliance", "Power BI Pro", "Teams Phone System", "Audio Conferencing",
            }),
            new PremiumTier("ENTERPRISEPREMIUM", "c7df2760-2c81-4ef7-b578-5b5392b571df", "ENTERPRISEPACK", "6fd2c87f-b296-42f0-b197-1e91e994b900", EveryVisibleWorkload, new[]
            {
                "Microsoft Defender for Office 365 (Plan 2)", "Microsoft Purview premium compliance", "Power BI Pro", "Teams Phone System", "Audio Conferencing",
            }),
        };

        public static PremiumTier? For(Guid skuId, string partNumber) =>
            All.FirstOrDefault(t => t.PremiumSkuId == skuId || string.Equals(t.PremiumPartNumber, partNumber, StringComparison.OrdinalIgnoreCase));
    }
}
