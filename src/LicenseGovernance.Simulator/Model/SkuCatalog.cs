using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Simulator.Model
{
    /// <summary>
    /// Real SKUs and service plans (ids from Microsoft's "Product names and service plan identifiers" list), trimmed to
    /// the plans that make licence governance interesting: the workloads people toggle and the plans that conflict.
    /// </summary>
    public static class SkuCatalog
    {
        private static readonly Dictionary<string, (Guid Id, string Name, string Service)> Plans = new (string Name, string Id, string Service)[]
        {
            ("EXCHANGE_S_ENTERPRISE", "efb87545-963c-4e0d-99df-69c6916d9eb0", "exchange"),
            ("EXCHANGE_S_STANDARD", "9aaf7827-d63c-4b61-89c3-182f06f82e5c", "exchange"),
            ("EXCHANGE_S_DESKLESS", "4a82b400-a79f-41a4-b4e2-e94f5787b113", "exchange"),
            ("EXCHANGE_S_FOUNDATION", "113feb6c-3fe4-4440-bddc-54d774bf0318", "exchange"),
            ("SHAREPOINTENTERPRISE", "5dbe027f-2339-4123-9542-606e4d348a72", "SharePoint"),
            ("SHAREPOINTSTANDARD", "c7699d2e-19aa-44de-8edf-1736da088ca1", "SharePoint"),
            ("SHAREPOINTDESKLESS", "902b47e5-dcb2-4fdc-858b-c63a90a2bdb9", "SharePoint"),
            ("SHAREPOINTWAC", "e95bec33-7c88-4a70-8e19-b10bd9d0c014", "SharePoint"),
            ("ONEDRIVE_BASIC", "da792a53-cbc0-4184-a10d-e544dd34b3c1", "SharePoint"),
            ("OFFICESUBSCRIPTION", "43de0ff5-c92c-492b-9116-175376d08c38", "MicrosoftOffice"),
            ("OFFICE_BUSINESS", "094e7854-93fc-4d55-b2c0-3ab5369ebdc1", "MicrosoftOffice"),
            ("TEAMS1", "57ff2da0-773e-42df-b2af-ffb7a2317929", "TeamspaceAPI"),
            ("MCOSTANDARD", "0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "MicrosoftCommunicationsOnline"),
            ("MCOEV", "4828c8ec-dc2e-4779-b502-87ac9ce28ab7", "MicrosoftCommunicationsOnline"),
            ("SWAY", "a23b959c-7ce8-4e57-9140-b90eb88a9e97", "Sway"),
            ("YAMMER_ENTERPRISE", "7547a3fe-08ee-4ccb-b430-5077c5041653", "YammerEnterprise"),
            ("RMS_S_ENTERPRISE", "bea4c11e-220a-4e6d-8eb8-8ea15d019f90", "RMSOnline"),
            ("FORMS_PLAN_E3", "2789c901-c14e-48ab-a76a-be334d9d793a", "OfficeForms"),
            ("FORMS_PLAN_K", "f07046bd-2a3c-4b96-b0be-dea79d7cbfb8", "OfficeForms"),
            ("MICROSOFTBOOKINGS", "199a5c09-e0ca-4e37-8f7c-b05d533e1ea2", "MicrosoftOffice"),
            ("PROJECTWORKMANAGEMENT", "b737dad2-2f6c-4c65-90e3-ca563267e8b9", "ProjectWorkManagement"),
            ("AAD_PREMIUM", "41781fb2-bc02-4b7c-bd55-b576c07bb09d", "AADPremiumService"),
            ("AAD_PREMIUM_P2", "eec0eb4f-6444-4f95-aba0-50c24d67f998", "AADPremiumService"),
            ("INTUNE_A", "c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "SCO"),
            ("ATP_ENTERPRISE", "f20fedf3-f3c3-43c3-8267-2bfdd51c0939", "exchange"),
            ("THREAT_INTELLIGENCE", "8e0c0a52-6a6c-4d40-8370-dd62790dcd70", "exchange"),
            ("WINDEFATP", "871d91ec-ec1a-452b-a83f-bd76c7d770ef", "WindowsDefenderATP"),
            ("BI_AZURE_P2", "70d33638-9c74-4d01-bfd3-562de28bd4ba", "PowerBI"),
            ("VISIO_CLIENT_SUBSCRIPTION", "663a804f-1c30-4ff0-9915-9db84f0d1cea", "Visio"),
            ("VISIOONLINE", "2bdbaf8f-738f-4ac7-9234-3c3ee2ce7d0f", "SharePoint"),
            ("FLOW_P2_VIRAL", "50e68c76-46c6-4674-81f9-75456511b170", "ProcessSimple"),
            ("DYN365_CDS_VIRAL", "17ab22cd-a0b3-4536-910a-cb6eb12696c0", "CRM"),
        }.ToDictionary(p => p.Name, p => (Guid.Parse(p.Id), p.Name, p.Service), StringComparer.Ordinal);

        private static readonly (string PartNumber, string SkuId, string[] Plans)[] Skus =
        {
            ("ENTERPRISEPACK", "6fd2c87f-b296-42f0-b197-1e91e994b900", new[] { "EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "SHAREPOINTWAC", "OFFICESUBSCRIPTION", "TEAMS1", "MCOSTANDARD", "SWAY", "YAMMER_ENTERPRISE", "RMS_S_ENTERPRISE", "FORMS_PLAN_E3", "MICROSOFTBOOKINGS", "PROJECTWORKMANAGEMENT" }),
            ("ENTERPRISEPREMIUM", "c7df2760-2c81-4ef7-b578-5b5392b571df", new[] { "EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "SHAREPOINTWAC", "OFFICESUBSCRIPTION", "TEAMS1", "MCOSTANDARD", "MCOEV", "SWAY", "YAMMER_ENTERPRISE", "ATP_ENTERPRISE", "THREAT_INTELLIGENCE", "BI_AZURE_P2", "FORMS_PLAN_E3", "MICROSOFTBOOKINGS" }),
            ("SPE_E3", "05e9a617-0261-4cee-bb44-138d3ef5d965", new[] { "EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "SHAREPOINTWAC", "OFFICESUBSCRIPTION", "TEAMS1", "MCOSTANDARD", "SWAY", "YAMMER_ENTERPRISE", "RMS_S_ENTERPRISE", "FORMS_PLAN_E3", "AAD_PREMIUM", "INTUNE_A", "PROJECTWORKMANAGEMENT" }),
            ("SPE_E5", "06ebc4ee-1bb5-47dd-8120-11324bc54e06", new[] { "EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "SHAREPOINTWAC", "OFFICESUBSCRIPTION", "TEAMS1", "MCOSTANDARD", "MCOEV", "SWAY", "YAMMER_ENTERPRISE", "RMS_S_ENTERPRISE", "ATP_ENTERPRISE", "THREAT_INTELLIGENCE", "WINDEFATP", "BI_AZURE_P2", "AAD_PREMIUM", "AAD_PREMIUM_P2", "INTUNE_A" }),
            ("SPE_F1", "66b55226-6b4f-492c-910c-a3b7a3c9d993", new[] { "EXCHANGE_S_DESKLESS", "SHAREPOINTDESKLESS", "SHAREPOINTWAC", "TEAMS1", "RMS_S_ENTERPRISE", "FORMS_PLAN_K", "MICROSOFTBOOKINGS", "PROJECTWORKMANAGEMENT", "AAD_PREMIUM", "INTUNE_A" }),
            ("SPB", "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46", new[] { "EXCHANGE_S_STANDARD", "SHAREPOINTSTANDARD", "SHAREPOINTWAC", "OFFICE_BUSINESS", "TEAMS1", "MCOSTANDARD", "SWAY", "YAMMER_ENTERPRISE", "RMS_S_ENTERPRISE", "ATP_ENTERPRISE", "AAD_PREMIUM", "INTUNE_A" }),
            ("POWER_BI_PRO", "f8a1db68-be16-40ed-86d5-cb42ce701560", new[] { "EXCHANGE_S_FOUNDATION", "BI_AZURE_P2" }),
            ("VISIOCLIENT", "c5928f49-12ba-48f7-ada3-0d743a3601d5", new[] { "EXCHANGE_S_FOUNDATION", "ONEDRIVE_BASIC", "VISIO_CLIENT_SUBSCRIPTION", "VISIOONLINE" }),
            ("FLOW_FREE", "f30db892-07e9-47e9-837c-80727f46fd3d", new[] { "EXCHANGE_S_FOUNDATION", "FLOW_P2_VIRAL", "DYN365_CDS_VIRAL" }),
        };

        // Mailbox plans of different sizes cannot coexist on one user; that is the classic MutuallyExclusiveViolation.
        private static readonly Guid[][] ExclusiveFamilies =
        {
            new[] { PlanId("EXCHANGE_S_ENTERPRISE"), PlanId("EXCHANGE_S_STANDARD"), PlanId("EXCHANGE_S_DESKLESS") },
        };

        // Office for the web runs on SharePoint; disabling every SharePoint plan while keeping it is a DependencyViolation.
        private static readonly (Guid Plan, Guid[] AnyOf)[] Dependencies =
        {
            (PlanId("SHAREPOINTWAC"), new[] { PlanId("SHAREPOINTENTERPRISE"), PlanId("SHAREPOINTSTANDARD"), PlanId("SHAREPOINTDESKLESS") }),
        };

        public static IReadOnlyList<string> PartNumbers { get; } = Skus.Select(s => s.PartNumber).ToArray();

        public static Guid SkuId(string partNumber) => Guid.Parse(Find(partNumber).SkuId);

        public static Guid PlanId(string servicePlanName)
        {
            if (!Plans.TryGetValue(servicePlanName, out var plan))
            {
                throw new ArgumentException($"'{servicePlanName}' is not a service plan the simulator knows.", nameof(servicePlanName));
            }

            return plan.Id;
        }

        /// <summary>A fresh SKU object for a known part number, with its real skuId and service plans.</summary>
        public static SimulatedSku Create(string partNumber, int prepaidUnits)
        {
            var entry = Find(partNumber);
            var sku = new SimulatedSku
            {
                SkuId = Guid.Parse(entry.SkuId),
                SkuPartNumber = entry.PartNumber,
                PrepaidEnabled = prepaidUnits,
            };
            foreach (var name in entry.Plans)
            {
                var plan = Plans[name];
                sku.ServicePlans.Add(new SimulatedServicePlan { ServicePlanId = plan.Id, ServicePlanName = plan.Name, Service = plan.Service });
            }

            return sku;
        }

        /// <summary>Whether a plan gives the user an Exchange mailbox, which needs proxy addresses unique in the tenant.</summary>
        internal static bool IsMailboxPlan(Guid planId) => Array.IndexOf(ExclusiveFamilies[0], planId) >= 0;

        /// <summary>The first licensing rule that a set of enabled plans breaks, or null.</summary>
        internal static PlanConflict? FindConflict(ICollection<Guid> enabledPlans)
        {
            foreach (var family in ExclusiveFamilies)
            {
                var present = family.Where(enabledPlans.Contains).ToArray();
                if (present.Length > 1)
                {
                    return new PlanConflict("MutuallyExclusiveViolation",
                        $"License assignment failed because service plans {present[0]},{present[1]} are mutually exclusive.");
                }
            }

            foreach (var (plan, anyOf) in Dependencies)
            {
                if (enabledPlans.Contains(plan) && !anyOf.Any(enabledPlans.Contains))
                {
                    return new PlanConflict("DependencyViolation",
                        $"License assignment failed because service plan {plan} depends on the service plan(s) {string.Join(",", anyOf)}.");
                }
            }

            return null;
        }

        private static (string PartNumber, string SkuId, string[] Plans) Find(string partNumber)
        {
            foreach (var sku in Skus)
            {
                if (string.Equals(sku.PartNumber, partNumber, StringComparison.OrdinalIgnoreCase))
                {
                    return sku;
                }
            }

            throw new ArgumentException($"'{partNumber}' is not a SKU the simulator knows. Known: {string.Join(", ", Skus.Select(s => s.PartNumber))}.", nameof(partNumber));
        }
    }

    internal sealed class PlanConflict
    {
        public PlanConflict(string errorKind, string message)
        {
            ErrorKind = errorKind;
            Message = message;
        }

        /// <summary>The licenseAssignmentState.error value group-based licensing records.</summary>
        public string ErrorKind { get; }

        /// <summary>The 400 message a direct assignLicense returns.</summary>
        public string Message { get; }
    }
}
