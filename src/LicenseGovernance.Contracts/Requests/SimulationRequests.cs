using System;
using System.Collections.Generic;

namespace LicenseGovernance.Requests
{
    /// <summary>Set-LicenseSimulatorTime: move the simulated clock by a duration or to an instant (one of the two).</summary>
    public sealed class SetSimulatorTimeRequest
    {
        public TimeSpan? Advance { get; set; }
        public DateTimeOffset? To { get; set; }
    }

    /// <summary>Set-LicenseSimulatorUser: change a simulated user's attributes as a PATCH /users/{id} would.</summary>
    public sealed class SetSimulatorUserRequest
    {
        /// <summary>User principal name or object id.</summary>
        public string User { get; set; } = "";

        /// <summary>Property name (any case) to new value: a string, a bool, a date, or null to clear.</summary>
        public IDictionary<string, object?> Property { get; set; } = new Dictionary<string, object?>();

        /// <summary>Exchange Online's mailbox type as mailboxSettings.userPurpose shows it (shared after Set-Mailbox -Type Shared); null leaves it.</summary>
        public string? MailboxPurpose { get; set; }
    }

    /// <summary>Get-LicenseSimulatorTimeline: one user's licence history, or the periods without a licence.</summary>
    public sealed class GetLicenseTimelineRequest
    {
        /// <summary>User principal name or object id.</summary>
        public string User { get; set; } = "";

        /// <summary>Only this SKU (part number, product name or id); its gaps rather than those of any licence.</summary>
        public string? Sku { get; set; }

        /// <summary>Write the periods without a licence instead of the changes.</summary>
        public bool Gaps { get; set; }
    }
}
