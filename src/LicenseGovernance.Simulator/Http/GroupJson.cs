using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    internal static class GroupJson
    {
        public static readonly string[] DefaultProperties =
        {
            "id", "createdDateTime", "description", "displayName", "groupTypes", "mail", "mailEnabled", "mailNickname", "membershipRule",
            "membershipRuleProcessingState", "securityEnabled", "securityIdentifier", "visibility", "isAssignableToRole",
        };

        private static readonly HashSet<string> Known = new HashSet<string>(DefaultProperties.Concat(new[] { "assignedLicenses", "licenseProcessingState", "hasMembersWithLicenseErrors", "onPremisesSyncEnabled" }), StringComparer.Ordinal);

        public static string[] Resolve(string[]? select)
        {
            if (select == null || select.Length == 0 || (select.Length == 1 && select[0] == "*"))
            {
                return DefaultProperties;
            }

            var result = new List<string>();
            foreach (var raw in select)
            {
                var known = Known.FirstOrDefault(k => string.Equals(k, raw, StringComparison.OrdinalIgnoreCase))
                    ?? throw GraphServiceError.BadRequest($"Could not find a property named '{raw}' on type 'microsoft.graph.group'.");
                if (!result.Contains(known))
                {
                    result.Add(known);
                }
            }

            if (!result.Contains("id"))
            {
                result.Add("id");
            }

            return result.ToArray();
        }

        /// <summary>
        /// A $select on a directoryObject collection (members) names properties of several types: a group gets the ones
        /// groups have, and always its id.
        /// </summary>
        public static string[] ResolveForDirectoryObjects(string[]? select)
        {
            if (select == null || select.Length == 0 || (select.Length == 1 && select[0] == "*"))
            {
                return DefaultProperties;
            }

            var known = select.Select(raw => Known.FirstOrDefault(k => string.Equals(k, raw, StringComparison.OrdinalIgnoreCase))).Where(k => k != null).Select(k => k!).Distinct().ToList();
            if (!known.Contains("id"))
            {
                known.Add("id");
            }

            return known.ToArray();
        }

        public static void Write(Utf8JsonWriter w, SimulatedGroup g, string[] properties, bool withODataType = false, string? context = null, bool withExtensions = false)
        {
            w.WriteStartObject();
            if (context != null)
            {
                w.WriteString("@odata.context", context);
            }

            if (withODataType)
            {
                w.WriteString("@odata.type", "#microsoft.graph.group");
            }

            foreach (var p in properties)
            {
                switch (p)
                {
                    case "id": w.WriteString(p, GraphJson.Guid(g.Id)); break;
                    case "createdDateTime": w.WriteString(p, GraphJson.Date(g.CreatedDateTime)); break;
                    case "description": w.WriteString(p, g.Description); break;
                    case "displayName": w.WriteString(p, g.DisplayName); break;
                    case "groupTypes": GraphJson.StringArray(w, p, g.GroupTypes); break;
                    case "mail": w.WriteString(p, g.Mail); break;
                    case "mailEnabled": w.WriteBoolean(p, g.MailEnabled); break;
                    case "mailNickname": w.WriteString(p, g.MailNickname); break;
                    case "membershipRule": w.WriteString(p, g.MembershipRule); break;
                    case "membershipRuleProcessingState": w.WriteString(p, g.MembershipRuleProcessingState); break;
                    case "securityEnabled": w.WriteBoolean(p, g.SecurityEnabled); break;
                    case "securityIdentifier": w.WriteString(p, g.SecurityIdentifier); break;
                    case "visibility": w.WriteString(p, g.Visibility); break;
                    case "isAssignableToRole": w.WriteBoolean(p, g.IsAssignableToRole); break;
                    case "onPremisesSyncEnabled":
                        if (g.OnPremisesSyncEnabled.HasValue)
                        {
                            w.WriteBoolean(p, g.OnPremisesSyncEnabled.Value);
                        }
                        else
                        {
                            w.WriteNull(p);
                        }

                        break;
                    case "assignedLicenses": GraphJson.AssignedLicenses(w, g.AssignedLicenses); break;
                    case "licenseProcessingState":
                        if (g.LicenseProcessingState == null)
                        {
                            w.WriteNull(p);
                        }
                        else
                        {
                            w.WriteStartObject(p);
                            w.WriteString("state", g.LicenseProcessingState);
                            w.WriteEndObject();
                        }

                        break;

                    // Graph accepts it in $filter and $select but never returns a value.
                    case "hasMembersWithLicenseErrors": w.WriteNull(p); break;
                }
            }

            if (withExtensions)
            {
                w.WriteStartArray("extensions");
                foreach (var extension in g.Extensions)
                {
                    ExtensionRoutes.WriteExtension(w, extension, null);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }
    }

    internal static class SkuJson
    {
        public static void Write(Utf8JsonWriter w, SimulatedSku sku, string tenantId, string[]? select)
        {
            bool Want(string name) => select == null || select.Length == 0 || select.Any(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
            w.WriteStartObject();
            if (Want("accountName")) w.WriteString("accountName", "Contoso");
            if (Want("accountId")) w.WriteString("accountId", tenantId);
            if (Want("appliesTo")) w.WriteString("appliesTo", sku.AppliesTo);
            if (Want("capabilityStatus")) w.WriteString("capabilityStatus", sku.CapabilityStatus);
            if (Want("consumedUnits")) w.WriteNumber("consumedUnits", sku.ConsumedUnits);
            w.WriteString("id", tenantId + "_" + GraphJson.Guid(sku.SkuId));
            if (Want("skuId")) w.WriteString("skuId", GraphJson.Guid(sku.SkuId));
            if (Want("skuPartNumber")) w.WriteString("skuPartNumber", sku.SkuPartNumber);
            if (Want("subscriptionIds")) GraphJson.StringArray(w, "subscriptionIds", sku.SubscriptionIds);
            if (Want("prepaidUnits"))
            {
                w.WriteStartObject("prepaidUnits");
                w.WriteNumber("enabled", sku.PrepaidEnabled);
                w.WriteNumber("suspended", sku.PrepaidSuspended);
                w.WriteNumber("warning", sku.PrepaidWarning);
                w.WriteNumber("lockedOut", sku.PrepaidLockedOut);
                w.WriteEndObject();
            }

            if (Want("servicePlans"))
            {
                w.WriteStartArray("servicePlans");
                foreach (var plan in sku.ServicePlans)
                {
                    w.WriteStartObject();
                    w.WriteString("servicePlanId", GraphJson.Guid(plan.ServicePlanId));
                    w.WriteString("servicePlanName", plan.ServicePlanName);
                    w.WriteString("provisioningStatus", plan.ProvisioningStatus);
                    w.WriteString("appliesTo", plan.AppliesTo);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }
    }
}
