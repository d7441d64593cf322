using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace LicenseGovernance.Engine.Graph.Connection
{
    /// <summary>
    /// A token obtained elsewhere (Connect-LicenseGovernance -AccessToken), with the expiry read from it when it was checked.
    /// It cannot be renewed: once it lapses, Graph answers 401 and that error tells the user to connect again.
    /// </summary>
    public sealed class StaticTokenCredential : TokenCredential
    {
        private readonly AccessToken _token;

        public StaticTokenCredential(AccessToken token)
        {
            _token = token;
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new ValueTask<AccessToken>(_token);
    }
}
