using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model
{
    /// <summary>One permission on a OneDrive's root, as driveItem invite grants it to a recipient of the organisation.</summary>
    public sealed class SimulatedDrivePermission
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The recipient, a user of the tenant.</summary>
        public Guid UserId { get; set; }

        public string Email { get; set; } = string.Empty;

        /// <summary>read or write.</summary>
        public List<string> Roles { get; set; } = new List<string>();

        public bool RequireSignIn { get; set; }

        /// <summary>Whether the invite asked for a sharing e-mail to the recipient.</summary>
        public bool InvitationSent { get; set; }

        public DateTimeOffset GrantedDateTime { get; set; }
    }
}
