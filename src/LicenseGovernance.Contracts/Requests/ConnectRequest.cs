using System;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace LicenseGovernance.Requests
{
    public enum AuthenticationMethod
    {
        Interactive,
        DeviceCode,
        ClientSecret,
        Certificate,
        ManagedIdentity,
        AccessToken,
        Simulator,
    }

    /// <summary>Everything Connect-LicenseGovernance was given; the engine validates and acts on it.</summary>
    public sealed class ConnectRequest
    {
        public AuthenticationMethod Method { get; set; }
        public string? TenantId { get; set; }
        public string? ClientId { get; set; }
        public SecureString? ClientSecret { get; set; }
        public string? CertificateThumbprint { get; set; }
        public X509Certificate2? Certificate { get; set; }
        public string? CertificatePath { get; set; }
        public SecureString? CertificatePassword { get; set; }
        /// <summary>Client id of a user-assigned managed identity; null for the system-assigned identity.</summary>
        public string? ManagedIdentityClientId { get; set; }
        public SecureString? AccessToken { get; set; }
        /// <summary>Global, USGov, USGovDoD or China.</summary>
        public string Environment { get; set; } = "Global";
        public Uri? GraphEndpoint { get; set; }
        /// <summary>Delegated scopes to ask for (Interactive and DeviceCode only).</summary>
        public string[]? Scopes { get; set; }
        /// <summary>False in runbooks, scheduled jobs and -NonInteractive sessions: the engine must never prompt.</summary>
        public bool IsInteractiveHost { get; set; } = true;
        public string? SnapshotPath { get; set; }
        /// <summary>The change journal's file for this session; null keeps the default (LICENSEGOVERNANCE_JOURNAL, or the settings folder).</summary>
        public string? JournalPath { get; set; }
        /// <summary>Size of the seeded demo tenant (Simulator only).</summary>
        public int? SimulatorUserCount { get; set; }
        /// <summary>Seed of the demo tenant; the same seed gives the same tenant.</summary>
        public int? SimulatorSeed { get; set; }
        /// <summary>When the seeded demo tenant's clock starts; null starts it now (Simulator only, not with a snapshot).</summary>
        public DateTimeOffset? SimulatorStart { get; set; }
    }
}
