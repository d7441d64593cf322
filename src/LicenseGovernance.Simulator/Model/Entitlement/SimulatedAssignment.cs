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

        /// <summary>
        /// While delivering: when delivery completes (the Member roles are granted), or when the service retries a stalled
        /// delivery; null for a delivery stalled for good.
        /// </summary>
        public DateTimeOffset? DeliveryDueDateTime { get; set; }

        /// <summary>A delivery the service got stuck on: it waits for a retry (a date on the clock), not for processing.</summary>
        public bool DeliveryStalled { get; set; }

        /// <summary>While a removal (adminRemove, userRemove, or the end date) is under way: when the assignment ends and its memberships go.</summary>
        public DateTimeOffset? RemovalDueDateTime { get; set; }
    }
}
