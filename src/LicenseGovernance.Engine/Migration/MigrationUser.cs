using System;
using System.Collections.Generic;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Migration
{
    /// <summary>One user holding the SKU directly, as the migration sees them; small, so 10,000 stay cheap.</summary>
    internal sealed class MigrationUser
    {
        public MigrationUser(string id, string? userPrincipalName, HashSet<Guid> directEnabled)
        {
            Id = id;
            UserPrincipalName = userPrincipalName;
            DirectEnabled = directEnabled;
        }

        public string Id { get; }

        public string? UserPrincipalName { get; }

        public string Name => UserPrincipalName ?? Id;

        /// <summary>The plans the direct assignment enables.</summary>
        public HashSet<Guid> DirectEnabled { get; }

        /// <summary>The direct assignment's disabled plans, as the journal records them.</summary>
        public List<Guid> DirectDisabled { get; } = new List<Guid>();

        public bool Member { get; set; }

        /// <summary>The user's licence state from the target group, as last read.</summary>
        public LicenseState? FromGroup { get; set; }
    }
}
