using System;
using System.Collections.Generic;
using LicenseGovernance.Hosting;

namespace LicenseGovernance
{
    /// <summary>What Move-UserLicenseTier would do for one user, resolved before ShouldProcess so -WhatIf names every step.</summary>
    public sealed class UserTierMovePlan : IChangePlan
    {
        public Guid UserId { get; set; }
        public string UserPrincipalName { get; set; } = "";
        public string FromTier { get; set; } = "";
        public string ToTier { get; set; } = "";
        /// <summary>The tier group moved to.</summary>
        public Guid ToTierGroupId { get; set; }
        public DateTimeOffset? EndDate { get; set; }
        public string? Justification { get; set; }
        public int WaitTimeoutSeconds { get; set; }
        /// <summary>The steps, in the order they will be taken.</summary>
        public ItemList<string> Steps { get; set; } = new ItemList<string>();
        public ItemList<string> Warnings { get; set; } = new ItemList<string>();

        string IChangePlan.Target => UserPrincipalName;

        string IChangePlan.Description => Steps.Count == 0
            ? $"{UserPrincipalName} is in {ToTier} already; nothing to change."
            : $"Move from {(FromTier.Length == 0 ? "no tier" : FromTier)} to {ToTier}: " + string.Join("; ", Steps);

        IReadOnlyList<string> IChangePlan.Warnings => Warnings;

        bool IChangePlan.IsNoChange => Steps.Count == 0;
    }
}
