using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Requests;

namespace LicenseGovernance
{
    /// <summary>
    /// What New-TierAccessPackage would create or change, worked out before anything is written so that -WhatIf shows
    /// the Graph objects themselves. Applying re-checks that the tenant still matches this plan.
    /// </summary>
    public sealed class TierAccessPackagePlan
    {
        public TierAccessPackageRequest Request { get; set; } = new TierAccessPackageRequest();
        public string PackageName { get; set; } = "";
        public string TierGroup { get; set; } = "";
        public List<AccessPackageChange> Changes { get; set; } = new List<AccessPackageChange>();
        public List<string> Warnings { get; set; } = new List<string>();

        public bool IsNoChange => Changes.Count == 0;

        public string Describe() =>
            IsNoChange ? "No change" : string.Join("; ", Changes.Select(c => c.Action + " " + c.ObjectType + " '" + c.Name + "'"));
    }
}
