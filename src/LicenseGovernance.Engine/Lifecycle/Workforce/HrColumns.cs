using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>The module's HR fields and the file headers the rules file maps them to (each field's own name by default).</summary>
    internal sealed class HrColumns
    {
        public static readonly string[] Fields =
        {
            "EmployeeId", "UserPrincipalName", "Status", "HireDate", "TerminationDate", "LeaveStart", "LeaveEnd", "Department", "JobTitle", "EmployeeType", "Manager", "CompanyName",
        };

        /// <summary>Without these a row means nothing; the others may be missing from the file.</summary>
        public static readonly string[] Required = { "UserPrincipalName", "Status" };

        private readonly Dictionary<string, string> _headers;

        private HrColumns(Dictionary<string, string> headers)
        {
            _headers = headers;
        }

        public string Header(string field) => _headers[field];

        /// <summary>The mapping; a key that is not one of <see cref="Fields"/> is an error naming it.</summary>
        public static HrColumns From(IReadOnlyDictionary<string, string> mapped, string rulePath)
        {
            var headers = Fields.ToDictionary(f => f, f => f, StringComparer.OrdinalIgnoreCase);
            foreach (var pair in mapped)
            {
                var field = Fields.FirstOrDefault(f => string.Equals(f, pair.Key, StringComparison.OrdinalIgnoreCase))
                    ?? throw Errors.WorkforceRulesInvalid(rulePath, "Columns." + pair.Key, $"'{pair.Key}' is not an HR field; the fields are {string.Join(", ", Fields)}.").ToException();
                if (string.IsNullOrWhiteSpace(pair.Value))
                {
                    throw Errors.WorkforceRulesInvalid(rulePath, "Columns." + field, "the header is empty.").ToException();
                }

                headers[field] = pair.Value.Trim();
            }

            return new HrColumns(headers);
        }
    }
}
