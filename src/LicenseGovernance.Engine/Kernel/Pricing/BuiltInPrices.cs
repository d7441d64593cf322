using System;

namespace LicenseGovernance.Engine.Kernel.Pricing
{
    /// <summary>
    /// Public list prices in USD per user per month on an annual commitment, as in effect on
    /// <see cref="PriceBook.BuiltInPricesAsOf"/>. Each price names the publication it was read from; a SKU whose
    /// current price could not be substantiated is left out rather than guessed (Office 365 E1 and E5 and EMS E3
    /// among them: only their pre-July-2026 prices were found).
    /// </summary>
    internal static class BuiltInPrices
    {
        public static readonly (string SkuId, string PartNumber, decimal Monthly)[] Usd =
        {
            // Microsoft's July 1, 2026 commercial price update (as reported by NPI Financial, "Microsoft's New M365
            // Price Increase Masks a Far Larger Budget Shock"): M365 E5 57 -> 60, E3 36 -> 39, F3 8 -> 10.
            // 60 x 12 is the "USD 720 per E5 seat-year" the project's acceptance scenario uses.
            ("06ebc4ee-1bb5-47dd-8120-11324bc54e06", "SPE_E5", 60.00m),
            ("05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3", 39.00m),
            ("66b55226-6b4f-492c-910c-a3b7a3c9d993", "SPE_F1", 10.00m),
            // Same update, Microsoft 365 F1 2.25 -> 3.00 (tkly.com, "Microsoft 365 Commercial Price Hikes Set for July 2026").
            ("44575883-256e-4a79-9da4-ebe9acabe2b2", "M365_F1", 3.00m),
            // Same update, Office 365 E3 23 -> 26 (servola.de, "Your Microsoft renewal is a sovereignty lever").
            ("6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", 26.00m),
            // Same update, quoting Microsoft's pricing page: Business Basic 6 -> 7, Business Standard 12.50 -> 14,
            // Business Premium unchanged at 22 (lasvegasitservices.com, "Microsoft 365 License Audit Before the July 1 Price Increase").
            ("3b555118-da6a-4418-894f-7df1e2096870", "O365_BUSINESS_ESSENTIALS", 7.00m),
            ("f245ecc8-75af-4f8e-b61f-27d8114de5f3", "O365_BUSINESS_PREMIUM", 14.00m),
            ("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46", "SPB", 22.00m),
            // Raised April 1, 2025: Power BI Pro 10 -> 14, Premium Per User 20 -> 24 (Redress Compliance,
            // "Microsoft Power Platform Licensing Strategy", July 2025); not part of the July 2026 update.
            ("f8a1db68-be16-40ed-86d5-cb42ce701560", "POWER_BI_PRO", 14.00m),
            ("c1d032e0-5619-4761-9b5c-75b6831e1711", "PBI_PREMIUM_PER_USER", 24.00m),
            // Visio Plan 1 at 5 and Plan 2 at 15 (Redress Compliance Visio licensing guides, updated February 2026).
            ("4b244418-9658-4451-a2b8-b5e2b364e9bd", "VISIOONLINE_PLAN1", 5.00m),
            ("c5928f49-12ba-48f7-ada3-0d743a3601d5", "VISIOCLIENT", 15.00m),
            // Free by name in Microsoft's "Product names and service plan identifiers" list ("Microsoft Power Automate
            // Free", "Power BI (free)"): a free SKU costs 0, which is a price, not an unknown one.
            ("f30db892-07e9-47e9-837c-80727f46fd3d", "FLOW_FREE", 0.00m),
            ("a403ebcc-fae0-4ca2-8c8c-7a907fd6c235", "POWER_BI_STANDARD", 0.00m),
        };
    }
}
