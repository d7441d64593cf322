using System;

namespace LicenseGovernance
{
    /// <summary>Sync-WorkforceLicense -Preview: every change the run would make, its seats per SKU, its cost, and the rows left out.</summary>
    public sealed class WorkforcePreview
    {
        public string Source { get; set; } = "";
        public int Rows { get; set; }
        public int Joiners { get; set; }
        public int Movers { get; set; }
        public int Leavers { get; set; }
        public int LeaveChanges { get; set; }
        /// <summary>People the run would refuse for want of seats.</summary>
        public int Refused { get; set; }
        /// <summary>People already holding what the rules give.</summary>
        public int Settled { get; set; }
        public ItemList<WorkforceChange> Changes { get; set; } = new ItemList<WorkforceChange>();
        public ItemList<WorkforceSeatDemand> Seats { get; set; } = new ItemList<WorkforceSeatDemand>();
        public ItemList<WorkforceRowProblem> BadRows { get; set; } = new ItemList<WorkforceRowProblem>();
        /// <summary>The month's cost change of the changes that can be served; null when a SKU involved has no price.</summary>
        public decimal? MonthlyCostChange { get; set; }
        public string? Currency { get; set; }
        public DateTimeOffset Today { get; set; }
    }
}
