using System.Collections.Generic;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>One scan of the tenant: seats and their cost per SKU, the zombie licences, and what could not be judged.</summary>
    internal sealed class WasteMeasurement
    {
        public WasteMeasurement(IReadOnlyList<LicenseUtilization> utilization, IReadOnlyList<ZombieTally> zombies, IReadOnlyList<string> warnings)
        {
            Utilization = utilization;
            Zombies = zombies;
            Warnings = warnings;
        }

        public IReadOnlyList<LicenseUtilization> Utilization { get; }

        /// <summary>The zombie licences counted by SKU and reasons.</summary>
        public IReadOnlyList<ZombieTally> Zombies { get; }

        /// <summary>For example that sign-in activity could not be read, so Inactive and NeverSignedIn were not judged.</summary>
        public IReadOnlyList<string> Warnings { get; }
    }
}
