using System;
using System.Collections.Generic;
using System.IO;
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

        private LicenseState(Guid? skuId, string? assignedByGroup, string? state, string? error, Guid[] disabledPlans, DateTimeOffset? lastUpdated)
        {
            SkuId = skuId;
            // A tenant has few licensed groups and every member's state names one: each id is held once.
            AssignedByGroup = string.IsNullOrEmpty(assignedByGroup) ? assignedByGroup : string.Intern(assignedByGroup);
            State = Shared(state);
            Error = Shared(error);
            DisabledPlans = disabledPlans.Length == 0 ? Array.Empty<Guid>() : disabledPlans;
            LastUpdatedDateTime = lastUpdated;
        }

        public Guid? SkuId { get; }

        /// <summary>The group the licence comes from; null or empty for a direct assignment.</summary>
        public string? AssignedByGroup { get; }

        public string? State { get; }

        public string? Error { get; }

        public IReadOnlyList<Guid> DisabledPlans { get; }

        public DateTimeOffset? LastUpdatedDateTime { get; }

        public static LicenseState From(LicenseAssignmentState state) => new LicenseState(state.SkuId, state.AssignedByGroup, state.State, state.Error,
            (state.DisabledPlans ?? Enumerable.Empty<Guid?>()).Where(p => p.HasValue).Select(p => p!.Value).ToArray(), state.LastUpdatedDateTime);

        /// <summary>Writes the state to a spill record (<see cref="SpillBuckets"/>); <see cref="Read"/> gives it back.</summary>
        public void Write(BinaryWriter writer)
        {
            writer.WriteOptional(SkuId);
            writer.WriteOptional(AssignedByGroup);
            writer.WriteOptional(State);
            writer.WriteOptional(Error);
            writer.Write(DisabledPlans.Count);
            foreach (var plan in DisabledPlans)
            {
                writer.Write(plan);
            }

            writer.WriteOptional(LastUpdatedDateTime);
        }

        public static LicenseState Read(BinaryReader reader)
        {
            var (sku, group, state, error) = (reader.ReadOptionalGuid(), reader.ReadOptionalString(), reader.ReadOptionalString(), reader.ReadOptionalString());
            var plans = new Guid[reader.ReadInt32()];
            for (var i = 0; i < plans.Length; i++)
            {
                plans[i] = reader.ReadGuid();
            }

            return new LicenseState(sku, group, state, error, plans, reader.ReadOptionalDateTimeOffset());
        }

        private static string? Shared(string? value) => Array.Find(Known, k => string.Equals(k, value, StringComparison.Ordinal)) ?? value;
    }
}
