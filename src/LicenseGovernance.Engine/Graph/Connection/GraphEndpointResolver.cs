using System;
using System.Net;
using System.Net.Sockets;

namespace LicenseGovernance.Engine.Graph.Connection
{
    /// <summary>Turns -GraphEndpoint (or the cloud's default) into the v1.0 base URL the Graph client is given.</summary>
    public static class GraphEndpointResolver
    {
        private const string VersionSegment = "/v1.0";

        public static Uri Resolve(Uri? graphEndpoint, CloudEnvironment environment)
        {
            if (environment == null)
            {
                throw new ArgumentNullException(nameof(environment));
            }

            var endpoint = graphEndpoint ?? environment.GraphEndpoint;
            var shown = graphEndpoint?.OriginalString ?? endpoint.ToString();

            if (!endpoint.IsAbsoluteUri)
            {
                throw Errors.InvalidGraphEndpoint(shown, "it is not an absolute address.").ToException();
            }

            var isHttps = endpoint.Scheme == Uri.UriSchemeHttps;
            var isHttp = endpoint.Scheme == Uri.UriSchemeHttp;
            if (!isHttps && !isHttp)
            {
                throw Errors.InvalidGraphEndpoint(shown, $"the scheme '{endpoint.Scheme}' is not supported.").ToException();
            }

            // Plain http would send the bearer token in clear text; only a listener on this machine (the simulator) may have it.
            if (isHttp && !IsLoopback(endpoint))
            {
                throw Errors.InvalidGraphEndpoint(shown, "http:// is allowed only for loopback addresses, because the access token would travel unencrypted.").ToException();
            }

            if (!string.IsNullOrEmpty(endpoint.UserInfo))
            {
                throw Errors.InvalidGraphEndpoint(shown, "it must not contain a user name or password.").ToException();
            }

            // The SDK appends request paths to the base URL, so a query or fragment would end up in the middle of every URL.
            if (!string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
            {
                throw Errors.InvalidGraphEndpoint(shown, "it must not contain a query (?...) or fragment (#...).").ToException();
            }

            var path = endpoint.AbsolutePath.TrimEnd('/');
            if (path.EndsWith("/beta", StringComparison.OrdinalIgnoreCase))
            {
                throw Errors.InvalidGraphEndpoint(shown, "the module uses Microsoft Graph v1.0 only; give the root address without /beta.").ToException();
            }

            if (!path.EndsWith(VersionSegment, StringComparison.OrdinalIgnoreCase))
            {
                path += VersionSegment;
            }

            return new Uri(endpoint.GetLeftPart(UriPartial.Authority) + path);
        }

        internal static bool IsLoopback(Uri uri)
        {
            if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // Uri.Host keeps the brackets of an IPv6 literal; IdnHost does not on every runtime, so strip them here.
            var host = uri.Host.Trim('[', ']');
            if (!IPAddress.TryParse(host, out var address))
            {
                return false;
            }

            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }

            // The whole of 127.0.0.0/8 is loopback; checked by hand because runtimes differ on IPAddress.IsLoopback for it.
            return address.AddressFamily == AddressFamily.InterNetwork
                ? address.GetAddressBytes()[0] == 127
                : IPAddress.IsLoopback(address);
        }
    }
}
