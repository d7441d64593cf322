using System;
using LicenseGovernance.MembershipRules;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>
    /// One person as the HR source has them, checked: the rules are evaluated over these values (user.department,
    /// user.jobTitle, ...), as Entra's dynamic rules are over the user.
    /// </summary>
    internal sealed class HrRecord : IRuleSubject
    {
        /// <summary>The file's line (the header is 1); 0 for a person read from Entra.</summary>
        public int Line { get; set; }

        public string? EmployeeId { get; set; }

        public string UserPrincipalName { get; set; } = "";

        public HrStatus Status { get; set; }

        public DateTimeOffset? HireDate { get; set; }

        public DateTimeOffset? TerminationDate { get; set; }

        public DateTimeOffset? LeaveStart { get; set; }

        public DateTimeOffset? LeaveEnd { get; set; }

        public string? Department { get; set; }

        public string? JobTitle { get; set; }

        public string? EmployeeType { get; set; }

        public string? CompanyName { get; set; }

        public string? Manager { get; set; }

        /// <summary>Starts after today: nothing is given before the first day.</summary>
        public bool StartsAfter(DateTimeOffset today) => HireDate > today;

        /// <summary>Terminated, with the last day today or earlier.</summary>
        public bool LeftBy(DateTimeOffset today) => Status == HrStatus.Terminated && TerminationDate <= today;

        /// <summary>On leave today: the leave has started and not yet ended (it ends at the start of LeaveEnd).</summary>
        public bool OnLeave(DateTimeOffset now) => Status == HrStatus.Leave && (LeaveStart == null || LeaveStart <= now) && LeaveEnd > now;

        public object? GetValue(string property)
        {
            switch (property)
            {
                case "department": return Text(Department);
                case "jobTitle": return Text(JobTitle);
                case "employeeType": return Text(EmployeeType);
                case "employeeId": return Text(EmployeeId);
                case "companyName": return Text(CompanyName);
                case "userPrincipalName": return Text(UserPrincipalName);
                case "mail": return Text(UserPrincipalName);
                default: return null;
            }
        }

        private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
