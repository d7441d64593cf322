using System;
using System.Collections.Generic;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>One licence a caller expects a user to hold from a group: the SKU and, when it matters, exactly which plans are off.</summary>
    internal sealed class ExpectedLicense
    {
        public ExpectedLicense(Guid skuId, IEnumerable<Guid>? disabledPlans = null)
        {
            SkuId = skuId;
            DisabledPlans = disabledPlans == null ? null : new HashSet<Guid>(disabledPlans);
        }

        public Guid SkuId { get; }

        /// <summary>The disabled plans the state must show, no more and no fewer; null accepts any (the caller compares plans itself).</summary>
        public HashSet<Guid>? DisabledPlans { get; }

        /// <summary>Active without an error, for this SKU, with the expected plans: Graph's word, never an inference from silence.</summary>
        public bool IsMetBy(LicenseState state) =>
            state.SkuId == SkuId && LicenseStates.IsActive(state) && !LicenseStates.HasError(state)
            && (DisabledPlans == null || LicenseStates.Plans(state.DisabledPlans).SetEquals(DisabledPlans));
    }
}
