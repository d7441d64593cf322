using System;
using System.Collections.Generic;
using System.Linq;
using Azure.Identity;

namespace LicenseGovernance.Engine.Graph.Connection
{
    /// <summary>The clouds Connect-LicenseGovernance -Environment accepts (graph-contract §8.7).</summary>
    public static class CloudEnvironments
    {
        public static readonly CloudEnvironment Global = new CloudEnvironment(
            "Global", new Uri("https://graph.microsoft.com"), AzureAuthorityHosts.AzurePublicCloud);

        /// <summary>US Government L4 (GCC High). GCC Moderate tenants use Global.</summary>
        public static readonly CloudEnvironment USGov = new CloudEnvironment(
            "USGov", new Uri("https://graph.microsoft.us"), AzureAuthorityHosts.AzureGovernment);

        /// <summary>US Government L5 (DoD): its own Graph host, but the same sign-in authority as L4.</summary>
        public static readonly CloudEnvironment USGovDoD = new CloudEnvironment(
            "USGovDoD", new Uri("https://dod-graph.microsoft.us"), AzureAuthorityHosts.AzureGovernment);

        /// <summary>Microsoft Azure operated by 21Vianet.</summary>
        public static readonly CloudEnvironment China = new CloudEnvironment(
            "China", new Uri("https://microsoftgraph.chinacloudapi.cn"), AzureAuthorityHosts.AzureChina);

        public static IReadOnlyList<CloudEnvironment> All { get; } = new[] { Global, USGov, USGovDoD, China };

        public static CloudEnvironment Get(string name)
        {
            var match = All.FirstOrDefault(e => string.Equals(e.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match != null)
            {
                return match;
            }

            throw Errors.InvalidCredentialParameter(
                "Environment",
                $"'{name}' is not a known cloud. Use one of: {string.Join(", ", All.Select(e => e.Name))}.").ToException();
        }
    }
}
