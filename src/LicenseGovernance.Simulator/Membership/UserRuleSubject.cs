using System;
using System.Globalization;
using LicenseGovernance.MembershipRules;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Membership
{
    /// <summary>A stored user as the membership rule library reads it, by canonical property name.</summary>
    internal sealed class UserRuleSubject : IRuleSubject
    {
        private readonly SimulatedUser _user;

        public UserRuleSubject(SimulatedUser user)
        {
            _user = user;
        }

        public object? GetValue(string property)
        {
            var u = _user;
            if (property.StartsWith("extensionAttribute", StringComparison.Ordinal))
            {
                var n = int.Parse(property.Substring(18), CultureInfo.InvariantCulture);
                return Text(n <= u.ExtensionAttributes.Length ? u.ExtensionAttributes[n - 1] : null);
            }

            switch (property)
            {
                case "accountEnabled": return u.AccountEnabled;
                case "objectId": return u.Id.ToString();
                case "department": return Text(u.Department);
                case "jobTitle": return Text(u.JobTitle);
                case "country": return Text(u.Country);
                case "city": return Text(u.City);
                case "companyName": return Text(u.CompanyName);
                case "displayName": return Text(u.DisplayName);
                case "givenName": return Text(u.GivenName);
                case "surname": return Text(u.Surname);
                case "userPrincipalName": return Text(u.UserPrincipalName);
                case "mail": return Text(u.Mail);
                case "mailNickname": return Text(u.MailNickname);
                case "usageLocation": return Text(u.UsageLocation);
                case "userType": return Text(u.UserType);
                case "employeeId": return Text(u.EmployeeId);
                case "employeeType": return Text(u.EmployeeType);
                case "officeLocation": return Text(u.OfficeLocation);

                // The simulated tenant keeps no state or province for users.
                case "state": return null;
                default: throw new ArgumentException($"The simulated tenant does not map the rule property '{property}'.", nameof(property));
            }
        }

        private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
