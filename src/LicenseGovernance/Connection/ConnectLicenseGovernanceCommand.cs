using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Connection
{
    /// <summary>Connects the session to a tenant (or to the embedded simulated tenant).</summary>
    [Cmdlet(VerbsCommunications.Connect, "LicenseGovernance", DefaultParameterSetName = InteractiveSet)]
    [OutputType(typeof(LicenseGovernanceContext))]
    public sealed class ConnectLicenseGovernanceCommand : LicenseGovernanceCmdlet
    {
        private const string InteractiveSet = "Interactive";
        private const string DeviceCodeSet = "DeviceCode";
        private const string ClientSecretSet = "ClientSecret";
        private const string ClientCredentialSet = "ClientSecretCredential";
        private const string ThumbprintSet = "CertificateThumbprint";
        private const string CertificateSet = "Certificate";
        private const string CertificatePathSet = "CertificatePath";
        private const string ManagedIdentitySet = "ManagedIdentity";
        // A user-assigned identity is named by its client id; -ManagedIdentity may be given with it but is not needed.
        private const string UserAssignedIdentitySet = "UserAssignedIdentity";
        private const string AccessTokenSet = "AccessToken";
        private const string SimulatorSet = "Simulator";

        [Parameter(ParameterSetName = InteractiveSet)]
        public SwitchParameter Interactive { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DeviceCodeSet)]
        public SwitchParameter DeviceCode { get; set; }

        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [Parameter(Mandatory = true, ParameterSetName = ClientCredentialSet)]
        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificatePathSet)]
        [Alias("Tenant")]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificatePathSet)]
        [Alias("AppId", "ApplicationId")]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Scopes { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        public SecureString? ClientSecret { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ClientCredentialSet)]
        [Credential]
        public PSCredential? ClientSecretCredential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [ValidateNotNullOrEmpty]
        public string? CertificateThumbprint { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        public X509Certificate2? Certificate { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CertificatePathSet)]
        [ValidateNotNullOrEmpty]
        public string? CertificatePath { get; set; }

        [Parameter(ParameterSetName = CertificatePathSet)]
        public SecureString? CertificatePassword { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ManagedIdentitySet)]
        [Parameter(ParameterSetName = UserAssignedIdentitySet)]
        public SwitchParameter ManagedIdentity { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = UserAssignedIdentitySet)]
        [ValidateNotNullOrEmpty]
        public string? ManagedIdentityClientId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        public SecureString? AccessToken { get; set; }

        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = ClientCredentialSet)]
        [Parameter(ParameterSetName = ThumbprintSet)]
        [Parameter(ParameterSetName = CertificateSet)]
        [Parameter(ParameterSetName = CertificatePathSet)]
        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [Parameter(ParameterSetName = UserAssignedIdentitySet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        [ValidateSet("Global", "USGov", "USGovDoD", "China")]
        public string Environment { get; set; } = "Global";

        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(ParameterSetName = ClientSecretSet)]
        [Parameter(ParameterSetName = ClientCredentialSet)]
        [Parameter(ParameterSetName = ThumbprintSet)]
        [Parameter(ParameterSetName = CertificateSet)]
        [Parameter(ParameterSetName = CertificatePathSet)]
        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [Parameter(ParameterSetName = UserAssignedIdentitySet)]
        [Parameter(ParameterSetName = AccessTokenSet)]
        public Uri? GraphEndpoint { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SimulatorSet)]
        public SwitchParameter Simulator { get; set; }

        /// <summary>The change journal's file for this session (every parameter set).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        [Parameter(ParameterSetName = SimulatorSet)]
        [ValidateNotNullOrEmpty]
        public string? SnapshotPath { get; set; }

        [Parameter(ParameterSetName = SimulatorSet)]
        [ValidateRange(1, 200000)]
        public int UserCount { get; set; } = 2000;

        [Parameter(ParameterSetName = SimulatorSet)]
        public int Seed { get; set; } = 20261124;

        /// <summary>Pins the seeded tenant's clock, and so its seeded history, to a date (rehearsals and tests); default now.</summary>
        [Parameter(ParameterSetName = SimulatorSet)]
        public DateTimeOffset? StartDate { get; set; }

        protected override void ProcessRecord()
        {
            var request = BuildRequest();
            var context = RunEngine(sink => Engine.ConnectAsync(request, sink));
            WriteObject(context);
        }

        private ConnectRequest BuildRequest()
        {
            var request = new ConnectRequest
            {
                TenantId = TenantId,
                ClientId = ClientId,
                Scopes = Scopes,
                Environment = Environment,
                GraphEndpoint = GraphEndpoint,
                JournalPath = JournalPath == null ? null : GetUnresolvedProviderPathFromPSPath(JournalPath),
                IsInteractiveHost = HostInteractivity.IsInteractive(
                    Host?.Name, System.Environment.GetCommandLineArgs().Skip(1), System.Environment.GetEnvironmentVariable, System.Environment.UserInteractive),
            };

            switch (ParameterSetName)
            {
                case DeviceCodeSet:
                    request.Method = AuthenticationMethod.DeviceCode;
                    break;
                case ClientSecretSet:
                    request.Method = AuthenticationMethod.ClientSecret;
                    request.ClientSecret = ClientSecret;
                    break;
                case ClientCredentialSet:
                    request.Method = AuthenticationMethod.ClientSecret;
                    request.ClientId = ClientSecretCredential!.UserName;
                    request.ClientSecret = ClientSecretCredential.Password;
                    break;
                case ThumbprintSet:
                    request.Method = AuthenticationMethod.Certificate;
                    request.CertificateThumbprint = CertificateThumbprint;
                    break;
                case CertificateSet:
                    request.Method = AuthenticationMethod.Certificate;
                    request.Certificate = Certificate;
                    break;
                case CertificatePathSet:
                    request.Method = AuthenticationMethod.Certificate;
                    request.CertificatePath = GetUnresolvedProviderPathFromPSPath(CertificatePath);
                    request.CertificatePassword = CertificatePassword;
                    break;
                case ManagedIdentitySet:
                case UserAssignedIdentitySet:
                    request.Method = AuthenticationMethod.ManagedIdentity;
                    request.ManagedIdentityClientId = ManagedIdentityClientId;
                    break;
                case AccessTokenSet:
                    request.Method = AuthenticationMethod.AccessToken;
                    request.AccessToken = AccessToken;
                    break;
                case SimulatorSet:
                    request.Method = AuthenticationMethod.Simulator;
                    request.SnapshotPath = SnapshotPath == null ? null : GetUnresolvedProviderPathFromPSPath(SnapshotPath);
                    request.SimulatorUserCount = UserCount;
                    request.SimulatorSeed = Seed;
                    request.SimulatorStart = StartDate;
                    break;
                default:
                    request.Method = AuthenticationMethod.Interactive;
                    break;
            }

            return request;
        }
    }
}
