using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Simulator.Licensing
{
    /// <summary>One source of one SKU starting or ceasing to give a user the licence (a seat-holding state appearing or going).</summary>
    public sealed class LicenseEvent
    {
        public DateTimeOffset At { get; set; }

        public Guid UserId { get; set; }

        public Guid SkuId { get; set; }

        /// <summary>The group the licence comes from; null for a direct assignment.</summary>
        public Guid? AssignedByGroup { get; set; }

        /// <summary>True when the source started holding the SKU, false when it stopped.</summary>
        public bool Gained { get; set; }

        /// <summary>
        /// For a source the user held before the timeline's first change (<see cref="At"/> is MinValue): when its state was
        /// last updated just before that change, the simulator's best record of when it started. Null otherwise, and in files
        /// written before it was kept.
        /// </summary>
        public DateTimeOffset? Since { get; set; }

        /// <summary>
        /// Which change recorded the event, counted from 1: the events of one change (one assignLicense that adds a SKU and
        /// removes another, one user processed for a group) share it and took effect together. 0 in files written before
        /// it was kept.
        /// </summary>
        public long Change { get; set; }
    }

    /// <summary>
    /// Every change to which SKUs each user holds, by which source, in the order the tenant applied them. A user's first
    /// change also records what the user held before it (at <see cref="DateTimeOffset.MinValue"/>), so seeded licences
    /// count. Only changes are stored, so 10,000 users migrated cost a few events each. Callers hold the store's lock.
    /// </summary>
    public sealed class LicenseTimeline
    {
        private readonly Dictionary<Guid, List<LicenseEvent>> _byUser = new Dictionary<Guid, List<LicenseEvent>>();
        private readonly object _gate = new object();
        private long _changes;

        /// <summary>Every event, user by user, in the order applied.</summary>
        public IReadOnlyList<LicenseEvent> Events
        {
            get { lock (_gate) { return _byUser.Values.SelectMany(e => e).ToList(); } }
        }

        public IReadOnlyList<LicenseEvent> EventsFor(Guid userId)
        {
            lock (_gate)
            {
                return _byUser.TryGetValue(userId, out var events) ? events.ToList() : new List<LicenseEvent>();
            }
        }

        /// <summary>The SKUs the user held right after the last change at or before <paramref name="at"/>.</summary>
        public IReadOnlyCollection<Guid> HeldAt(Guid userId, DateTimeOffset at)
        {
            var sources = new HashSet<(Guid, Guid?)>();
            foreach (var e in EventsFor(userId).TakeWhile(e => e.At <= at))
            {
                Apply(sources, e);
            }

            return sources.Select(s => s.Item1).Distinct().ToList();
        }

        /// <summary>
        /// The periods in which the user, having held a SKU in scope, held none: each from the change that left the user
        /// without to the change that gave one back, or open while the user is still without. This is the one gap query
        /// (Get-LicenseSimulatorTimeline -Gaps and the tests both read it): a change is applied whole, since its events took
        /// effect together, so one assignLicense that adds one SKU in scope and removes another is no gap, while a loss and a
        /// gain in two changes at the same tick make a period of zero length.
        /// </summary>
        public IReadOnlyList<LicensePeriod> PeriodsWithout(Guid userId, Func<Guid, bool> inScope) =>
            Without(EventsFor(userId), inScope).Where(p => p.Start != DateTimeOffset.MinValue).ToList();

        /// <summary>
        /// <see cref="PeriodsWithout"/> as instants within [from, to] at which the user held none of <paramref name="skuIds"/>
        /// (for example no SKU with a mailbox plan): <paramref name="from"/> when the user was without then (or never held
        /// one), and the start of each period that begins within. Empty when the user held one throughout; a user the
        /// timeline never saw change is judged by <paramref name="heldWhenUnchanged"/>.
        /// </summary>
        public IReadOnlyList<DateTimeOffset> Gaps(Guid userId, ICollection<Guid> skuIds, DateTimeOffset from, DateTimeOffset to, bool heldWhenUnchanged)
        {
            var events = EventsFor(userId);
            if (events.Count == 0)
            {
                return heldWhenUnchanged ? new List<DateTimeOffset>() : new List<DateTimeOffset> { from };
            }

            var periods = Without(events, skuIds.Contains);
            var withoutAtFrom = periods.Any(p => p.Start < from && (p.End == null || p.End > from));
            return (withoutAtFrom ? new[] { from } : Array.Empty<DateTimeOffset>())
                .Concat(periods.Where(p => p.Start >= from && p.Start <= to).Select(p => p.Start)).ToList();
        }

        /// <summary>
        /// The walk every gap query shares: the user's changes in the order applied, each applied whole. A user who held
        /// nothing in scope before the first change starts in a period from <see cref="DateTimeOffset.MinValue"/>.
        /// </summary>
        private static List<LicensePeriod> Without(IReadOnlyList<LicenseEvent> events, Func<Guid, bool> inScope)
        {
            var periods = new List<LicensePeriod>();
            var sources = new HashSet<(Guid, Guid?)>();
            DateTimeOffset? without = DateTimeOffset.MinValue;
            for (var i = 0; i < events.Count;)
            {
                var first = events[i];
                for (; i < events.Count && SameChange(first, events[i]); i++)
                {
                    Apply(sources, events[i]);
                }

                var holds = sources.Any(s => inScope(s.Item1));
                if (holds && without != null)
                {
                    periods.Add(new LicensePeriod(without.Value, first.At));
                    without = null;
                }
                else if (!holds && without == null)
                {
                    without = first.At;
                }
            }

            if (without != null)
            {
                periods.Add(new LicensePeriod(without.Value, null));
            }

            return periods;
        }

        /// <summary>Whether the timeline has seen the user change (or recorded what the user held before a first change).</summary>
        internal bool Knows(Guid userId)
        {
            lock (_gate)
            {
                return _byUser.ContainsKey(userId);
            }
        }

        /// <summary>How many times the user lost the SKU from that source (null: direct).</summary>
        public int Losses(Guid userId, Guid skuId, Guid? assignedByGroup) =>
            EventsFor(userId).Count(e => e.SkuId == skuId && e.AssignedByGroup == assignedByGroup && !e.Gained);

        /// <summary>
        /// Records a change from <paramref name="before"/> to <paramref name="after"/>. The user's first record also stores
        /// what the user held before, each with when its state started as far as the store knew (<paramref name="since"/>);
        /// with no difference between the two, that is all it stores.
        /// </summary>
        internal void Record(Guid userId, IReadOnlyCollection<(Guid SkuId, Guid? Group)> before, IReadOnlyCollection<(Guid SkuId, Guid? Group)> after, DateTimeOffset at, IReadOnlyDictionary<(Guid SkuId, Guid? Group), DateTimeOffset>? since = null)
        {
            lock (_gate)
            {
                var change = ++_changes;
                if (!_byUser.TryGetValue(userId, out var events))
                {
                    events = new List<LicenseEvent>(before.Count + 2);
                    foreach (var (sku, group) in before)
                    {
                        DateTimeOffset? started = since != null && since.TryGetValue((sku, group), out var value) ? value : (DateTimeOffset?)null;
                        events.Add(new LicenseEvent { At = DateTimeOffset.MinValue, UserId = userId, SkuId = sku, AssignedByGroup = group, Gained = true, Since = started });
                    }

                    _byUser.Add(userId, events);
                }

                foreach (var (sku, group) in before.Where(b => !after.Contains(b)))
                {
                    events.Add(new LicenseEvent { At = at, UserId = userId, SkuId = sku, AssignedByGroup = group, Gained = false, Change = change });
                }

                foreach (var (sku, group) in after.Where(a => !before.Contains(a)))
                {
                    events.Add(new LicenseEvent { At = at, UserId = userId, SkuId = sku, AssignedByGroup = group, Gained = true, Change = change });
                }
            }
        }

        internal void Load(IEnumerable<LicenseEvent> events)
        {
            lock (_gate)
            {
                _byUser.Clear();
                _changes = 0;
                foreach (var e in events)
                {
                    if (!_byUser.TryGetValue(e.UserId, out var list))
                    {
                        list = new List<LicenseEvent>();
                        _byUser.Add(e.UserId, list);
                    }

                    list.Add(e);
                    _changes = Math.Max(_changes, e.Change);
                }
            }
        }

        /// <summary>Events of files without change numbers each count as a change of their own.</summary>
        private static bool SameChange(LicenseEvent first, LicenseEvent other) =>
            ReferenceEquals(first, other) || (first.Change != 0 && first.Change == other.Change);

        private static void Apply(HashSet<(Guid, Guid?)> sources, LicenseEvent e)
        {
            if (e.Gained)
            {
                sources.Add((e.SkuId, e.AssignedByGroup));
            }
            else
            {
                sources.Remove((e.SkuId, e.AssignedByGroup));
            }
        }
    }
}
