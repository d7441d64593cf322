using LicenseGovernance.MembershipRules;
using Xunit;

namespace LicenseGovernance.Tests.MembershipRules
{
    public class RulePropertiesTests
    {
        [Fact]
        public void A_rule_lists_each_property_it_reads_once_in_canonical_spelling()
        {
            var rule = MembershipRule.Parse(
                "(USER.DEPARTMENT -eq \"Sales\" -or user.department -eq \"Marketing\") -and -not user.ExtensionAttribute10 -eq null -and user.accountenabled -eq true");

            Assert.Equal(new[] { "department", "extensionAttribute10", "accountEnabled" }, rule.Properties);
        }

        [Fact]
        public void The_documented_office_name_reads_the_graph_property()
        {
            Assert.Equal(new[] { "officeLocation" }, MembershipRule.Parse("user.physicalDeliveryOfficeName -eq \"B4\" -or user.officeLocation -eq \"B5\"").Properties);
        }

        [Fact]
        public void Every_listed_property_can_be_used_in_a_rule_by_its_own_name()
        {
            foreach (var property in RuleProperties.All)
            {
                var value = RuleProperties.IsBoolean(property) ? "true" : "\"x\"";
                var rule = MembershipRule.Parse("user." + property + " -eq " + value);

                Assert.Equal(new[] { property }, rule.Properties);
            }
        }

        [Fact]
        public void The_list_holds_the_properties_administrators_key_tiers_on()
        {
            var expected = new[]
            {
                "department", "jobTitle", "country", "city", "state", "companyName", "displayName", "userPrincipalName", "mail",
                "mailNickname", "usageLocation", "userType", "accountEnabled", "employeeId", "employeeType", "officeLocation",
            }.Concat(Enumerable.Range(1, 15).Select(i => "extensionAttribute" + i));

            Assert.Empty(expected.Except(RuleProperties.All, StringComparer.Ordinal));
            Assert.Equal(RuleProperties.All.Count, RuleProperties.All.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Equal(new[] { "accountEnabled" }, RuleProperties.All.Where(RuleProperties.IsBoolean));
        }
    }
}
