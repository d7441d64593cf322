using System.Collections.Generic;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>An Exchange Online mailbox licence a plan takes away: on the SKU itself, or on a SKU a membership removal also takes.</summary>
    internal sealed class LostMailbox
    {
        public LostMailbox(string skuPartNumber, IReadOnlyList<string> plans, string? throughGroup)
        {
            SkuPartNumber = skuPartNumber;
            Plans = plans;
            ThroughGroup = throughGroup;
        }

        public string SkuPartNumber { get; }

        public IReadOnlyList<string> Plans { get; }

        /// <summary>The group whose membership carries it; null for the SKU the plan frees.</summary>
        public string? ThroughGroup { get; }

        public override string ToString() =>
            $"{SkuPartNumber} ({string.Join(", ", Plans)}{(ThroughGroup == null ? "" : $", through group '{ThroughGroup}'")})";
    }
}
