using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// One of a user's licenseAssignmentStates, as much of it as the engine reads. The SDK's model carries a backing store
    /// and its own copy of every value (kilobytes per user); commands that keep every user of the tenant in memory (the tier
    /// reconciler) keep this instead, which shares the few values Graph repeats for every user.
    /// </summary>
    internal sealed class LicenseState
    {
        /// <summary>Graph's values of state and error, held once rather than as one string per user.</summary>
        private static readonly string[] Known =
            new[] { "Active", "ActiveWithError", "Disabled", "Error", "None" }.Concat(GroupLicenseErrorReader.ErrorTypes).ToArray();

        private LicenseState(LicenseAssignmentState state)
        {
            SkuId = state.SkuId;
            // A tenant has few licensed groups and every member's state names one: each id is held once.
            AssignedByGroup = string.IsNullOrEmpty(state.AssignedByGroup) ? state.AssignedByGroup : string.Intern(state.AssignedByGroup);
            State = Shared(state.State);
            Error = Shared(state.Error);
            var plans = (state.DisabledPlans ?? Enumerable.Empty<Guid?>()).Where(p => p.HasValue).Select(p => p!.Value).ToArray();
            DisabledPlans = plans.Length == 0 ? Array.Empty<Guid>() : plans;
            LastUpdatedDateTime = state.LastUpdatedDateTime;
        }

        public Guid? SkuId { get; }

        /// <summary>The group the licence comes from; null or empty for a direct assignment.</summary>
        public string? AssignedByGroup { get; }

        public string? State { get; }

        public string? Error { get; }

        public IReadOnlyList<Guid> DisabledPlans { get; }

        public DateTimeOffset? LastUpdatedDateTime { get; }

        public static LicenseState From(LicenseAssignmentState state) => new LicenseState(state);

        private static string? Shared(string? value) => Array.Find(Known, k => string.Equals(k, value, StringComparison.Ordinal)) ?? value;
    }
}
