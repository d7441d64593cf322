using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Hosting;

namespace LicenseGovernance
{
    /// <summary>
    /// What New-, Set- or Remove-LicenseTierGroup would do, worked out before anything is written so that -WhatIf
    /// and -Confirm can show it. The engine applies exactly this plan (after checking the group has not moved on).
    /// </summary>
    public sealed class TierGroupPlan : IChangePlan
    {
        public TierGroupAction Action { get; set; }
        public Guid? GroupId { get; set; }
        public string DisplayName { get; set; } = "";
        public ItemList<TierGroupChange> Changes { get; set; } = new ItemList<TierGroupChange>();
        /// <summary>What members lose: SKUs the tier stops carrying and plans it switches off, counted before anything is written.</summary>
        public ItemList<TierLicenseLoss> Losses { get; set; } = new ItemList<TierLicenseLoss>();
        /// <summary>Warnings to show before asking (for example members who would lose their only licence, under -Force).</summary>
        public ItemList<string> Warnings { get; set; } = new ItemList<string>();
        /// <summary>Engine-resolved state the apply step needs (SKU and plan ids, the group's fingerprint); not for display.</summary>
        public TierGroupPayload Payload { get; set; } = new TierGroupPayload();

        public bool IsNoChange => Action == TierGroupAction.None;

        string IChangePlan.Target => DisplayName;

        string IChangePlan.Description => IsNoChange
            ? "Tier group '" + DisplayName + "' already matches; nothing to change."
            : Action + " tier group '" + DisplayName + "'" + (Changes.Count == 0 ? "" : ": " + string.Join("; ", Changes.Select(c => c.ToString())))
                + (Losses.Count == 0 ? "" : "; members lose: " + string.Join("; ", Losses.Select(l => l.ToString())));

        IReadOnlyList<string> IChangePlan.Warnings => Warnings;
    }
}
