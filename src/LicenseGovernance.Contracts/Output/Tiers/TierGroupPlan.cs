using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance
{
    /// <summary>
    /// What New-, Set- or Remove-LicenseTierGroup would do, worked out before anything is written so that -WhatIf
    /// and -Confirm can show it. The engine applies exactly this plan (after checking the group has not moved on).
    /// </summary>
    public sealed class TierGroupPlan
    {
        /// <summary>Create, Update, Remove or None (nothing to change).</summary>
        public string Action { get; set; } = "None";
        public Guid? GroupId { get; set; }
        public string DisplayName { get; set; } = "";
        public List<TierGroupChange> Changes { get; set; } = new List<TierGroupChange>();
        /// <summary>Warnings to show before asking (for example members who would lose their only licence, under -Force).</summary>
        public List<string> Warnings { get; set; } = new List<string>();
        /// <summary>Engine-private state the apply step needs (resolved SKU and plan ids); not for display.</summary>
        public Dictionary<string, string> Resolved { get; set; } = new Dictionary<string, string>();

        public bool IsNoChange => Action == "None";

        /// <summary>One line per change, for ShouldProcess.</summary>
        public string Describe() =>
            Action + " tier group '" + DisplayName + "'" + (Changes.Count == 0 ? "" : ": " + string.Join("; ", Changes.Select(c => c.ToString())));
    }

    public sealed class TierGroupChange
    {
        public TierGroupChange(string property, string? from, string? to)
        {
            Property = property;
            From = from;
            To = to;
        }

        public string Property { get; }
        public string? From { get; }
        public string? To { get; }

        public override string ToString() => From == null ? $"{Property} = {To}" : To == null ? $"{Property} removed (was {From})" : $"{Property}: {From} -> {To}";
    }
}
