using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>Writes users with Graph's projection rules: default set without $select, unselected properties left out.</summary>
    internal static class UserJson
    {
        public static readonly string[] DefaultProperties =
        {
            "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id",
        };

        private static readonly HashSet<string> Known = new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "userPrincipalName", "displayName", "givenName", "surname", "mail", "mailNickname", "jobTitle", "department", "companyName",
            "country", "city", "officeLocation", "mobilePhone", "businessPhones", "preferredLanguage", "usageLocation", "accountEnabled",
            "userType", "employeeId", "employeeType", "employeeHireDate", "employeeLeaveDateTime", "createdDateTime", "onPremisesSyncEnabled",
            "onPremisesExtensionAttributes", "assignedLicenses", "assignedPlans", "licenseAssignmentStates", "signInActivity",
            "signInSessionsValidFromDateTime", "proxyAddresses",
        };

        // Graph serves these only for a single user; on /users they are 501 (graph-contract §0).
        private static readonly HashSet<string> SingleEntityOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "aboutMe", "birthday", "hireDate", "interests", "mailboxSettings", "mySite", "pastProjects", "preferredName", "responsibilities", "schools", "skills",
        };

        private static readonly HashSet<string> BasicProperties = new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "displayName", "givenName", "surname", "mail", "userPrincipalName", "businessPhones", "jobTitle", "mobilePhone", "officeLocation", "preferredLanguage",
        };

        /// <summary>Resolves $select to Graph's canonical property names, rejecting unknown ones.</summary>
        public static string[] Resolve(string[]? select, bool collection)
        {
            if (select == null || select.Length == 0 || (select.Length == 1 && select[0] == "*"))
            {
                return DefaultProperties;
            }

            var result = new List<string>();
            foreach (var raw in select)
            {
                if (SingleEntityOnly.Contains(raw) && collection)
                {
                    throw new GraphServiceError(501, "NotImplemented", $"This operation target is not yet supported. Property '{raw}' can only be selected on a single user.");
                }

                var known = Known.FirstOrDefault(k => string.Equals(k, raw, StringComparison.OrdinalIgnoreCase));
                if (known == null)
                {
                    throw GraphServiceError.BadRequest($"Could not find a property named '{raw}' on type 'microsoft.graph.user'.");
                }

                if (!result.Contains(known))
                {
                    result.Add(known);
                }
            }

            // Graph always returns the key, even when $select leaves it out.
            if (!result.Contains("id"))
            {
                result.Add("id");
            }

            return result.ToArray();
        }

        public static bool OnlyBasic(string[] properties) => properties.All(BasicProperties.Contains);

        /// <summary>Enforces the extra permissions and licences that some selected properties need.</summary>
        public static void CheckSelection(RequestContext ctx, string[] properties)
        {
            ctx.RequirePermission(OnlyBasic(properties) && !ctx.Token.HasAny(Permissions.UserRead) && ctx.Token.UserPrincipalName != null ? Permissions.UserReadBasic : Permissions.UserRead);
            if (properties.Contains("signInActivity"))
            {
                RequireSignInActivityAccess(ctx);
            }

            if (properties.Contains("employeeLeaveDateTime"))
            {
                ctx.RequirePermission(Permissions.LifeCycleRead);
            }
        }

        public static void RequireSignInActivityAccess(RequestContext ctx)
        {
            if (!ctx.Tenant.Options.TenantHasEntraP1)
            {
                throw new GraphServiceError(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "Neither tenant is B2C or tenant doesn't have premium license");
            }

            ctx.RequirePermission(Permissions.AuditLogRead);
        }

        public static void Write(Utf8JsonWriter w, SimulatedUser u, string[] properties, TenantStore store, bool withODataType = false, string? context = null)
        {
            w.WriteStartObject();
            if (context != null)
            {
                w.WriteString("@odata.context", context);
            }

            if (withODataType)
            {
                w.WriteString("@odata.type", "#microsoft.graph.user");
            }

            foreach (var p in properties)
            {
                WriteProperty(w, u, p, store);
            }

            w.WriteEndObject();
        }

        private static void WriteProperty(Utf8JsonWriter w, SimulatedUser u, string p, TenantStore store)
        {
            switch (p)
            {
                case "id": w.WriteString(p, GraphJson.Guid(u.Id)); break;
                case "userPrincipalName": w.WriteString(p, u.UserPrincipalName); break;
                case "displayName": w.WriteString(p, u.DisplayName); break;
                case "givenName": w.WriteString(p, u.GivenName); break;
                case "surname": w.WriteString(p, u.Surname); break;
                case "mail": w.WriteString(p, u.Mail); break;
                case "mailNickname": w.WriteString(p, u.MailNickname); break;
                case "jobTitle": w.WriteString(p, u.JobTitle); break;
                case "department": w.WriteString(p, u.Department); break;
                case "companyName": w.WriteString(p, u.CompanyName); break;
                case "country": w.WriteString(p, u.Country); break;
                case "city": w.WriteString(p, u.City); break;
                case "officeLocation": w.WriteString(p, u.OfficeLocation); break;
                case "mobilePhone": w.WriteString(p, u.MobilePhone); break;
                case "businessPhones": GraphJson.StringArray(w, p, u.BusinessPhones); break;
                case "proxyAddresses": GraphJson.StringArray(w, p, u.Mail == null ? Array.Empty<string>() : new[] { "SMTP:" + u.Mail }); break;
                case "preferredLanguage": w.WriteString(p, u.PreferredLanguage); break;
                case "usageLocation": w.WriteString(p, u.UsageLocation); break;
                case "accountEnabled": w.WriteBoolean(p, u.AccountEnabled); break;
                case "userType": w.WriteString(p, u.UserType); break;
                case "employeeId": w.WriteString(p, u.EmployeeId); break;
                case "employeeType": w.WriteString(p, u.EmployeeType); break;
                case "employeeHireDate": GraphJson.DateOrNull(w, p, u.EmployeeHireDate); break;
                case "employeeLeaveDateTime": GraphJson.DateOrNull(w, p, u.EmployeeLeaveDateTime); break;
                case "createdDateTime": GraphJson.DateOrNull(w, p, u.CreatedDateTime); break;
                case "signInSessionsValidFromDateTime": GraphJson.DateOrNull(w, p, u.SignInSessionsValidFromDateTime); break;
                case "onPremisesSyncEnabled":
                    if (u.OnPremisesSyncEnabled.HasValue)
                    {
                        w.WriteBoolean(p, u.OnPremisesSyncEnabled.Value);
                    }
                    else
                    {
                        w.WriteNull(p);
                    }

                    break;
                case "onPremisesExtensionAttributes":
                    w.WriteStartObject(p);
                    for (var i = 0; i < 15; i++)
                    {
                        w.WriteString("extensionAttribute" + (i + 1), i < u.ExtensionAttributes.Length ? u.ExtensionAttributes[i] : null);
                    }

                    w.WriteEndObject();
                    break;
                case "assignedLicenses": GraphJson.AssignedLicenses(w, UserLicensing.AssignedLicenses(u)); break;
                case "assignedPlans":
                    w.WriteStartArray(p);
                    foreach (var plan in UserLicensing.AssignedPlans(u, store))
                    {
                        w.WriteStartObject();
                        w.WriteString("assignedDateTime", GraphJson.Date(plan.AssignedDateTime));
                        w.WriteString("capabilityStatus", plan.CapabilityStatus);
                        w.WriteString("service", plan.Service);
                        w.WriteString("servicePlanId", GraphJson.Guid(plan.ServicePlanId));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    break;
                case "licenseAssignmentStates":
                    w.WriteStartArray(p);
                    foreach (var s in u.LicenseAssignmentStates)
                    {
                        w.WriteStartObject();
                        if (s.AssignedByGroup.HasValue)
                        {
                            w.WriteString("assignedByGroup", GraphJson.Guid(s.AssignedByGroup.Value));
                        }
                        else
                        {
                            w.WriteNull("assignedByGroup");
                        }

                        GraphJson.GuidArray(w, "disabledPlans", s.DisabledPlans);
                        w.WriteString("error", s.Error ?? "None");
                        GraphJson.DateOrNull(w, "lastUpdatedDateTime", s.LastUpdatedDateTime);
                        w.WriteString("skuId", GraphJson.Guid(s.SkuId));
                        w.WriteString("state", s.State);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    break;
                case "signInActivity":
                    // Never-signed-in users have no signInActivity at all, not a null one.
                    if (u.SignInActivity != null)
                    {
                        var a = u.SignInActivity;
                        w.WriteStartObject(p);
                        GraphJson.DateOrNull(w, "lastSignInDateTime", a.LastSignInDateTime);
                        w.WriteString("lastSignInRequestId", a.LastSignInRequestId);
                        GraphJson.DateOrNull(w, "lastNonInteractiveSignInDateTime", a.LastNonInteractiveSignInDateTime);
                        w.WriteString("lastNonInteractiveSignInRequestId", a.LastNonInteractiveSignInRequestId);
                        GraphJson.DateOrNull(w, "lastSuccessfulSignInDateTime", a.LastSuccessfulSignInDateTime);
                        w.WriteString("lastSuccessfulSignInRequestId", a.LastSuccessfulSignInRequestId);
                        w.WriteEndObject();
                    }

                    break;
            }
        }
    }
}
