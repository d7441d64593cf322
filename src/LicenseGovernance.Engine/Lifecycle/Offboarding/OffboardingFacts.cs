using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle.Offboarding
{
    /// <summary>Everything one offboarding decides from, read from the tenant (and Exchange Online) before anything is changed.</summary>
    internal sealed class OffboardingFacts
    {
        public OffboardingFacts(User user, OffboardingHistory history)
        {
            User = user;
            UserId = Guid.Parse(user.Id!);
            UserPrincipalName = user.UserPrincipalName ?? user.Id!;
            History = history;
            Seats = LicenseStates.Of(user).Where(LicenseStates.HoldsSeat).ToList();
        }

        public User User { get; }

        public Guid UserId { get; }

        public string UserPrincipalName { get; }

        public OffboardingHistory History { get; }

        /// <summary>Every licence state of the user that holds a seat.</summary>
        public IReadOnlyList<LicenseState> Seats { get; }

        public bool AccountEnabled => User.AccountEnabled ?? true;

        /// <summary>eDiscovery legal holds and Exchange holds on the user, each named.</summary>
        public List<string> Holds { get; } = new List<string>();

        /// <summary>Why the holds could not be read (a missing permission); then the mailbox licence stays, to be safe.</summary>
        public string? HoldsUnreadable { get; set; }

        /// <summary>mailboxSettings.userPurpose (user, shared…), or null when the user has no mailbox.</summary>
        public string? MailboxPurpose { get; set; }

        /// <summary>Why the mailbox could not be read; then the mailbox licence stays.</summary>
        public string? MailboxUnreadable { get; set; }

        /// <summary>What Get-Mailbox says, when Exchange Online is connected.</summary>
        public ExchangeMailbox? ExchangeMailbox { get; set; }

        /// <summary>Who takes over the OneDrive: -Manager, else the user's manager in Entra; null when there is neither.</summary>
        public User? Manager { get; set; }

        /// <summary>The user's OneDrive, or null when none is provisioned.</summary>
        public string? DriveId { get; set; }

        /// <summary>The manager can write to the OneDrive's root already.</summary>
        public bool ManagerHasAccess { get; set; }

        /// <summary>Why the OneDrive could not be read; then no licence goes.</summary>
        public string? DriveUnreadable { get; set; }

        /// <summary>The user's access package requests waiting for approval: (request id, package name).</summary>
        public List<(Guid Id, string? Package)> PendingRequests { get; } = new List<(Guid, string?)>();

        public bool Shared => string.Equals(MailboxPurpose, "shared", StringComparison.OrdinalIgnoreCase) || (ExchangeMailbox?.IsShared ?? false);

        /// <summary>The mailbox licence must stay: the user is on hold, or the holds or the mailbox could not be read.</summary>
        public bool KeepsMailboxLicence => Holds.Count > 0 || HoldsUnreadable != null || MailboxUnreadable != null;
    }
}
