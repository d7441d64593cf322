using System.Net;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Graph.Connection;
using LicenseGovernance.Engine.Permissions;
using LicenseGovernance.Requests;
using Xunit;

namespace LicenseGovernance.Tests.Connection
{
    public sealed class CredentialFactoryTests : IDisposable
    {
        private const string Tenant = "11111111-2222-3333-4444-555555555555";
        private const string Client = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "lg-conn-tests-" + Guid.NewGuid().ToString("N"));
        private readonly List<string> _deviceMessages = new List<string>();

        public CredentialFactoryTests()
        {
            Directory.CreateDirectory(_folder);
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Theory]
        [InlineData(AuthenticationMethod.Interactive)]
        [InlineData(AuthenticationMethod.DeviceCode)]
        public void Prompting_methods_are_refused_on_a_non_interactive_host_before_anything_else(AuthenticationMethod method)
        {
            // Invalid ids would fail validation; the host check must win so a runbook learns the real problem first.
            var request = new ConnectRequest { Method = method, IsInteractiveHost = false, TenantId = "not a tenant", ClientId = "nope" };

            var error = Fails(request);

            Assert.Equal(ErrorIds.NonInteractiveHost, error.Id);
            Assert.Equal(method.ToString(), error.Target);
            Assert.Empty(_deviceMessages);
        }

        [Fact]
        public void Interactive_builds_a_browser_credential_with_the_public_client_by_default()
        {
            var credential = Create(new ConnectRequest { Method = AuthenticationMethod.Interactive }, CloudEnvironments.USGov);

            Assert.IsType<InteractiveBrowserCredential>(credential);
            Assert.True(Guid.TryParse(CredentialFactory.DefaultPublicClientId, out _));
        }

        [Fact]
        public void DeviceCode_builds_a_device_code_credential()
        {
            var credential = Create(new ConnectRequest { Method = AuthenticationMethod.DeviceCode, TenantId = "contoso.onmicrosoft.com", ClientId = Client });

            Assert.IsType<DeviceCodeCredential>(credential);
        }

        [Theory]
        [InlineData(AuthenticationMethod.Interactive, "contoso", null, "TenantId")]
        [InlineData(AuthenticationMethod.Interactive, null, "not-a-guid", "ClientId")]
        [InlineData(AuthenticationMethod.DeviceCode, "http://contoso.com", null, "TenantId")]
        [InlineData(AuthenticationMethod.DeviceCode, null, "", "ClientId")]
        public void Prompting_methods_validate_optional_ids_when_given(AuthenticationMethod method, string? tenant, string? client, string parameter)
        {
            AssertInvalid(new ConnectRequest { Method = method, TenantId = tenant, ClientId = client }, parameter);
        }

        [Fact]
        public void ClientSecret_builds_a_secret_credential()
        {
            var credential = Create(new ConnectRequest { Method = AuthenticationMethod.ClientSecret, TenantId = "contoso.com", ClientId = Client, ClientSecret = Secure("s3cr3t") });

            Assert.IsType<ClientSecretCredential>(credential);
        }

        [Theory]
        [InlineData(null, Client, "s3cr3t", "TenantId")]
        [InlineData("  ", Client, "s3cr3t", "TenantId")]
        [InlineData("contoso", Client, "s3cr3t", "TenantId")]
        [InlineData("10.0.0.1", Client, "s3cr3t", "TenantId")]
        [InlineData(Tenant, null, "s3cr3t", "ClientId")]
        [InlineData(Tenant, "my-app", "s3cr3t", "ClientId")]
        [InlineData(Tenant, Client, null, "ClientSecret")]
        [InlineData(Tenant, Client, " ", "ClientSecret")]
        public void ClientSecret_names_the_missing_or_invalid_parameter(string? tenant, string? client, string? secret, string parameter)
        {
            AssertInvalid(new ConnectRequest
            {
                Method = AuthenticationMethod.ClientSecret,
                TenantId = tenant,
                ClientId = client,
                ClientSecret = secret == null ? null : Secure(secret),
            }, parameter);
        }

        [Fact]
        public void Certificate_from_a_password_protected_pfx_works()
        {
            var path = WritePfx("pfx-pass");

            var credential = Create(Certificate(r => { r.CertificatePath = path; r.CertificatePassword = Secure("pfx-pass"); }));

            Assert.IsType<ClientCertificateCredential>(credential);
        }

        [Fact]
        public void Certificate_object_with_a_private_key_works()
        {
            using var certificate = NewCertificate();

            Assert.IsType<ClientCertificateCredential>(Create(Certificate(r => r.Certificate = certificate)));
        }

        [Fact]
        public void Certificate_without_a_private_key_is_refused()
        {
            using var withKey = NewCertificate();
            using var publicOnly = X509CertificateLoader.LoadCertificate(withKey.RawData);

            var error = AssertInvalid(Certificate(r => r.Certificate = publicOnly), "Certificate");

            Assert.Contains("private key", error.Message);
        }

        [Fact]
        public void Certificate_file_without_a_private_key_is_refused()
        {
            using var withKey = NewCertificate();
            var path = Path.Combine(_folder, "public.cer");
            File.WriteAllBytes(path, withKey.Export(X509ContentType.Cert));

            AssertInvalid(Certificate(r => r.CertificatePath = path), "CertificatePath");
        }

        [Fact]
        public void Certificate_pfx_with_a_wrong_password_names_the_password()
        {
            var path = WritePfx("right");

            AssertInvalid(Certificate(r => { r.CertificatePath = path; r.CertificatePassword = Secure("wrong"); }), "CertificatePassword");
        }

        [Fact]
        public void Certificate_missing_file_is_not_found()
        {
            var error = Fails(Certificate(r => r.CertificatePath = Path.Combine(_folder, "missing.pfx")));

            Assert.Equal(ErrorIds.CertificateNotFound, error.Id);
        }

        [Fact]
        public void Certificate_thumbprint_not_in_any_store_is_not_found()
        {
            var error = Fails(Certificate(r => r.CertificateThumbprint = "00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 00 11 22 33"));

            Assert.Equal(ErrorIds.CertificateNotFound, error.Id);
            Assert.Contains("00112233445566778899AABBCCDDEEFF00112233", error.Message);
        }

        [Theory]
        [InlineData("xyz")]
        [InlineData("0011223344556677889900112233445566778899AA")]
        [InlineData("ZZ11223344556677889900112233445566778899")]
        public void Certificate_thumbprint_must_be_forty_hex_characters(string thumbprint)
        {
            AssertInvalid(Certificate(r => r.CertificateThumbprint = thumbprint), "CertificateThumbprint");
        }

        [Fact]
        public void Certificate_needs_one_source()
        {
            var error = AssertInvalid(Certificate(_ => { }), "CertificateThumbprint");

            Assert.Contains("-CertificatePath", error.Message);
        }

        [Fact]
        public void Certificate_refuses_two_sources()
        {
            using var certificate = NewCertificate();

            var error = AssertInvalid(Certificate(r => { r.Certificate = certificate; r.CertificatePath = "x.pfx"; }), "CertificatePath");

            Assert.Contains("only one", error.Message);
        }

        [Theory]
        [InlineData(null, Client, "TenantId")]
        [InlineData(Tenant, null, "ClientId")]
        public void Certificate_needs_tenant_and_client(string? tenant, string? client, string parameter)
        {
            using var certificate = NewCertificate();

            AssertInvalid(new ConnectRequest { Method = AuthenticationMethod.Certificate, TenantId = tenant, ClientId = client, Certificate = certificate }, parameter);
        }

        [Fact]
        public void ManagedIdentity_system_and_user_assigned()
        {
            Assert.IsType<ManagedIdentityCredential>(Create(new ConnectRequest { Method = AuthenticationMethod.ManagedIdentity }));
            Assert.IsType<ManagedIdentityCredential>(Create(new ConnectRequest { Method = AuthenticationMethod.ManagedIdentity, ManagedIdentityClientId = Client }));
        }

        [Fact]
        public void ManagedIdentity_client_id_must_be_a_guid()
        {
            AssertInvalid(new ConnectRequest { Method = AuthenticationMethod.ManagedIdentity, ManagedIdentityClientId = "my-identity" }, "ManagedIdentityClientId");
        }

        [Fact]
        public void AccessToken_is_wrapped_and_a_bearer_prefix_removed()
        {
            var token = TestTokens.App("User.Read.All");

            var credential = Assert.IsType<StaticTokenCredential>(Create(new ConnectRequest { Method = AuthenticationMethod.AccessToken, AccessToken = Secure("Bearer " + token) }));

            Assert.Equal(token, credential.GetToken(new Azure.Core.TokenRequestContext(Array.Empty<string>()), default).Token);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("two words")]
        public void AccessToken_must_be_present(string? token)
        {
            AssertInvalid(new ConnectRequest { Method = AuthenticationMethod.AccessToken, AccessToken = token == null ? null : Secure(token) }, "AccessToken");
        }

        [Fact]
        public void AccessToken_that_already_expired_is_refused_with_its_expiry()
        {
            var expiry = DateTimeOffset.UtcNow.AddMinutes(-5);
            var expired = TestTokens.Delegated("User.Read.All", expiry.ToUnixTimeSeconds());

            var error = Fails(AccessToken(expired));

            Assert.Equal(ErrorIds.AccessTokenExpired, error.Id);
            Assert.Contains($"expired at {expiry.UtcDateTime:u}", error.Message);
        }

        [Theory]
        [InlineData("abc")]
        [InlineData("a.b")]
        [InlineData("a.b.c")]
        [InlineData("eyJhbGciOiJub25lIn0.bm90IGpzb24.c2ln")]
        [InlineData("bm90IGpzb24.eyJ0aWQiOiJ4In0.c2ln")]
        [InlineData("eyJhbGciOiJub25lIn0.WzEsMl0.c2ln")]
        [InlineData("h.p.c.iv.tag")]
        public void AccessToken_that_is_not_a_jwt_is_refused(string token)
        {
            var error = Fails(AccessToken(token));

            Assert.Equal(ErrorIds.AccessTokenNotJwt, error.Id);
            Assert.Contains("not a JSON Web Token", error.Message);
        }

        [Theory]
        [InlineData("tid")]
        [InlineData("exp")]
        public void AccessToken_without_a_tenant_or_an_expiry_is_refused(string claim)
        {
            var claims = new Dictionary<string, object> { ["tid"] = Tenant, ["appid"] = Client, ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() };
            claims.Remove(claim);

            var error = Fails(AccessToken(TestTokens.Jwt(claims)));

            Assert.Equal(ErrorIds.AccessTokenClaimMissing, error.Id);
            Assert.Contains($"'{claim}'", error.Message);
        }

        [Fact]
        public void AccessToken_credential_expires_when_the_token_does()
        {
            var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();

            var credential = Create(AccessToken(TestTokens.Delegated("User.Read.All", exp)));

            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(exp), credential.GetToken(new Azure.Core.TokenRequestContext(Array.Empty<string>()), default).ExpiresOn);
        }

        [Fact]
        public void Simulator_is_not_an_identity_credential()
        {
            Assert.Throws<ArgumentException>(() => Create(new ConnectRequest { Method = AuthenticationMethod.Simulator }));
        }

        [Theory]
        [InlineData(AuthenticationMethod.ClientSecret)]
        [InlineData(AuthenticationMethod.Certificate)]
        [InlineData(AuthenticationMethod.ManagedIdentity)]
        [InlineData(AuthenticationMethod.AccessToken)]
        public void App_only_methods_ask_for_the_clouds_default_scope(AuthenticationMethod method)
        {
            var scopes = CredentialFactory.ScopesFor(new ConnectRequest { Method = method, Scopes = new[] { "User.Read.All" } }, CloudEnvironments.China);

            Assert.Equal(new[] { "https://microsoftgraph.chinacloudapi.cn/.default" }, scopes);
        }

        [Theory]
        [InlineData("Global", "https://graph.microsoft.com/User.Read.All")]
        [InlineData("USGov", "https://graph.microsoft.us/User.Read.All")]
        [InlineData("USGovDoD", "https://dod-graph.microsoft.us/User.Read.All")]
        [InlineData("China", "https://microsoftgraph.chinacloudapi.cn/User.Read.All")]
        public void Delegated_scopes_are_mapped_to_the_clouds_graph_host(string cloud, string expected)
        {
            var scopes = CredentialFactory.ScopesFor(
                new ConnectRequest { Method = AuthenticationMethod.DeviceCode, Scopes = new[] { "User.Read.All", "offline_access", "user.read.all" } },
                CloudEnvironments.Get(cloud));

            Assert.Equal(new[] { expected, "offline_access" }, scopes);
        }

        [Fact]
        public void Delegated_default_is_every_capabilitys_least_privileged_scope()
        {
            var scopes = CredentialFactory.ScopesFor(new ConnectRequest { Method = AuthenticationMethod.Interactive }, CloudEnvironments.USGov);

            Assert.Contains("https://graph.microsoft.us/LicenseAssignment.Read.All", scopes);
            Assert.Contains("https://graph.microsoft.us/AuditLog.Read.All", scopes);
            Assert.DoesNotContain(scopes, s => s.EndsWith("Directory.ReadWrite.All", StringComparison.Ordinal));
            Assert.Equal(CapabilityCatalog.All.Select(c => c.DelegatedPermission).Distinct().Count(), scopes.Length);
            Assert.All(scopes, s => Assert.StartsWith("https://graph.microsoft.us/", s));
        }

        [Fact]
        public void Delegated_scope_with_spaces_is_refused()
        {
            var ex = Assert.Throws<LicenseGovernanceException>(() =>
                CredentialFactory.ScopesFor(new ConnectRequest { Method = AuthenticationMethod.Interactive, Scopes = new[] { "User.Read.All Group.Read.All" } }, CloudEnvironments.Global));

            Assert.Equal(ErrorIds.InvalidCredentialParameter, ex.Error.Id);
            Assert.Equal("Scopes", ex.Error.Target);
        }

        private Azure.Core.TokenCredential Create(ConnectRequest request, CloudEnvironment? cloud = null) =>
            CredentialFactory.Create(request, cloud ?? CloudEnvironments.Global, _deviceMessages.Add);

        private GovernanceError Fails(ConnectRequest request) =>
            Assert.Throws<LicenseGovernanceException>(() => Create(request)).Error;

        private static ConnectRequest AccessToken(string token) => new ConnectRequest { Method = AuthenticationMethod.AccessToken, AccessToken = Secure(token) };

        private GovernanceError AssertInvalid(ConnectRequest request, string parameter)
        {
            var error = Fails(request);
            Assert.Equal(ErrorIds.InvalidCredentialParameter, error.Id);
            Assert.Equal(parameter, error.Target);
            return error;
        }

        private static ConnectRequest Certificate(Action<ConnectRequest> set)
        {
            var request = new ConnectRequest { Method = AuthenticationMethod.Certificate, TenantId = Tenant, ClientId = Client };
            set(request);
            return request;
        }

        private static X509Certificate2 NewCertificate()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=LicenseGovernance test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        }

        private string WritePfx(string password)
        {
            using var certificate = NewCertificate();
            var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".pfx");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
            return path;
        }

        private static SecureString Secure(string value) => new NetworkCredential(string.Empty, value).SecurePassword;
    }
}
