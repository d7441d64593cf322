using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Membership
{
    /// <summary>A queued evaluation of one dynamic group's rule: against every user, or against the users that changed.</summary>
    internal sealed class DynamicEvaluation
    {
        public Guid GroupId { get; set; }

        public DateTimeOffset DueAt { get; set; }

        /// <summary>The whole tenant (new or changed rule, processing turned On); otherwise only <see cref="Users"/>.</summary>
        public bool Full { get; set; }

        public List<Guid> Users { get; set; } = new List<Guid>();
    }
}
