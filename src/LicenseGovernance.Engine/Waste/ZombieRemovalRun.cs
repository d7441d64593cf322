using System;
using System.Collections.Generic;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Waste
{
    /// <summary>
    /// What one Remove-ZombieLicense run learns once: what its removal plans share (groups read, memberships ended), how
    /// licences reach users (access package assignments, and what is already ending) as read at its start, whether it
    /// already warned that access packages cannot be checked, and the money counted so far.
    /// </summary>
    internal sealed class ZombieRemovalRun : LicenseRemovalRun
    {
        public ZombieRemovalRun(IReadOnlyList<LicenseSku> tenantSkus, LicenseSources sources)
            : base(tenantSkus) => Sources = sources;

        public LicenseSources Sources { get; }

        public bool WarnedAboutPackages { get; set; }

        /// <summary>Users and SKUs whose money a Removed row counted, with that row's SKU: each is counted once a run.</summary>
        public Dictionary<(Guid User, Guid Sku), string> Recovered { get; } = new Dictionary<(Guid User, Guid Sku), string>();

        /// <summary>The same for rows not confirmed (-WhatIf), and for confirmed rows not yet applied: what the run would free.</summary>
        public Dictionary<(Guid User, Guid Sku), string> WouldRecover { get; } = new Dictionary<(Guid User, Guid Sku), string>();

        /// <summary>The evidence the token may read; narrowed at the first refusal.</summary>
        public List<string> Optional { get; } = new List<string> { WasteScanner.SignInActivity, WasteScanner.LeaveDate };
    }
}
