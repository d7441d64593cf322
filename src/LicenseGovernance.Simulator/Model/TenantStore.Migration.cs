using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Licensing;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator
{
    public sealed partial class TenantStore
    {
        /// <summary>Which SKUs every user held, by which source, at every instant on the simulator clock.</summary>
        public LicenseTimeline LicenseTimeline { get; } = new LicenseTimeline();

        /// <summary>
        /// The user's licence history: the timeline's events, or for a user it never saw change, what the user holds now as
        /// held since each state's lastUpdatedDateTime (the record the user's first change would keep). Empty for no such user.
        /// </summary>
        public IReadOnlyList<LicenseEvent> LicenseHistory(Guid userId) => Read(() =>
        {
            var user = UserById(userId);
            if (user == null || LicenseTimeline.Knows(userId))
            {
                return LicenseTimeline.EventsFor(userId);
            }

            var since = HeldSince(user)!;
            return (IReadOnlyList<LicenseEvent>)HeldSources(user)
                .Select(s => new LicenseEvent { At = DateTimeOffset.MinValue, UserId = userId, SkuId = s.SkuId, AssignedByGroup = s.Group, Gained = true, Since = since[s] })
                .ToList();
        });

        /// <summary>Every licence error group-based licensing gave a user, at the instant it did.</summary>
        public LicenseErrorHistory LicenseErrors { get; } = new LicenseErrorHistory();

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

        /// <summary>
        /// For a user the timeline has not seen yet: when each held source's state was last updated, taken before a change
        /// that may rewrite it. Null once the timeline knows the user (its own record is then the better one).
        /// </summary>
        private Dictionary<(Guid SkuId, Guid? Group), DateTimeOffset>? HeldSince(SimulatedUser user)
        {
            if (LicenseTimeline.Knows(user.Id))
            {
                return null;
            }

            var since = new Dictionary<(Guid, Guid?), DateTimeOffset>();
            foreach (var state in user.LicenseAssignmentStates)
            {
                var key = (state.SkuId, state.AssignedByGroup);
                if (state.HoldsSeat && (!since.TryGetValue(key, out var earlier) || state.LastUpdatedDateTime < earlier))
                {
                    since[key] = state.LastUpdatedDateTime;
                }
            }

            return since;
        }

        private void RecordLicenseChange(SimulatedUser user, List<(Guid SkuId, Guid? Group)> before, Dictionary<(Guid SkuId, Guid? Group), DateTimeOffset>? since)
        {
            var after = HeldSources(user);
            if (before.Count != after.Count || !before.TrueForAll(after.Contains))
            {
                LicenseTimeline.Record(user.Id, before, after, Now, since);
            }
            else if (since != null && since.Count > 0 && user.LicenseAssignmentStates.Exists(s => s.HoldsSeat && since.TryGetValue((s.SkuId, s.AssignedByGroup), out var was) && s.LastUpdatedDateTime != was))
            {
                // The licences stay, but their states were rewritten (a reprocess, changed plans): keep when they started.
                LicenseTimeline.Record(user.Id, before, after, Now, since);
            }
        }
    }
}
