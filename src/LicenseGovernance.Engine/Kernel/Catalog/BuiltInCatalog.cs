using System;

namespace LicenseGovernance.Engine.Kernel.Catalog
{
    /// <summary>
    /// The SKUs and service plans most tenants have, so names show before anyone imports Microsoft's CSV.
    /// Ids, codes and names are as in "Product names and service plan identifiers for licensing" (October 2024);
    /// a test checks every entry against that file. Copilot is left out because that copy does not list it yet.
    /// </summary>
    internal static class BuiltInCatalog
    {
        public static readonly (string SkuId, string PartNumber, string ProductName)[] Skus =
        {
            ("18181a46-0d4e-45cd-891e-60aabd171b4e", "STANDARDPACK", "Office 365 E1"),
            ("6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", "Office 365 E3"),
            ("c7df2760-2c81-4ef7-b578-5b5392b571df", "ENTERPRISEPREMIUM", "Office 365 E5"),
            ("4b585984-651b-448a-9e53-3b10f069cf7f", "DESKLESSPACK", "Office 365 F3"),
            ("05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3", "Microsoft 365 E3"),
            ("06ebc4ee-1bb5-47dd-8120-11324bc54e06", "SPE_E5", "Microsoft 365 E5"),
            ("44575883-256e-4a79-9da4-ebe9acabe2b2", "M365_F1", "Microsoft 365 F1"),
            ("66b55226-6b4f-492c-910c-a3b7a3c9d993", "SPE_F1", "Microsoft 365 F3"),
            ("3b555118-da6a-4418-894f-7df1e2096870", "O365_BUSINESS_ESSENTIALS", "Microsoft 365 Business Basic"),
            ("f245ecc8-75af-4f8e-b61f-27d8114de5f3", "O365_BUSINESS_PREMIUM", "Microsoft 365 Business Standard"),
            ("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46", "SPB", "Microsoft 365 Business Premium"),
            ("cdd28e44-67e3-425e-be4c-737fab2899d3", "O365_BUSINESS", "Microsoft 365 Apps for Business"),
            ("c2273bd0-dff7-4215-9ef5-2c7bcfb06425", "OFFICESUBSCRIPTION", "Microsoft 365 Apps for Enterprise"),
            ("26124093-3d78-432b-b5dc-48bf992543d5", "IDENTITY_THREAT_PROTECTION", "Microsoft 365 E5 Security"),
            ("efccb6f7-5641-4e0e-bd10-b4976e1bf68e", "EMS", "Enterprise Mobility + Security E3"),
            ("b05e124f-c7cc-45a0-a6aa-8cf78c946968", "EMSPREMIUM", "Enterprise Mobility + Security E5"),
            ("078d2b04-f1bd-4111-bbd4-b4b1b354cef4", "AAD_PREMIUM", "Azure Active Directory Premium P1"),
            ("84a661c4-e949-4bd2-a560-ed7766fcaf2b", "AAD_PREMIUM_P2", "Azure Active Directory Premium P2"),
            ("061f9ace-7d42-4136-88ac-31dc755f143f", "INTUNE_A", "Intune"),
            ("4ef96642-f096-40de-a3e9-d83fb2f90211", "ATP_ENTERPRISE", "Microsoft Defender for Office 365 (Plan 1)"),
            ("3dd6cf57-d688-4eed-ba52-9e40b5468c3e", "THREAT_INTELLIGENCE", "Microsoft Defender for Office 365 (Plan 2)"),
            ("4b9405b0-7788-4568-add1-99614e613b69", "EXCHANGESTANDARD", "Exchange Online (Plan 1)"),
            ("19ec0d23-8335-4cbd-94ac-6050e30712fa", "EXCHANGEENTERPRISE", "Exchange Online (Plan 2)"),
            ("f8a1db68-be16-40ed-86d5-cb42ce701560", "POWER_BI_PRO", "Power BI Pro"),
            ("c1d032e0-5619-4761-9b5c-75b6831e1711", "PBI_PREMIUM_PER_USER", "Power BI Premium Per User"),
            ("a403ebcc-fae0-4ca2-8c8c-7a907fd6c235", "POWER_BI_STANDARD", "Power BI (free)"),
            ("4a51bf65-409c-4a91-b845-1121b571cc9d", "FLOW_PER_USER", "Power Automate per user plan"),
            ("f30db892-07e9-47e9-837c-80727f46fd3d", "FLOW_FREE", "Microsoft Power Automate Free"),
            ("4b244418-9658-4451-a2b8-b5e2b364e9bd", "VISIOONLINE_PLAN1", "Visio Online Plan 1"),
            ("c5928f49-12ba-48f7-ada3-0d743a3601d5", "VISIOCLIENT", "Visio Online Plan 2"),
            ("ca7f3140-d88c-455b-9a1c-7f0679e31a76", "VISIO_PLAN1_DEPT", "Visio Plan 1"),
            ("38b434d2-a15e-4cde-9a98-e737c75623e1", "VISIO_PLAN2_DEPT", "Visio Plan 2"),
            ("beb6439c-caad-48d3-bf46-0c82871e12be", "PROJECT_P1", "Project Plan 1"),
            ("53818b1b-4a27-454b-8896-0dba576410e6", "PROJECTPROFESSIONAL", "Project Plan 3"),
            ("09015f9f-377f-4538-bbb5-f75ceb09358a", "PROJECTPREMIUM", "Project Online Premium"),
            ("fde42873-30b6-436b-b361-21af5a6b84ae", "Teams_Ess", "Microsoft Teams Essentials"),
            ("3ab6abff-666f-4424-bfb7-f0bc274ec7bc", "TEAMS_ESSENTIALS_AAD", "Microsoft Teams Essentials (AAD Identity)"),
            ("36a0f3b3-adb5-49ea-bf66-762134cf063a", "Microsoft_Teams_Premium", "Microsoft Teams Premium Introductory Pricing"),
            ("710779e8-3d4a-4c88-adb9-386c958d1fdf", "TEAMS_EXPLORATORY", "Microsoft Teams Exploratory"),
            ("6a0f6da5-0b87-4190-a6ae-9bb5a2b9546a", "WIN10_VDA_E3", "Windows 10/11 Enterprise E3"),
            ("488ba24a-39a9-4473-8ee5-19291e71b002", "WIN10_VDA_E5", "Windows 10/11 Enterprise E5"),
        };

        public static readonly (string ServicePlanId, string ServicePlanName, string FriendlyName)[] ServicePlans =
        {
            ("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "EXCHANGE_S_STANDARD", "Exchange Online (Plan 1)"),
            ("efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE", "Exchange Online (Plan 2)"),
            ("113feb6c-3fe4-4440-bddc-54d774bf0318", "EXCHANGE_S_FOUNDATION", "Exchange Foundation"),
            ("c7699d2e-19aa-44de-8edf-1736da088ca1", "SHAREPOINTSTANDARD", "SharePoint (Plan 1)"),
            ("5dbe027f-2339-4123-9542-606e4d348a72", "SHAREPOINTENTERPRISE", "SharePoint (Plan 2)"),
            ("e95bec33-7c88-4a70-8e19-b10bd9d0c014", "SHAREPOINTWAC", "Office for the Web"),
            ("57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1", "Microsoft Teams"),
            ("43de0ff5-c92c-492b-9116-175376d08c38", "OFFICESUBSCRIPTION", "Microsoft 365 Apps for Enterprise"),
            ("7547a3fe-08ee-4ccb-b430-5077c5041653", "YAMMER_ENTERPRISE", "Yammer Enterprise"),
            ("159f4cd6-e380-449f-a816-af1a9ef76344", "FORMS_PLAN_E1", "Microsoft Forms (Plan E1)"),
            ("2789c901-c14e-48ab-a76a-be334d9d793a", "FORMS_PLAN_E3", "Microsoft Forms (Plan E3)"),
            ("e212cbc7-0961-4c40-9825-01117710dcb1", "FORMS_PLAN_E5", "Microsoft Forms (Plan E5)"),
            ("b737dad2-2f6c-4c65-90e3-ca563267e8b9", "PROJECTWORKMANAGEMENT", "Microsoft Planner"),
            ("a23b959c-7ce8-4e57-9140-b90eb88a9e97", "SWAY", "Sway"),
            ("9e700747-8b1d-45e5-ab8d-ef187ceec156", "STREAM_O365_E3", "Microsoft Stream for Office 365 E3"),
            ("6c6042f5-6f01-4d67-b8c1-eb99d36eed3e", "STREAM_O365_E5", "Microsoft Stream for Office 365 E5"),
            ("70d33638-9c74-4d01-bfd3-562de28bd4ba", "BI_AZURE_P2", "Power BI Pro"),
            ("c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "INTUNE_A", "Microsoft Intune"),
            ("41781fb2-bc02-4b7c-bd55-b576c07bb09d", "AAD_PREMIUM", "Azure Active Directory Premium P1"),
            ("eec0eb4f-6444-4f95-aba0-50c24d67f998", "AAD_PREMIUM_P2", "Azure Active Directory Premium P2"),
            ("8a256a2b-b617-496d-b51b-e76466e88db0", "MFA_PREMIUM", "Microsoft Azure Multi-Factor Authentication"),
            ("f20fedf3-f3c3-43c3-8267-2bfdd51c0939", "ATP_ENTERPRISE", "Microsoft Defender for Office 365 (Plan 1)"),
            ("8e0c0a52-6a6c-4d40-8370-dd62790dcd70", "THREAT_INTELLIGENCE", "Microsoft Defender for Office 365 (Plan 2)"),
            ("871d91ec-ec1a-452b-a83f-bd76c7d770ef", "WINDEFATP", "Microsoft Defender for Endpoint"),
            ("2e2ddb96-6af9-4b1d-a3f0-d6ecfd22edb2", "ADALLOM_S_STANDALONE", "Microsoft Defender for Cloud Apps"),
            ("199a5c09-e0ca-4e37-8f7c-b05d533e1ea2", "MICROSOFTBOOKINGS", "Microsoft Bookings"),
            ("c87f142c-d1e9-4363-8630-aaea9c4d9ae5", "BPOS_S_TODO_2", "To-Do (Plan 2)"),
            ("3fb82609-8c27-4f7b-bd51-30634711ee67", "BPOS_S_TODO_3", "To-Do (Plan 3)"),
            ("94a54592-cd8b-425e-87c6-97868b000b91", "WHITEBOARD_PLAN2", "Whiteboard (Plan 2)"),
            ("4a51bca5-1eff-43f5-878c-177680f191af", "WHITEBOARD_PLAN3", "Whiteboard (Plan 3)"),
            ("c68f8d98-5534-41c8-bf36-22fa496fa792", "POWERAPPS_O365_P2", "Power Apps for Office 365"),
            ("9c0dab89-a30c-4117-86e7-97bda240acd2", "POWERAPPS_O365_P3", "Power Apps for Office 365 (Plan 3)"),
            ("76846ad7-7776-4c40-a281-a386362dd1b9", "FLOW_O365_P2", "Power Automate for Office 365"),
            ("07699545-9485-468e-95b6-2fca3738be01", "FLOW_O365_P3", "Power Automate for Office 365"),
            ("bea4c11e-220a-4e6d-8eb8-8ea15d019f90", "RMS_S_ENTERPRISE", "Azure Rights Management"),
            ("6c57d4b6-3b23-47a5-9bc9-69f17b4947b3", "RMS_S_PREMIUM", "Azure Information Protection Premium P1"),
            ("5689bec4-755d-4753-8b61-40975025187c", "RMS_S_PREMIUM2", "Azure Information Protection Premium P2"),
            ("5136a095-5cf0-4aff-bec3-e84448b38ea5", "MIP_S_CLP1", "Information Protection for Office 365 - Standard"),
            ("0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "MCOSTANDARD", "Skype for Business Online (Plan 2)"),
            ("4828c8ec-dc2e-4779-b502-87ac9ce28ab7", "MCOEV", "Microsoft 365 Phone System"),
            ("3e26ee1f-8a5f-4d52-aee2-b81ce45c8f40", "MCOMEETADV", "Microsoft 365 Audio Conferencing"),
        };
    }
}
