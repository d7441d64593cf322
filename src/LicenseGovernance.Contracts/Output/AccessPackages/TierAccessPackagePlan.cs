using System;
using System.Collections.Generic;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance
{
    /// <summary>
    /// What New-TierAccessPackage would create or change, worked out before anything is written so that -WhatIf shows
    /// the Graph objects themselves. Applying re-checks that the tenant still matches this plan.
    /// </summary>
    public sealed class TierAccessPackagePlan : IChangePlan
    {
        public TierAccessPackageRequest Request { get; set; } = new TierAccessPackageRequest();
        public string PackageName { get; set; } = "";
        public string TierGroup { get; set; } = "";
        public ItemList<AccessPackageChange> Changes { get; set; } = new ItemList<AccessPackageChange>();
        public ItemList<string> Warnings { get; set; } = new ItemList<string>();

        public bool IsNoChange => Changes.Count == 0;

        string IChangePlan.Target => PackageName;

        /// <summary>Every Graph object with its request and body, one after another.</summary>
        string IChangePlan.Description => IsNoChange
            ? "Access package '" + PackageName + "' already matches; nothing to change."
            : string.Join(Environment.NewLine, Changes);

        IReadOnlyList<string> IChangePlan.Warnings => Warnings;
    }
}
