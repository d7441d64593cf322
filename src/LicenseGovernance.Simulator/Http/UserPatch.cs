using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>Validates a partial user body fully before anything changes, then returns the change to apply.</summary>
    internal static class UserPatch
    {
        private static readonly string[] StringProperties =
        {
            "displayName", "givenName", "surname", "jobTitle", "department", "companyName", "country", "city", "officeLocation", "mobilePhone",
            "usageLocation", "employeeId", "employeeType", "mail", "mailNickname", "preferredLanguage", "userType", "userPrincipalName",
        };

        public static Action<SimulatedUser> Read(JsonElement body, SimulatedUser current)
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                throw GraphServiceError.BadRequest("The request body must be a JSON object.");
            }

            var changes = new List<Action<SimulatedUser>>();
            foreach (var property in body.EnumerateObject())
            {
                var name = property.Name;
                var value = property.Value;
                if (StringProperties.Contains(name))
                {
                    var text = String(name, value);
                    if (name == "usageLocation" && text != null && (text.Length != 2 || !text.All(char.IsLetter)))
                    {
                        throw Invalid(name);
                    }

                    if (name == "userType" && text != null && text != "Member" && text != "Guest")
                    {
                        throw Invalid(name);
                    }

                    changes.Add(u => Set(u, name, text));
                }
                else
                {
                    switch (name)
                    {
                        case "accountEnabled":
                            var enabled = value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False ? value.GetBoolean() : throw Invalid(name);
                            changes.Add(u => u.AccountEnabled = enabled);
                            break;
                        case "employeeHireDate":
                            var hire = Date(name, value);
                            changes.Add(u => u.EmployeeHireDate = hire);
                            break;
                        case "employeeLeaveDateTime":
                            var leave = Date(name, value);
                            changes.Add(u => u.EmployeeLeaveDateTime = leave);
                            break;
                        case "businessPhones":
                            var phones = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList() : throw Invalid(name);
                            changes.Add(u => u.BusinessPhones = phones);
                            break;
                        case "onPremisesExtensionAttributes":
                            if (current.OnPremisesSyncEnabled == true)
                            {
                                throw GraphServiceError.BadRequest("Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.");
                            }

                            changes.Add(ExtensionAttributes(value));
                            break;
                        case "passwordProfile":
                        case "@odata.type":
                            break;
                        default:
                            throw GraphServiceError.BadRequest($"Property '{name}' does not exist on type 'microsoft.graph.user' or cannot be written by the simulated tenant.");
                    }
                }
            }

            return u =>
            {
                foreach (var change in changes)
                {
                    change(u);
                }
            };
        }

        private static Action<SimulatedUser> ExtensionAttributes(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("onPremisesExtensionAttributes");
            }

            var updates = new List<(int Index, string? Value)>();
            foreach (var attribute in value.EnumerateObject())
            {
                if (!attribute.Name.StartsWith("extensionAttribute", StringComparison.Ordinal) || !int.TryParse(attribute.Name.Substring(18), out var n) || n < 1 || n > 15)
                {
                    throw Invalid("onPremisesExtensionAttributes");
                }

                var text = String(attribute.Name, attribute.Value);
                if (text != null && text.Length > 1024)
                {
                    throw Invalid(attribute.Name);
                }

                updates.Add((n - 1, text));
            }

            return u =>
            {
                foreach (var (index, text) in updates)
                {
                    u.ExtensionAttributes[index] = text;
                }
            };
        }

        private static string? String(string name, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            // Graph rejects empty strings for most properties; null is how a value is cleared.
            if (value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
            {
                throw Invalid(name);
            }

            return value.GetString();
        }

        private static DateTimeOffset? Date(string name, JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            {
                return date;
            }

            throw Invalid(name);
        }

        private static void Set(SimulatedUser u, string name, string? value)
        {
            switch (name)
            {
                case "displayName": u.DisplayName = value; break;
                case "givenName": u.GivenName = value; break;
                case "surname": u.Surname = value; break;
                case "jobTitle": u.JobTitle = value; break;
                case "department": u.Department = value; break;
                case "companyName": u.CompanyName = value; break;
                case "country": u.Country = value; break;
                case "city": u.City = value; break;
                case "officeLocation": u.OfficeLocation = value; break;
                case "mobilePhone": u.MobilePhone = value; break;
                case "usageLocation": u.UsageLocation = value?.ToUpperInvariant(); break;
                case "employeeId": u.EmployeeId = value; break;
                case "employeeType": u.EmployeeType = value; break;
                case "mail": u.Mail = value; break;
                case "mailNickname": u.MailNickname = value; break;
                case "preferredLanguage": u.PreferredLanguage = value; break;
                case "userType": u.UserType = value ?? "Member"; break;
                case "userPrincipalName": u.UserPrincipalName = value ?? u.UserPrincipalName; break;
            }
        }

        private static GraphServiceError Invalid(string name) => GraphServiceError.BadRequest($"Invalid value specified for property '{name}' of resource 'User'.");
    }

    /// <summary>The assignLicense body shared by users and groups: both arrays required, either may be empty.</summary>
    internal static class LicenseBody
    {
        public static (IReadOnlyList<AssignedLicense> Add, IReadOnlyList<Guid> Remove) Parse(SimRequest request)
        {
            using var doc = GraphJson.ParseBody(request);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("addLicenses", out var add) || add.ValueKind != JsonValueKind.Array)
            {
                throw GraphServiceError.BadRequest("A value is required for property 'addLicenses' of resource 'assignLicense'.");
            }

            if (!root.TryGetProperty("removeLicenses", out var remove) || remove.ValueKind != JsonValueKind.Array)
            {
                throw GraphServiceError.BadRequest("A value is required for property 'removeLicenses' of resource 'assignLicense'.");
            }

            var adds = new List<AssignedLicense>();
            foreach (var item in add.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("skuId", out var sku) || !TryGuid(sku, out var skuId))
                {
                    throw GraphServiceError.BadRequest("Invalid value specified for property 'skuId' of resource 'AssignedLicense'.");
                }

                var disabled = new List<Guid>();
                if (item.TryGetProperty("disabledPlans", out var plans) && plans.ValueKind == JsonValueKind.Array)
                {
                    foreach (var plan in plans.EnumerateArray())
                    {
                        disabled.Add(TryGuid(plan, out var p) ? p : throw GraphServiceError.BadRequest("Invalid value specified for property 'disabledPlans' of resource 'AssignedLicense'."));
                    }
                }

                adds.Add(new AssignedLicense { SkuId = skuId, DisabledPlans = disabled });
            }

            var removes = new List<Guid>();
            foreach (var item in remove.EnumerateArray())
            {
                removes.Add(TryGuid(item, out var id) ? id : throw GraphServiceError.BadRequest("Invalid value specified for property 'removeLicenses' of resource 'assignLicense'."));
            }

            return (adds, removes);
        }

        private static bool TryGuid(JsonElement element, out Guid value)
        {
            value = Guid.Empty;
            return element.ValueKind == JsonValueKind.String && Guid.TryParse(element.GetString(), out value);
        }
    }
}
