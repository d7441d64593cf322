using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace LicenseGovernance.Engine.Graph.Connection
{
    /// <summary>A token obtained elsewhere (Connect-LicenseGovernance -AccessToken). It cannot be renewed.</summary>
    public sealed class StaticTokenCredential : TokenCredential
    {
        private readonly AccessToken _token;

        public StaticTokenCredential(string token)
        {
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new ArgumentException("The access token is empty.", nameof(token));
            }

            ExpiresOn = TokenClaims.TryParse(token)?.ExpiresOn;
            // An opaque token's lifetime is unknown; Graph answers 401 once it lapses, and that error tells the user to reconnect.
            _token = new AccessToken(token, ExpiresOn ?? DateTimeOffset.MaxValue);
        }

        /// <summary>From the JWT exp claim; null when the token cannot be read.</summary>
        public DateTimeOffset? ExpiresOn { get; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new ValueTask<AccessToken>(_token);
    }
}
