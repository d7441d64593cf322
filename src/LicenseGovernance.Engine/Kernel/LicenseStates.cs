using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>How the tier code reads Graph's licenseAssignmentStates and disabled-plan lists, in one place.</summary>
    internal static class LicenseStates
    {
        public static IReadOnlyList<LicenseAssignmentState> Of(User? user) =>
            (IReadOnlyList<LicenseAssignmentState>?)user?.LicenseAssignmentStates ?? Array.Empty<LicenseAssignmentState>();

        /// <summary>The user's licence states of the SKU that hold a seat, one per way it arrives.</summary>
        public static IEnumerable<LicenseAssignmentState> Held(User user, Guid skuId) => Of(user).Where(s => s.SkuId == skuId && HoldsSeat(s));

        /// <summary>True when the state comes from that group (ids compared as Graph writes them, any case).</summary>
        public static bool FromGroup(LicenseAssignmentState state, string groupId) =>
            string.Equals(state.AssignedByGroup, groupId, StringComparison.OrdinalIgnoreCase);

        /// <summary>True when the user holds the SKU directly: Graph leaves assignedByGroup empty for a direct assignment.</summary>
        public static bool IsDirect(LicenseAssignmentState state) => string.IsNullOrEmpty(state.AssignedByGroup);

        public static bool IsActive(LicenseAssignmentState state) => string.Equals(state.State, "Active", StringComparison.OrdinalIgnoreCase);

        /// <summary>Active and ActiveWithError licences work for the user (and use a seat); Error and Disabled ones do not.</summary>
        public static bool HoldsSeat(LicenseAssignmentState state) =>
            IsActive(state) || string.Equals(state.State, "ActiveWithError", StringComparison.OrdinalIgnoreCase);

        /// <summary>A licence from that group that Entra could not apply fully.</summary>
        public static bool InError(LicenseAssignmentState state, string groupId) => FromGroup(state, groupId) && InError(state);

        /// <summary>A licence, by any path, that Entra could not apply fully (Error or ActiveWithError).</summary>
        public static bool InError(LicenseAssignmentState state) =>
            string.Equals(state.State, "Error", StringComparison.OrdinalIgnoreCase) || string.Equals(state.State, "ActiveWithError", StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether the state names an error; Graph writes "None" (or nothing) when there is none.</summary>
        public static bool HasError(LicenseAssignmentState state) =>
            !string.IsNullOrEmpty(state.Error) && !string.Equals(state.Error, "None", StringComparison.OrdinalIgnoreCase);

        /// <summary>Graph's disabledPlans (nullable GUIDs) as a set.</summary>
        public static HashSet<Guid> Plans(IEnumerable<Guid?>? plans) => new HashSet<Guid>((plans ?? Enumerable.Empty<Guid?>()).Where(p => p.HasValue).Select(p => p!.Value));
    }
}
