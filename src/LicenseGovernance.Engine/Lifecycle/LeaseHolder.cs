using System;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>Who holds the tier lease, and until when unless renewed.</summary>
    internal sealed class LeaseHolder
    {
        public LeaseHolder(string owner, DateTimeOffset expiresAt)
        {
            Owner = owner;
            ExpiresAt = expiresAt;
        }

        public string Owner { get; }

        public DateTimeOffset ExpiresAt { get; }
    }
}
