using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Simulator.Licensing
{
    /// <summary>Group-based licensing putting one user's licence from one group into an error state, at one instant.</summary>
    public sealed class LicenseErrorEvent
    {
        public DateTimeOffset At { get; set; }

        public Guid UserId { get; set; }

        public Guid SkuId { get; set; }

        public Guid GroupId { get; set; }

        /// <summary>CountViolation, MutuallyExclusiveViolation, DependencyViolation, ...</summary>
        public string Error { get; set; } = string.Empty;
    }

    /// <summary>
    /// Every time group-based licensing gave a user's licence an error it did not have before, in order. The licence
    /// timeline records only licences that hold a seat, so an error state that came and went leaves no trace there; tests
    /// prove "never in MutuallyExclusiveViolation" from this. Kept in memory only (not in snapshots); callers hold the store's lock.
    /// </summary>
    public sealed class LicenseErrorHistory
    {
        private readonly List<LicenseErrorEvent> _events = new List<LicenseErrorEvent>();
        private readonly object _gate = new object();

        public IReadOnlyList<LicenseErrorEvent> Events
        {
            get { lock (_gate) { return _events.ToList(); } }
        }

        /// <summary>The errors of one kind (any kind when null), optionally for one user.</summary>
        public IReadOnlyList<LicenseErrorEvent> Of(string? error, Guid? userId = null)
        {
            lock (_gate)
            {
                return _events.Where(e => (error == null || string.Equals(e.Error, error, StringComparison.Ordinal)) && (userId == null || e.UserId == userId)).ToList();
            }
        }

        internal void Record(DateTimeOffset at, Guid userId, Guid skuId, Guid groupId, string error)
        {
            lock (_gate)
            {
                _events.Add(new LicenseErrorEvent { At = at, UserId = userId, SkuId = skuId, GroupId = groupId, Error = error });
            }
        }
    }
}
