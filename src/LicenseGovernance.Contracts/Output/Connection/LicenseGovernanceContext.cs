using System;

namespace LicenseGovernance
{
    /// <summary>The current connection, as Get-LicenseGovernanceContext shows it. Holds no token or secret.</summary>
    public sealed class LicenseGovernanceContext
    {
        public string? TenantId { get; set; }
        /// <summary>The signed-in user (delegated) or the application's name or id (app-only).</summary>
        public string? Account { get; set; }
        public string? ClientId { get; set; }
        public string AuthenticationMethod { get; set; } = "";
        /// <summary>Delegated or Application, read from the token's claims.</summary>
        public string? TokenType { get; set; }
        public string Environment { get; set; } = "Global";
        public Uri? GraphEndpoint { get; set; }
        /// <summary>Delegated scopes (scp) or application roles (roles) the token holds.</summary>
        public ItemList<string> Scopes { get; set; } = new ItemList<string>();
        public bool IsSimulator { get; set; }
        public DateTimeOffset ConnectedAt { get; set; }
        public DateTimeOffset? TokenExpiresOn { get; set; }
        /// <summary>Where this session journals every change it makes to the tenant.</summary>
        public string? JournalPath { get; set; }
    }
}
