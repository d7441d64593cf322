using System;

namespace LicenseGovernance
{
    /// <summary>One person of the HR source whose licences change (or would, or cannot yet): from which tier to which, and why.</summary>
    public sealed class WorkforceChange
    {
        /// <summary>The HR file's line (1 is the header); 0 for -FromEntra.</summary>
        public int Line { get; set; }
        public string? EmployeeId { get; set; }
        public string? UserPrincipalName { get; set; }
        public Guid? UserId { get; set; }
        public WorkforceChangeKind Change { get; set; }
        /// <summary>The tier held now; empty for none.</summary>
        public string FromTier { get; set; } = "";
        /// <summary>The tier the rules (or the leave) give; empty for a leaver.</summary>
        public string ToTier { get; set; } = "";
        /// <summary>The date the change takes effect (hire, last day, leave start or end).</summary>
        public DateTimeOffset? EffectiveDate { get; set; }
        /// <summary>For a leave: when the person comes back.</summary>
        public DateTimeOffset? Until { get; set; }
        public WorkforceOutcome Outcome { get; set; }
        /// <summary>Which rule gave the tier ("Rules[2]", "Default", "LeaveTier").</summary>
        public string Rule { get; set; } = "";
        /// <summary>The steps taken (or planned), in order.</summary>
        public ItemList<string> Steps { get; set; } = new ItemList<string>();
        public string Detail { get; set; } = "";
        /// <summary>The run's id in the change journal.</summary>
        public Guid? CorrelationId { get; set; }

        public override string ToString() => $"{UserPrincipalName}: {Change} {FromTier} > {ToTier} ({Outcome})";
    }
}
