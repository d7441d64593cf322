using System;

namespace LicenseGovernance
{
    /// <summary>One change to the SKUs a simulated user holds, by one source, from the simulator's licence timeline.</summary>
    public sealed class LicenseSimulatorTimelineEntry
    {
        public Guid UserId { get; set; }
        public string UserPrincipalName { get; set; } = "";
        /// <summary>
        /// When the change was applied on the simulated clock. For <see cref="LicenseTimelineChange.Held"/>, when the state
        /// started as far as the simulator knows, or null.
        /// </summary>
        public DateTimeOffset? When { get; set; }
        public string Sku { get; set; } = "";
        public Guid SkuId { get; set; }
        /// <summary>"Direct", or the name of the group the licence comes from.</summary>
        public string Source { get; set; } = "";
        public Guid? SourceGroupId { get; set; }
        public LicenseTimelineChange Change { get; set; }
    }
}
