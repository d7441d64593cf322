using System;

namespace LicenseGovernance.Engine.Graph.Connection
{
    /// <summary>A Microsoft cloud: where Graph lives, where tokens come from, and the resource a token must be issued for.</summary>
    public sealed class CloudEnvironment
    {
        public CloudEnvironment(string name, Uri graphEndpoint, Uri authorityHost)
        {
            Name = name;
            GraphEndpoint = graphEndpoint;
            AuthorityHost = authorityHost;
            // The scope names the Graph resource of this cloud; a token minted for graph.microsoft.com is refused by graph.microsoft.us.
            DefaultScope = ResourcePrefix + ".default";
        }

        public string Name { get; }

        /// <summary>The Graph root without a version segment, for example https://graph.microsoft.com.</summary>
        public Uri GraphEndpoint { get; }

        public Uri AuthorityHost { get; }

        /// <summary>For app-only tokens, for example https://graph.microsoft.com/.default.</summary>
        public string DefaultScope { get; }

        /// <summary>The prefix that turns a bare permission name into this cloud's scope, for example https://graph.microsoft.us/.</summary>
        public string ResourcePrefix => GraphEndpoint.GetLeftPart(UriPartial.Authority) + "/";

        public override string ToString() => Name;
    }
}
