using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.OData;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>Exposes a user's Graph properties, by their JSON names, to the $filter evaluator.</summary>
    internal sealed class UserFilterView : IFilterable
    {
        private readonly SimulatedUser _user;
        private readonly TenantStore _store;

        public UserFilterView(SimulatedUser user, TenantStore store)
        {
            _user = user;
            _store = store;
        }

        public bool TryGetProperty(string name, out object? value)
        {
            var u = _user;
            switch (name)
            {
                case "id": value = u.Id; return true;
                case "userPrincipalName": value = u.UserPrincipalName; return true;
                case "displayName": value = u.DisplayName; return true;
                case "givenName": value = u.GivenName; return true;
                case "surname": value = u.Surname; return true;
                case "mail": value = u.Mail; return true;
                case "mailNickname": value = u.MailNickname; return true;
                case "jobTitle": value = u.JobTitle; return true;
                case "department": value = u.Department; return true;
                case "companyName": value = u.CompanyName; return true;
                case "country": value = u.Country; return true;
                case "city": value = u.City; return true;
                case "officeLocation": value = u.OfficeLocation; return true;
                case "usageLocation": value = u.UsageLocation; return true;
                case "accountEnabled": value = u.AccountEnabled; return true;
                case "userType": value = u.UserType; return true;
                case "employeeId": value = u.EmployeeId; return true;
                case "employeeType": value = u.EmployeeType; return true;
                case "employeeHireDate": value = u.EmployeeHireDate; return true;
                case "employeeLeaveDateTime": value = u.EmployeeLeaveDateTime; return true;
                case "createdDateTime": value = u.CreatedDateTime; return true;
                case "onPremisesSyncEnabled": value = u.OnPremisesSyncEnabled; return true;
                case "preferredLanguage": value = u.PreferredLanguage; return true;
                case "mobilePhone": value = u.MobilePhone; return true;
                case "businessPhones": value = u.BusinessPhones; return true;
                case "proxyAddresses": value = u.Mail == null ? new List<string>() : new List<string> { "SMTP:" + u.Mail }; return true;
                case "onPremisesExtensionAttributes": value = new ExtensionAttributesView(u.ExtensionAttributes); return true;
                case "signInActivity": value = u.SignInActivity == null ? null : new SignInActivityView(u.SignInActivity); return true;
                case "assignedLicenses": value = UserLicensing.AssignedLicenses(u).Select(l => (IFilterable)new AssignedLicenseView(l)).ToList(); return true;
                case "assignedPlans": value = UserLicensing.AssignedPlans(u, _store).Select(p => (IFilterable)new AssignedPlanView(p)).ToList(); return true;
                default: value = null; return false;
            }
        }
    }

    internal sealed class GroupFilterView : IFilterable
    {
        private readonly SimulatedGroup _group;
        private readonly TenantStore _store;

        public GroupFilterView(SimulatedGroup group, TenantStore store)
        {
            _group = group;
            _store = store;
        }

        public bool TryGetProperty(string name, out object? value)
        {
            var g = _group;
            switch (name)
            {
                case "id": value = g.Id; return true;
                case "displayName": value = g.DisplayName; return true;
                case "description": value = g.Description; return true;
                case "mail": value = g.Mail; return true;
                case "mailEnabled": value = g.MailEnabled; return true;
                case "mailNickname": value = g.MailNickname; return true;
                case "securityEnabled": value = g.SecurityEnabled; return true;
                case "groupTypes": value = g.GroupTypes; return true;
                case "membershipRule": value = g.MembershipRule; return true;
                case "membershipRuleProcessingState": value = g.MembershipRuleProcessingState; return true;
                case "isAssignableToRole": value = g.IsAssignableToRole; return true;
                case "visibility": value = g.Visibility; return true;
                case "securityIdentifier": value = g.SecurityIdentifier; return true;
                case "createdDateTime": value = g.CreatedDateTime; return true;
                case "assignedLicenses": value = g.AssignedLicenses.Select(l => (IFilterable)new AssignedLicenseView(l)).ToList(); return true;
                case "hasMembersWithLicenseErrors": value = UserLicensing.HasMembersWithLicenseErrors(g, _store); return true;
                default: value = null; return false;
            }
        }
    }

    internal sealed class ExtensionAttributesView : IFilterable
    {
        private readonly string?[] _values;

        public ExtensionAttributesView(string?[] values)
        {
            _values = values;
        }

        public bool TryGetProperty(string name, out object? value)
        {
            value = null;
            if (name.StartsWith("extensionAttribute", StringComparison.Ordinal) && int.TryParse(name.Substring(18), out var n) && n >= 1 && n <= 15)
            {
                value = n - 1 < _values.Length ? _values[n - 1] : null;
                return true;
            }

            return false;
        }
    }

    internal sealed class SignInActivityView : IFilterable
    {
        private readonly SignInActivity _activity;

        public SignInActivityView(SignInActivity activity)
        {
            _activity = activity;
        }

        public bool TryGetProperty(string name, out object? value)
        {
            var a = _activity;
            switch (name)
            {
                case "lastSignInDateTime": value = a.LastSignInDateTime; return true;
                case "lastSignInRequestId": value = a.LastSignInRequestId; return true;
                case "lastNonInteractiveSignInDateTime": value = a.LastNonInteractiveSignInDateTime; return true;
                case "lastNonInteractiveSignInRequestId": value = a.LastNonInteractiveSignInRequestId; return true;
                case "lastSuccessfulSignInDateTime": value = a.LastSuccessfulSignInDateTime; return true;
                case "lastSuccessfulSignInRequestId": value = a.LastSuccessfulSignInRequestId; return true;
                default: value = null; return false;
            }
        }
    }

    internal sealed class AssignedLicenseView : IFilterable
    {
        private readonly AssignedLicense _license;

        public AssignedLicenseView(AssignedLicense license)
        {
            _license = license;
        }

        public bool TryGetProperty(string name, out object? value)
        {
            switch (name)
            {
                case "skuId": value = _license.SkuId; return true;
                case "disabledPlans": value = _license.DisabledPlans; return true;
                default: value = null; return false;
            }
        }
    }

    internal sealed class AssignedPlanView : IFilterable
    {
        private readonly AssignedPlan _plan;

        public AssignedPlanView(AssignedPlan plan)
        {
            _plan = plan;
        }

        public bool TryGetProperty(string name, out object? value)
        {
            switch (name)
            {
                case "servicePlanId": value = _plan.ServicePlanId; return true;
                case "capabilityStatus": value = _plan.CapabilityStatus; return true;
                case "service": value = _plan.Service; return true;
                case "assignedDateTime": value = _plan.AssignedDateTime; return true;
                default: value = null; return false;
            }
        }
    }
}
