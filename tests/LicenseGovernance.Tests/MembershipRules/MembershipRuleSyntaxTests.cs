using LicenseGovernance.MembershipRules;
using Xunit;

namespace LicenseGovernance.Tests.MembershipRules
{
    public class MembershipRuleSyntaxTests
    {
        [Theory]
        [InlineData("user.departmnt -eq \"Sales\"", 1, "unknown property 'user.departmnt'")]
        [InlineData("user.department -eq", 20, "expected a value after -eq")]
        [InlineData("user.department -eq -and user.city -eq \"Paris\"", 21, "expected a value after -eq")]
        [InlineData("user.department -eq \"Sales\" user.city -eq \"Paris\"", 29, "found 'user.city'")]
        [InlineData("(user.department -eq \"Sales\"", 1, "unbalanced parenthesis")]
        [InlineData("user.department -eq \"Sales\")", 28, "unbalanced parenthesis")]
        [InlineData("user.department -equals \"Sales\"", 17, "unknown operator '-equals'")]
        [InlineData("user.accountEnabled -eq \"x\"", 25, "takes true or false")]
        [InlineData("user.country -in \"Germany\"", 18, "-in takes an array")]
        [InlineData("user.displayName -match \"[a-\"", 25, "invalid regular expression for -match: Unterminated [] set")]
        [InlineData("user.country -notIn null", 21, "-notIn takes an array")]
        [InlineData("user.department -eq \"Sales\" -and", 33, "expected a condition after -and")]
        [InlineData("user.department -eq \"Sales", 21, "unterminated string")]
        [InlineData("department -eq \"Sales\"", 1, "user.department")]
        [InlineData("device.deviceOSType -eq \"iPad\"", 1, "unknown property 'device.deviceOSType'")]
        [InlineData("user.department -eq Sales", 21, "expected a quoted string after -eq, found 'Sales'")]
        [InlineData("user.city -eq \"Lagos\" -and user.department -contains null", 54, "null can only be compared with -eq or -ne")]
        [InlineData("user.country -in [\"France\" \"Spain\"]", 28, "expected ',' or ']'")]
        [InlineData("user.country -in [\"France\",", 18, "unbalanced bracket")]
        [InlineData("user.country -eq [\"France\"]", 18, "-eq takes a single value, not an array")]
        [InlineData("user.accountEnabled -contains \"t\"", 21, "-contains cannot be used with user.accountEnabled")]
        [InlineData("user.department \u2013eq \"Sales\"", 17, "not a hyphen")]
        [InlineData("user.department -eq \"Sales\" && user.city -eq \"Paris\"", 29, "unexpected character '&'")]
        [InlineData("user.department -eq \"a\" -or ()", 30, "expected a condition after '('")]
        [InlineData("user.department -eq true", 21, "user.department takes a quoted string")]
        [InlineData("user.country -in []", 19, "empty")]
        [InlineData("user.department -eq \"Sales\" -any \"x\"", 29, "expected -and, -or")]
        [InlineData("user.department -all \"x\"", 17, "operator '-all' is valid in Entra ID but not supported here")]
        [InlineData("user.department", 16, "expected an operator")]
        public void An_invalid_rule_reports_where_and_why(string text, int position, string reason)
        {
            var error = Assert.Throws<MembershipRuleSyntaxException>(() => MembershipRule.Parse(text));

            Assert.Equal(position, error.Position);
            Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
            Assert.Contains("position " + position, error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("user.assignedPlans -any (assignedPlan.capabilityStatus -eq \"Enabled\")", 1)]
        [InlineData("user.employeeHireDate -le system.now -plus p1d", 1)]
        [InlineData("user.department -eq \"IT\" -and user.extension_b7a2f1c9_costCentre -eq \"42\"", 31)]
        [InlineData("user.proxyAddresses -any (_ -contains \"contoso\")", 1)]
        [InlineData("  Direct Reports for \"62e19b97-8b3d-4d4a-a106-4ce66896a863\"", 3)]
        public void A_rule_Entra_accepts_but_this_library_cannot_evaluate_says_so(string text, int position)
        {
            var error = Assert.Throws<MembershipRuleSyntaxException>(() => MembershipRule.Parse(text));

            Assert.True(error.IsValidInEntra);
            Assert.Equal(position, error.Position);
            Assert.Contains("valid in Entra ID", error.Reason, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("user.departmnt -eq \"Sales\"")]
        [InlineData("user.department -eqq \"Sales\"")]
        [InlineData("user.department -eq")]
        public void A_mistake_is_not_taken_for_an_unsupported_rule(string text)
        {
            Assert.False(Assert.Throws<MembershipRuleSyntaxException>(() => MembershipRule.Parse(text)).IsValidInEntra);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        public void An_empty_rule_is_an_error_at_the_start(string text)
        {
            var error = Assert.Throws<MembershipRuleSyntaxException>(() => MembershipRule.Parse(text));

            Assert.Equal(1, error.Position);
            Assert.Equal("the rule is empty", error.Reason);
        }

        [Fact]
        public void The_first_error_wins_over_later_ones()
        {
            var error = Assert.Throws<MembershipRuleSyntaxException>(() => MembershipRule.Parse("user.citty -eq \"Paris\" -and user.department -eq \"Sales"));

            Assert.Equal(1, error.Position);
            Assert.Contains("user.citty", error.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void A_rule_longer_than_Entra_allows_is_refused()
        {
            var values = string.Join(",", Enumerable.Range(0, 600).Select(i => "\"D" + i + "\""));
            var text = "user.department -in [" + values + "]";

            var error = Assert.Throws<MembershipRuleSyntaxException>(() => MembershipRule.Parse(text));

            Assert.True(text.Length > 3072);
            Assert.Equal(3073, error.Position);
        }

        [Fact]
        public void TryParse_returns_the_rule_or_the_error()
        {
            Assert.True(MembershipRule.TryParse("user.city -eq \"Paris\"", out var rule, out var none));
            Assert.NotNull(rule);
            Assert.Null(none);

            Assert.False(MembershipRule.TryParse("user.city -eq", out var missing, out var error));
            Assert.Null(missing);
            Assert.Equal(14, error!.Position);

            Assert.False(MembershipRule.TryParse(null!, out _, out var empty));
            Assert.Equal("the rule is empty", empty!.Reason);
        }

        [Fact]
        public void Parse_refuses_null_as_an_argument_error()
        {
            Assert.Throws<ArgumentNullException>(() => MembershipRule.Parse(null!));
        }
    }
}
