namespace LicenseGovernance
{
    /// <summary>An HR row left out of the run: where it is and why.</summary>
    public sealed class WorkforceRowProblem
    {
        /// <summary>The file's line (1 is the header).</summary>
        public int Line { get; set; }
        public string? EmployeeId { get; set; }
        public string? UserPrincipalName { get; set; }
        /// <summary>The module's field at fault (HireDate, Status, ...), or empty for the row as a whole.</summary>
        public string Field { get; set; } = "";
        public string? Value { get; set; }
        public string Reason { get; set; } = "";

        public override string ToString() => $"line {Line}: {Reason}";
    }
}
