using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Licensing
{
    /// <summary>One group's queued or running licence processing: the users still to process, in the order they were queued.</summary>
    internal sealed class LicenseProcessingRun
    {
        private readonly Queue<Guid> _pending = new Queue<Guid>();
        private readonly HashSet<Guid> _pendingSet = new HashSet<Guid>();

        public LicenseProcessingRun(Guid groupId, DateTimeOffset startsAt)
        {
            GroupId = groupId;
            StartsAt = startsAt;
        }

        public Guid GroupId { get; }

        /// <summary>When the group leaves QueuedForProcessing.</summary>
        public DateTimeOffset StartsAt { get; }

        public bool Started { get; private set; }

        /// <summary>When the next queued user has been processed; users are processed back to back from <see cref="StartsAt"/>.</summary>
        public DateTimeOffset NextUserAt { get; private set; }

        public bool IsEmpty => _pending.Count == 0;

        public DateTimeOffset NextDue => Started ? NextUserAt : StartsAt;

        public static LicenseProcessingRun FromState(LicenseProcessingRunState state)
        {
            var run = new LicenseProcessingRun(state.GroupId, state.StartsAt) { Started = state.Started, NextUserAt = state.NextUserAt };
            foreach (var userId in state.PendingUsers)
            {
                run.Add(userId);
            }

            return run;
        }

        /// <summary>Queues a user unless it is already waiting; a user processed earlier in this run is queued again.</summary>
        public void Add(Guid userId)
        {
            if (_pendingSet.Add(userId))
            {
                _pending.Enqueue(userId);
            }
        }

        public void Start(TimeSpan perUser)
        {
            Started = true;
            NextUserAt = StartsAt + perUser;
        }

        public Guid TakeNext(TimeSpan perUser)
        {
            var userId = _pending.Dequeue();
            _pendingSet.Remove(userId);
            NextUserAt += perUser;
            return userId;
        }

        public LicenseProcessingRunState ToState() => new LicenseProcessingRunState
        {
            GroupId = GroupId,
            StartsAt = StartsAt,
            Started = Started,
            NextUserAt = NextUserAt,
            PendingUsers = new List<Guid>(_pending),
        };
    }

    /// <summary>A <see cref="LicenseProcessingRun"/> as snapshots store it.</summary>
    internal sealed class LicenseProcessingRunState
    {
        public Guid GroupId { get; set; }

        public DateTimeOffset StartsAt { get; set; }

        public bool Started { get; set; }

        public DateTimeOffset NextUserAt { get; set; }

        public List<Guid> PendingUsers { get; set; } = new List<Guid>();
    }
}
