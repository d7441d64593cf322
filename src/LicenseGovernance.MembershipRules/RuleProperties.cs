using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LicenseGovernance.MembershipRules
{
    /// <summary>The user properties a rule may read.</summary>
    public static class RuleProperties
    {
        private static readonly string[] Strings =
        {
            "department", "jobTitle", "country", "city", "state", "companyName", "displayName", "givenName", "surname",
            "userPrincipalName", "mail", "mailNickname", "usageLocation", "userType", "employeeId", "employeeType",
            "officeLocation", "objectId",
        };

        private static readonly string[] Booleans = { "accountEnabled" };

        // Entra documents the office as physicalDeliveryOfficeName (its directory name); Graph calls it officeLocation.
        // Both spellings are read, and subjects are asked for the Graph name only.
        private static readonly KeyValuePair<string, string>[] Aliases =
        {
            new KeyValuePair<string, string>("physicalDeliveryOfficeName", "officeLocation"),
        };

        private static readonly string[] ExtensionAttributes =
            Enumerable.Range(1, 15).Select(i => "extensionAttribute" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

        private static readonly Dictionary<string, RuleProperty> ByRuleName = BuildLookup();

        /// <summary>Canonical names (camelCase, as <see cref="IRuleSubject.GetValue"/> receives them), for completion and suggestions.</summary>
        public static IReadOnlyList<string> All { get; } = Strings.Concat(Booleans).Concat(ExtensionAttributes).ToArray();

        /// <summary>
        /// User properties Entra's rules accept that this library does not evaluate (collections, dates, directory-only
        /// attributes), and directory extension properties (extension_{appId}_{name}).
        /// </summary>
        public static bool IsEntraOnly(string ruleName) =>
            EntraOnly.Contains(ruleName, StringComparer.OrdinalIgnoreCase) || ruleName.StartsWith("extension_", StringComparison.OrdinalIgnoreCase);

        private static readonly string[] EntraOnly =
        {
            "assignedPlans", "proxyAddresses", "otherMails", "memberOf", "dirSyncEnabled", "employeeHireDate", "employeeOrgData",
            "facsimileTelephoneNumber", "mobile", "onPremisesDistinguishedName", "onPremisesSecurityIdentifier", "passwordPolicies",
            "postalCode", "preferredLanguage", "sipProxyAddress", "streetAddress", "telephoneNumber",
        };

        /// <summary>True for properties whose value is a bool (compared with true or false), false for string properties.</summary>
        public static bool IsBoolean(string property) => Booleans.Contains(property, StringComparer.OrdinalIgnoreCase);

        /// <summary>Finds a property by the name written after <c>user.</c>, ignoring case.</summary>
        internal static bool TryFind(string ruleName, out RuleProperty property) => ByRuleName.TryGetValue(ruleName, out property);

        private static Dictionary<string, RuleProperty> BuildLookup()
        {
            var lookup = new Dictionary<string, RuleProperty>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in Strings.Concat(ExtensionAttributes))
            {
                lookup.Add(name, new RuleProperty(name, isBoolean: false));
            }

            foreach (var name in Booleans)
            {
                lookup.Add(name, new RuleProperty(name, isBoolean: true));
            }

            foreach (var alias in Aliases)
            {
                lookup.Add(alias.Key, lookup[alias.Value]);
            }

            return lookup;
        }
    }

    internal readonly struct RuleProperty
    {
        public RuleProperty(string canonicalName, bool isBoolean)
        {
            CanonicalName = canonicalName;
            IsBoolean = isBoolean;
        }

        public string CanonicalName { get; }

        public bool IsBoolean { get; }
    }
}
