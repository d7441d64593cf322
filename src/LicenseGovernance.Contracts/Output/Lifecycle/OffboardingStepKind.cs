namespace LicenseGovernance
{
    /// <summary>The steps of an offboarding, in the order they run.</summary>
    public enum OffboardingStepKind
    {
        /// <summary>accountEnabled false: nobody signs in as the leaver again.</summary>
        DisableSignIn,
        /// <summary>revokeSignInSessions: refresh tokens and session cookies already issued stop working.</summary>
        RevokeSessions,
        /// <summary>eDiscovery legal holds (and Exchange holds) that keep the mailbox licence.</summary>
        LegalHold,
        /// <summary>The mailbox is shared before its licence goes, or it is deleted after the grace period.</summary>
        Mailbox,
        /// <summary>The manager gets write access to the leaver's OneDrive before the licence goes.</summary>
        OneDrive,
        /// <summary>The leaver's access package requests still waiting for approval are cancelled.</summary>
        PendingRequests,
        /// <summary>One SKU's seat freed the way it reaches the user (access package, group, direct), or kept and why.</summary>
        License,
        /// <summary>The mail to finance (-NotifyEmail), once the offboarding is complete.</summary>
        NotifyFinance,
        /// <summary>The seats and money recovered, journaled; the record that closes a complete offboarding.</summary>
        Recovered,
    }
}
