using LicenseGovernance.Engine.Graph.Connection;
using Xunit;

namespace LicenseGovernance.Tests.Connection
{
    public class GraphEndpointResolverTests
    {
        [Theory]
        [InlineData("Global", "https://graph.microsoft.com/v1.0")]
        [InlineData("USGov", "https://graph.microsoft.us/v1.0")]
        [InlineData("USGovDoD", "https://dod-graph.microsoft.us/v1.0")]
        [InlineData("China", "https://microsoftgraph.chinacloudapi.cn/v1.0")]
        public void Without_an_endpoint_uses_the_cloud_root(string cloud, string expected)
        {
            Assert.Equal(expected, GraphEndpointResolver.Resolve(null, CloudEnvironments.Get(cloud)).ToString());
        }

        [Theory]
        [InlineData("https://graph.example.test", "https://graph.example.test/v1.0")]
        [InlineData("https://graph.example.test/", "https://graph.example.test/v1.0")]
        [InlineData("https://graph.example.test/v1.0", "https://graph.example.test/v1.0")]
        [InlineData("https://graph.example.test/V1.0/", "https://graph.example.test/V1.0")]
        [InlineData("https://proxy.example.test/graph", "https://proxy.example.test/graph/v1.0")]
        [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/v1.0")]
        [InlineData("http://127.5.5.5:8080/v1.0", "http://127.5.5.5:8080/v1.0")]
        [InlineData("http://[::1]:5000", "http://[::1]:5000/v1.0")]
        [InlineData("http://localhost:5000/", "http://localhost:5000/v1.0")]
        [InlineData("http://LOCALHOST", "http://localhost/v1.0")]
        public void Accepts_https_and_loopback_http_and_appends_the_version_once(string given, string expected)
        {
            var resolved = GraphEndpointResolver.Resolve(new Uri(given), CloudEnvironments.Global);

            Assert.Equal(expected, resolved.ToString().TrimEnd('/'));
        }

        [Theory]
        [InlineData("http://graph.microsoft.com")]
        [InlineData("http://10.0.0.5:5000")]
        [InlineData("http://128.0.0.1")]
        [InlineData("http://localhost.evil.test")]
        [InlineData("http://[::2]:5000")]
        [InlineData("ftp://127.0.0.1")]
        [InlineData("https://graph.example.test/v1.0?tenant=x")]
        [InlineData("https://graph.example.test/#frag")]
        [InlineData("https://user:pass@graph.example.test")]
        [InlineData("https://graph.microsoft.com/beta")]
        public void Refuses_unsafe_or_malformed_endpoints(string given)
        {
            var ex = Assert.Throws<LicenseGovernanceException>(() => GraphEndpointResolver.Resolve(new Uri(given), CloudEnvironments.Global));

            Assert.Equal(ErrorIds.InvalidGraphEndpoint, ex.Error.Id);
        }

        [Fact]
        public void Refuses_a_relative_endpoint()
        {
            var ex = Assert.Throws<LicenseGovernanceException>(() =>
                GraphEndpointResolver.Resolve(new Uri("/v1.0", UriKind.Relative), CloudEnvironments.Global));

            Assert.Equal(ErrorIds.InvalidGraphEndpoint, ex.Error.Id);
            Assert.Contains("absolute", ex.Error.Message);
        }
    }
}
