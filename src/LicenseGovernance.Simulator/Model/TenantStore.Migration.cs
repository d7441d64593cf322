using System;
using System.Collections.Generic;
using LicenseGovernance.Simulator.Licensing;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator
{
    public sealed partial class TenantStore
    {
        /// <summary>Which SKUs every user held, by which source, at every instant on the simulator clock.</summary>
        public LicenceTimeline LicenceTimeline { get; } = new LicenceTimeline();

        private static List<(Guid SkuId, Guid? Group)> HeldSources(SimulatedUser user)
        {
            var held = new List<(Guid, Guid?)>(2);
            foreach (var state in user.LicenseAssignmentStates)
            {
                if (state.HoldsSeat && !held.Contains((state.SkuId, state.AssignedByGroup)))
                {
                    held.Add((state.SkuId, state.AssignedByGroup));
                }
            }

            return held;
        }

        private void RecordLicenceChange(SimulatedUser user, List<(Guid SkuId, Guid? Group)> before)
        {
            var after = HeldSources(user);
            if (before.Count != after.Count || !before.TrueForAll(after.Contains))
            {
                LicenceTimeline.Record(user.Id, before, after, Now);
            }
        }
    }
}
