using System;

namespace LicenseGovernance.Simulator.Model.Entitlement
{
    /// <summary>An accessPackageAssignment: who holds which package under which policy, from when until when.</summary>
    public sealed class SimulatedAssignment
    {
        public Guid Id { get; set; }

        public Guid AccessPackageId { get; set; }

        public Guid PolicyId { get; set; }

        public Guid TargetId { get; set; }

        /// <summary>delivering, delivered, expired or deliveryFailed.</summary>
        public string State { get; set; } = "delivering";

        public string Status { get; set; } = "Delivering";

        public DateTimeOffset StartDateTime { get; set; }

        /// <summary>Null for an assignment that does not expire.</summary>
        public DateTimeOffset? EndDateTime { get; set; }

        public DateTimeOffset? ExpiredDateTime { get; set; }
    }
}
