using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>How the engine reads Graph's licenseAssignmentStates and disabled-plan lists, in one place.</summary>
    internal static class LicenseStates
    {
        /// <summary>The user's licence states (licenseAssignmentStates must have been selected), copied out of the SDK's model.</summary>
        public static IReadOnlyList<LicenseState> Of(User? user) =>
            user?.LicenseAssignmentStates is { Count: > 0 } states ? states.Select(LicenseState.From).ToArray() : Array.Empty<LicenseState>();

        /// <summary>Writes a user's licence states to a spill record (<see cref="SpillBuckets"/>); <see cref="Read"/> gives them back.</summary>
        public static void Write(BinaryWriter writer, IReadOnlyList<LicenseState> states)
        {
            writer.Write(states.Count);
            foreach (var state in states)
            {
                state.Write(writer);
            }
        }

        public static IReadOnlyList<LicenseState> Read(BinaryReader reader)
        {
            var states = new LicenseState[reader.ReadInt32()];
            for (var i = 0; i < states.Length; i++)
            {
                states[i] = LicenseState.Read(reader);
            }

            return states.Length == 0 ? Array.Empty<LicenseState>() : states;
        }

        /// <summary>The user's licence states of the SKU that hold a seat, one per way it arrives.</summary>
        public static IEnumerable<LicenseState> Held(User user, Guid skuId) => Of(user).Where(s => s.SkuId == skuId && HoldsSeat(s));

        /// <summary>True when the state comes from that group (ids compared as Graph writes them, any case).</summary>
        public static bool FromGroup(LicenseState state, string groupId) =>
            string.Equals(state.AssignedByGroup, groupId, StringComparison.OrdinalIgnoreCase);

        /// <summary>True when the user holds the SKU directly: Graph leaves assignedByGroup empty for a direct assignment.</summary>
        public static bool IsDirect(LicenseState state) => string.IsNullOrEmpty(state.AssignedByGroup);

        public static bool IsActive(LicenseState state) => string.Equals(state.State, "Active", StringComparison.OrdinalIgnoreCase);

        /// <summary>Active and ActiveWithError licences work for the user (and use a seat); Error and Disabled ones do not.</summary>
        public static bool HoldsSeat(LicenseState state) =>
            IsActive(state) || string.Equals(state.State, "ActiveWithError", StringComparison.OrdinalIgnoreCase);

        /// <summary>A licence from that group that Entra could not apply fully.</summary>
        public static bool InError(LicenseState state, string groupId) => FromGroup(state, groupId) && InError(state);

        /// <summary>A licence, by any path, that Entra could not apply fully (Error or ActiveWithError).</summary>
        public static bool InError(LicenseState state) =>
            string.Equals(state.State, "Error", StringComparison.OrdinalIgnoreCase) || string.Equals(state.State, "ActiveWithError", StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether the state names an error; Graph writes "None" (or nothing) when there is none.</summary>
        public static bool HasError(LicenseState state) =>
            !string.IsNullOrEmpty(state.Error) && !string.Equals(state.Error, "None", StringComparison.OrdinalIgnoreCase);

        /// <summary>A licence state's disabled plans as a set.</summary>
        public static HashSet<Guid> Plans(IEnumerable<Guid> plans) => new HashSet<Guid>(plans);

        /// <summary>Graph's disabledPlans (nullable GUIDs) as a set.</summary>
        public static HashSet<Guid> Plans(IEnumerable<Guid?>? plans) => new HashSet<Guid>((plans ?? Enumerable.Empty<Guid?>()).Where(p => p.HasValue).Select(p => p!.Value));
    }
}
