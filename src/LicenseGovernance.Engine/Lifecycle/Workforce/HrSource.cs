using System.Collections.Generic;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>What an HR source gave: its good records, and every row left out with its reason.</summary>
    internal sealed class HrSource
    {
        public HrSource(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public List<HrRecord> Records { get; } = new List<HrRecord>();

        public List<WorkforceRowProblem> Problems { get; } = new List<WorkforceRowProblem>();

        public int Rows => Records.Count + Problems.Count;

        /// <summary>More than half the rows are bad: the export or the mapping is wrong, not a few rows.</summary>
        public bool MostlyBad => Problems.Count * 2 > Rows;

        public void Reject(HrRecord record, string field, string? value, string reason) => Problems.Add(new WorkforceRowProblem
        {
            Line = record.Line, EmployeeId = record.EmployeeId, UserPrincipalName = record.UserPrincipalName.Length == 0 ? null : record.UserPrincipalName,
            Field = field, Value = value, Reason = reason,
        });
    }
}
