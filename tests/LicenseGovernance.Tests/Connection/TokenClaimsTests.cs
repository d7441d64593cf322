using LicenseGovernance.Engine.Graph.Connection;
using Xunit;

namespace LicenseGovernance.Tests.Connection
{
    public class TokenClaimsTests
    {
        [Fact]
        public void Reads_a_delegated_token()
        {
            var exp = DateTimeOffset.UtcNow.AddMinutes(50).ToUnixTimeSeconds();
            var claims = TokenClaims.TryParse(TestTokens.Delegated("User.Read.All  LicenseAssignment.Read.All", exp));

            Assert.NotNull(claims);
            Assert.True(claims!.IsDelegated);
            Assert.False(claims.IsAppOnly);
            Assert.Equal(new[] { "User.Read.All", "LicenseAssignment.Read.All" }, claims.Scopes);
            Assert.Equal(claims.Scopes, claims.Permissions);
            Assert.Empty(claims.Roles);
            Assert.Equal("11111111-2222-3333-4444-555555555555", claims.TenantId);
            Assert.Equal("14d82eec-204b-4c2f-b7e8-296a70dab67e", claims.AppId);
            Assert.Equal("Microsoft Graph Command Line Tools", claims.AppDisplayName);
            Assert.Equal("admin@contoso.onmicrosoft.com", claims.UserPrincipalName);
            Assert.Equal("99999999-8888-7777-6666-555555555555", claims.ObjectId);
            Assert.Equal("https://graph.microsoft.com", claims.Audience);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(exp), claims.ExpiresOn);
        }

        [Fact]
        public void Reads_an_application_token()
        {
            var claims = TokenClaims.TryParse(TestTokens.App("User.Read.All", "Directory.ReadWrite.All"));

            Assert.NotNull(claims);
            Assert.True(claims!.IsAppOnly);
            Assert.False(claims.IsDelegated);
            Assert.Equal(new[] { "User.Read.All", "Directory.ReadWrite.All" }, claims.Roles);
            Assert.Equal(claims.Roles, claims.Permissions);
            Assert.Empty(claims.Scopes);
            Assert.Null(claims.UserPrincipalName);
        }

        [Fact]
        public void An_app_token_without_roles_is_still_app_only()
        {
            var claims = TokenClaims.TryParse(TestTokens.App());

            Assert.True(claims!.IsAppOnly);
            Assert.Empty(claims.Permissions);
        }

        [Fact]
        public void Reads_v2_claim_names()
        {
            var claims = TokenClaims.TryParse(TestTokens.Jwt(new { azp = "app-id", preferred_username = "u@contoso.com", aud = new[] { "a", "b" }, scp = "User.Read" }));

            Assert.Equal("app-id", claims!.AppId);
            Assert.Equal("u@contoso.com", claims.UserPrincipalName);
            Assert.Equal("a", claims.Audience);
        }

        [Theory]
        [InlineData("")]
        [InlineData("opaque-token-value")]
        [InlineData("a.b")]
        [InlineData("eyJhbGciOiJub25lIn0.!!!notbase64!!!.sig")]
        [InlineData("eyJhbGciOiJub25lIn0.bm90IGpzb24.sig")]
        [InlineData("eyJhbGciOiJub25lIn0.WzEsMl0.sig")]
        [InlineData("bm90IGpzb24.eyJ0aWQiOiJ4In0.sig")]
        [InlineData("h.p.c.iv.tag")]
        public void Returns_null_for_tokens_it_cannot_read(string token)
        {
            Assert.Null(TokenClaims.TryParse(token));
        }

        [Fact]
        public void Reads_the_simulators_unsigned_tokens()
        {
            var tenant = LicenseGovernance.Simulator.SimulatedTenant.CreateEmpty();

            var claims = TokenClaims.TryParse(tenant.IssueAccessToken(tenant.DefaultPrincipal));

            Assert.Equal(tenant.TenantId, claims!.TenantId);
            Assert.Equal(tenant.DefaultPrincipal.AppId, claims.AppId);
            Assert.True(claims.IsAppOnly);
            Assert.NotEmpty(claims.Roles);
            Assert.Equal(tenant.Clock.UtcNow.AddHours(1).ToUnixTimeSeconds(), claims.ExpiresOn!.Value.ToUnixTimeSeconds());
        }
    }
}
