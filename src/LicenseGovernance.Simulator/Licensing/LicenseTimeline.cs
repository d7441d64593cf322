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
        /// The instants within [from, to] at which the user did not hold the SKU by any path, as the times of the changes
        /// that left them without it. Changes are walked in the order applied, so losing a direct licence and gaining the
        /// group's at the same tick, in that order, still counts as a gap. Empty when the user held it throughout; a user
        /// the timeline never saw change is judged by <paramref name="heldWhenUnchanged"/>.
        /// </summary>
        public IReadOnlyList<DateTimeOffset> Gaps(Guid userId, Guid skuId, DateTimeOffset from, DateTimeOffset to, bool heldWhenUnchanged) =>
            GapsOf(userId, new[] { skuId }, from, to, heldWhenUnchanged, ReferenceEquals);

        /// <summary>
        /// The instants within [from, to] at which the user held none of <paramref name="skuIds"/> by any path (for example
        /// no SKU with a mailbox plan). Unlike <see cref="Gaps"/>, the events of one change are applied together before the
        /// user is judged, so one assignLicense that swaps one such SKU for another leaves no gap, while two changes at the
        /// same tick still can. A user the timeline never saw change is judged by <paramref name="heldWhenUnchanged"/>.
        /// </summary>
        public IReadOnlyList<DateTimeOffset> GapsWithoutAny(Guid userId, ICollection<Guid> skuIds, DateTimeOffset from, DateTimeOffset to, bool heldWhenUnchanged) =>
            GapsOf(userId, skuIds, from, to, heldWhenUnchanged, SameChange);

        /// <summary>The instants at which applying the events that <paramref name="together"/> groups left the user holding none of the SKUs.</summary>
        private IReadOnlyList<DateTimeOffset> GapsOf(Guid userId, ICollection<Guid> skuIds, DateTimeOffset from, DateTimeOffset to, bool heldWhenUnchanged, Func<LicenseEvent, LicenseEvent, bool> together)
        {
            var events = EventsFor(userId);
            var gaps = new List<DateTimeOffset>();
            if (events.Count == 0)
            {
                if (!heldWhenUnchanged)
                {
                    gaps.Add(from);
                }

                return gaps;
            }

            var sources = new HashSet<(Guid, Guid?)>();
            bool HoldsAny() => sources.Any(s => skuIds.Contains(s.Item1));
            var i = 0;
            for (; i < events.Count && events[i].At < from; i++)
            {
                Apply(sources, events[i]);
            }

            if (!HoldsAny())
            {
                gaps.Add(from);
            }

            while (i < events.Count && events[i].At <= to)
            {
                var held = HoldsAny();
                var first = events[i];
                for (; i < events.Count && together(first, events[i]); i++)
                {
                    Apply(sources, events[i]);
                }

                if (held && !HoldsAny())
                {
                    gaps.Add(first.At);
                }
            }

            return gaps;
        }

        /// <summary>
        /// The periods in which the user, having held a SKU in scope, held none: each from the change that left the user
        /// without (changes walked in the order applied, so losing one source and gaining another at the same tick, in that
        /// order, is a period of zero length) to the change that gave one back, or open when the user is still without.
        /// </summary>
        public IReadOnlyList<LicensePeriod> PeriodsWithout(Guid userId, Func<Guid, bool> inScope)
        {
            var periods = new List<LicensePeriod>();
            var sources = new HashSet<(Guid, Guid?)>();
            DateTimeOffset? without = null;
            foreach (var e in EventsFor(userId))
            {
                var held = sources.Any(s => inScope(s.Item1));
                Apply(sources, e);
                var holds = sources.Any(s => inScope(s.Item1));
                if (held && !holds)
                {
                    without = e.At;
                }
                else if (!held && holds && without != null)
                {
                    periods.Add(new LicensePeriod(without.Value, e.At));
                    without = null;
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
