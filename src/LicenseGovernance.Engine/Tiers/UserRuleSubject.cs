using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.MembershipRules;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Tiers
{
    /// <summary>A Graph user as a membership rule reads it, so previews evaluate rules exactly as the shared rule library does.</summary>
    internal sealed class UserRuleSubject : IRuleSubject
    {
        private static readonly Dictionary<string, (string Select, Func<User, object?> Read)> Map = BuildMap();

        private readonly User _user;

        public UserRuleSubject(User user)
        {
            _user = user;
        }

        public object? GetValue(string property) =>
            Map.TryGetValue(property, out var entry) ? entry.Read(_user) : throw new ArgumentException("The rule property '" + property + "' has no Graph user property.", nameof(property));

        /// <summary>The Graph $select names a rule needs (extension attributes all live in onPremisesExtensionAttributes).</summary>
        public static IEnumerable<string> SelectFor(MembershipRule rule) =>
            rule.Properties.Select(p => Map.TryGetValue(p, out var entry) ? entry.Select : throw new ArgumentException("The rule property '" + p + "' has no Graph user property.", nameof(rule))).Distinct();

        private static Dictionary<string, (string, Func<User, object?>)> BuildMap()
        {
            var map = new Dictionary<string, (string, Func<User, object?>)>(StringComparer.OrdinalIgnoreCase)
            {
                ["department"] = ("department", u => u.Department),
                ["jobTitle"] = ("jobTitle", u => u.JobTitle),
                ["country"] = ("country", u => u.Country),
                ["city"] = ("city", u => u.City),
                ["state"] = ("state", u => u.State),
                ["companyName"] = ("companyName", u => u.CompanyName),
                ["displayName"] = ("displayName", u => u.DisplayName),
                ["givenName"] = ("givenName", u => u.GivenName),
                ["surname"] = ("surname", u => u.Surname),
                ["userPrincipalName"] = ("userPrincipalName", u => u.UserPrincipalName),
                ["mail"] = ("mail", u => u.Mail),
                ["mailNickname"] = ("mailNickname", u => u.MailNickname),
                ["usageLocation"] = ("usageLocation", u => u.UsageLocation),
                ["userType"] = ("userType", u => u.UserType),
                ["employeeId"] = ("employeeId", u => u.EmployeeId),
                ["employeeType"] = ("employeeType", u => u.EmployeeType),
                ["officeLocation"] = ("officeLocation", u => u.OfficeLocation),
                ["objectId"] = ("id", u => u.Id),
                ["accountEnabled"] = ("accountEnabled", u => u.AccountEnabled),
            };

            for (var i = 1; i <= 15; i++)
            {
                var n = i;
                map["extensionAttribute" + n] = ("onPremisesExtensionAttributes", u => ExtensionAttribute(u.OnPremisesExtensionAttributes, n));
            }

            return map;
        }

        private static string? ExtensionAttribute(OnPremisesExtensionAttributes? a, int n)
        {
            if (a == null)
            {
                return null;
            }

            switch (n)
            {
                case 1: return a.ExtensionAttribute1;
                case 2: return a.ExtensionAttribute2;
                case 3: return a.ExtensionAttribute3;
                case 4: return a.ExtensionAttribute4;
                case 5: return a.ExtensionAttribute5;
                case 6: return a.ExtensionAttribute6;
                case 7: return a.ExtensionAttribute7;
                case 8: return a.ExtensionAttribute8;
                case 9: return a.ExtensionAttribute9;
                case 10: return a.ExtensionAttribute10;
                case 11: return a.ExtensionAttribute11;
                case 12: return a.ExtensionAttribute12;
                case 13: return a.ExtensionAttribute13;
                case 14: return a.ExtensionAttribute14;
                default: return a.ExtensionAttribute15;
            }
        }
    }
}
