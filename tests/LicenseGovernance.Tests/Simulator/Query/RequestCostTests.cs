using LicenseGovernance.Simulator.Throttling;
using Xunit;

namespace LicenseGovernance.Tests.Simulator.Query
{
    public class RequestCostTests
    {
        [Theory]
        [InlineData("GET", "/users", false, false, null, 2)]
        [InlineData("get", "/Users/", false, false, null, 2)]
        [InlineData("GET", "/users/{id}", false, false, null, 1)]
        [InlineData("GET", "/groups/{id}/members", false, false, null, 3)]
        [InlineData("GET", "/groups/{id}/members/$ref", false, false, null, 1)]
        [InlineData("GET", "/groups/{id}/transitiveMembers", false, false, null, 5)]
        [InlineData("GET", "/subscribedSkus", false, false, null, 3)]
        [InlineData("GET", "/users/{id}/licenseDetails", false, false, null, 2)]
        [InlineData("GET", "/users/{id}/memberOf", false, false, null, 2)]
        [InlineData("GET", "/users/{id}/transitiveMemberOf", false, false, null, 2)]
        [InlineData("GET", "/groups", false, false, null, 1)]
        [InlineData("POST", "/directoryObjects/getByIds", false, false, null, 3)]
        [InlineData("POST", "/users/{id}/assignLicense", false, false, null, 1)]
        [InlineData("PATCH", "/users/{id}", false, false, null, 1)]
        [InlineData("PUT", "/groups/{id}", false, false, null, 1)]
        [InlineData("DELETE", "/groups/{id}/members/{id}/$ref", false, false, null, 1)]
        [InlineData("GET", "/users", true, false, null, 1)]
        [InlineData("GET", "/users", false, true, null, 3)]
        [InlineData("GET", "/users", false, false, 19, 1)]
        [InlineData("GET", "/users", false, false, 20, 2)]
        [InlineData("GET", "/users", true, false, 5, 1)]
        [InlineData("GET", "/groups/{id}/transitiveMembers", true, true, 10, 4)]
        [InlineData("GET", "/groups/{id}", true, false, 1, 1)]
        public void Costs_follow_the_documented_table(string method, string path, bool select, bool expand, int? top, int expected)
        {
            Assert.Equal(expected, RequestCost.ResourceUnits(method, path, select, expand, top));
        }

        [Theory]
        [InlineData("GET", false)]
        [InlineData("POST", true)]
        [InlineData("patch", true)]
        [InlineData("PUT", true)]
        [InlineData("DELETE", true)]
        public void Writes_are_the_changing_methods(string method, bool expected)
        {
            Assert.Equal(expected, RequestCost.IsWrite(method));
        }

        [Fact]
        public void GetByIds_is_a_post_that_only_reads()
        {
            Assert.False(RequestCost.IsWrite("POST", "/directoryObjects/getByIds"));
            Assert.True(RequestCost.IsWrite("POST", "/users/{id}/assignLicense"));
        }

        [Theory]
        [InlineData(10, 3500)]
        [InlineData(49, 3500)]
        [InlineData(50, 5000)]
        [InlineData(500, 5000)]
        [InlineData(501, 8000)]
        public void Resource_units_scale_with_tenant_size(int users, int expected)
        {
            Assert.Equal(expected, ThrottlingOptions.ForTenantSize(users).ResourceUnitsPer10Seconds);
        }
    }
}
