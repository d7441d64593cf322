using LicenseGovernance.Hosting;

namespace LicenseGovernance.Requests
{
    /// <summary>Start-LicenseOffboarding: one ordered, journaled, resumable plan per leaver.</summary>
    public sealed class StartLicenseOffboardingRequest
    {
        /// <summary>User principal names or ids, each offboarded once.</summary>
        public string[] User { get; set; } = System.Array.Empty<string>();

        /// <summary>Who gets write access to the leaver's OneDrive; null takes the leaver's manager from Entra.</summary>
        public string? Manager { get; set; }

        /// <summary>Finance's address for the recovered seats and money; null sends nothing.</summary>
        public string? NotifyEmail { get; set; }

        /// <summary>The mailbox an application sends the notice from (/users/{id}/sendMail); a signed-in user sends from their own (/me).</summary>
        public string? SenderMailbox { get; set; }

        /// <summary>Convert the mailbox to shared through Exchange Online (needs <see cref="Exchange"/>).</summary>
        public bool ConvertMailboxToShared { get; set; }

        /// <summary>Send the manager OneDrive's sharing e-mail; by default the access is granted silently.</summary>
        public bool SendOneDriveInvitation { get; set; }

        /// <summary>One <see cref="LicenseOffboardingSummary"/> per user instead of the steps.</summary>
        public bool Summary { get; set; }

        public bool WhatIf { get; set; }

        /// <summary>The ExchangeOnlineManagement session the cmdlet found connected; null when there is none.</summary>
        public IExchangeOnline? Exchange { get; set; }
    }
}
