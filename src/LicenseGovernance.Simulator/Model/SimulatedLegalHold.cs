using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Model
{
    /// <summary>An eDiscovery case (microsoft.graph.security.ediscoveryCase) with its legal holds.</summary>
    public sealed class SimulatedEdiscoveryCase
    {
        public Guid Id { get; set; }

        public string DisplayName { get; set; } = string.Empty;

        /// <summary>active or closed, among the v1.0 caseStatus values the simulator uses.</summary>
        public string Status { get; set; } = "active";

        public DateTimeOffset CreatedDateTime { get; set; }

        public List<SimulatedLegalHold> LegalHolds { get; set; } = new List<SimulatedLegalHold>();
    }

    /// <summary>A legal hold (ediscoveryHoldPolicy) and the mailboxes it holds (userSource: email per user).</summary>
    public sealed class SimulatedLegalHold
    {
        public Guid Id { get; set; }

        public string DisplayName { get; set; } = string.Empty;

        public bool IsEnabled { get; set; } = true;

        /// <summary>applied, among the v1.0 policyStatus values the simulator uses.</summary>
        public string Status { get; set; } = "success";

        public DateTimeOffset CreatedDateTime { get; set; }

        /// <summary>The e-mail address of each held user's mailbox and OneDrive (userSource.email).</summary>
        public List<string> UserSources { get; set; } = new List<string>();
    }

    /// <summary>A message sent through sendMail, kept so that tests can read what was sent.</summary>
    public sealed class SimulatedMail
    {
        /// <summary>The mailbox it was sent from: the signed-in user (/me) or the user named in /users/{id}/sendMail.</summary>
        public string From { get; set; } = string.Empty;

        public List<string> To { get; set; } = new List<string>();

        public string Subject { get; set; } = string.Empty;

        public string Body { get; set; } = string.Empty;

        public bool SavedToSentItems { get; set; }

        public DateTimeOffset SentDateTime { get; set; }
    }
}
