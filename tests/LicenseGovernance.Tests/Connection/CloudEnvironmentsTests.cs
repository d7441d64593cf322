using LicenseGovernance.Engine.Graph.Connection;
using Xunit;

namespace LicenseGovernance.Tests.Connection
{
    public class CloudEnvironmentsTests
    {
        [Theory]
        [InlineData("Global", "graph.microsoft.com", "login.microsoftonline.com")]
        [InlineData("USGov", "graph.microsoft.us", "login.microsoftonline.us")]
        [InlineData("USGovDoD", "dod-graph.microsoft.us", "login.microsoftonline.us")]
        [InlineData("China", "microsoftgraph.chinacloudapi.cn", "login.chinacloudapi.cn")]
        public void Maps_each_cloud_to_its_graph_and_authority_hosts(string name, string graphHost, string authorityHost)
        {
            var cloud = CloudEnvironments.Get(name);

            Assert.Equal(name, cloud.Name);
            Assert.Equal("https", cloud.GraphEndpoint.Scheme);
            Assert.Equal(graphHost, cloud.GraphEndpoint.Host);
            Assert.Equal(authorityHost, cloud.AuthorityHost.Host);
            Assert.Equal($"https://{graphHost}/.default", cloud.DefaultScope);
        }

        [Theory]
        [InlineData("global")]
        [InlineData("USGOVDOD")]
        [InlineData(" china ")]
        public void Names_are_case_insensitive(string name)
        {
            Assert.Contains(CloudEnvironments.Get(name), CloudEnvironments.All);
        }

        [Theory]
        [InlineData("AzureGermany")]
        [InlineData("")]
        public void Unknown_cloud_is_refused_with_the_valid_names(string name)
        {
            var ex = Assert.Throws<LicenseGovernanceException>(() => CloudEnvironments.Get(name));

            Assert.Equal(ErrorIds.InvalidCredentialParameter, ex.Error.Id);
            Assert.Equal("Environment", ex.Error.Target);
            foreach (var cloud in CloudEnvironments.All)
            {
                Assert.Contains(cloud.Name, ex.Error.Message);
            }
        }

        [Fact]
        public void All_lists_four_distinct_clouds()
        {
            Assert.Equal(new[] { "Global", "USGov", "USGovDoD", "China" }, CloudEnvironments.All.Select(c => c.Name));
        }
    }
}
