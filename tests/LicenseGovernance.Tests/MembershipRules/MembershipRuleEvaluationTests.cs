using LicenseGovernance.MembershipRules;
using Xunit;

namespace LicenseGovernance.Tests.MembershipRules
{
    public class MembershipRuleEvaluationTests
    {
        private static readonly RuleUser Sales = new RuleUser(
            ("department", "Sales"), ("jobTitle", "Senior Account Manager"), ("country", "Germany"), ("usageLocation", "DE"),
            ("userType", "Member"), ("accountEnabled", true), ("employeeId", "E-1042"), ("extensionAttribute10", "E3 All"),
            ("displayName", "David Jones"), ("mail", "david@contoso.com"));

        private static bool Eval(string rule, IRuleSubject user) => MembershipRule.Parse(rule).Evaluate(user);

        [Theory]
        [InlineData("user.department -eq \"Sales\"", true)]
        [InlineData("user.department -eq \"Marketing\"", false)]
        [InlineData("user.department -ne \"Marketing\"", true)]
        [InlineData("user.department -ne \"Sales\"", false)]
        [InlineData("user.jobTitle -startsWith \"Senior\"", true)]
        [InlineData("user.jobTitle -startsWith \"Account\"", false)]
        [InlineData("user.jobTitle -notStartsWith \"Junior\"", true)]
        [InlineData("user.jobTitle -notStartsWith \"Senior\"", false)]
        [InlineData("user.mail -endsWith \"@contoso.com\"", true)]
        [InlineData("user.mail -notEndsWith \"@contoso.com\"", false)]
        [InlineData("user.jobTitle -contains \"Account\"", true)]
        [InlineData("user.jobTitle -contains \"Engineer\"", false)]
        [InlineData("user.jobTitle -notContains \"Engineer\"", true)]
        [InlineData("user.jobTitle -notContains \"Account\"", false)]
        [InlineData("user.country -in [\"France\",\"Germany\"]", true)]
        [InlineData("user.country -in [\"France\", \"Spain\"]", false)]
        [InlineData("user.country -notIn [\"France\",\"Spain\"]", true)]
        [InlineData("user.country -notIn [\"Germany\"]", false)]
        [InlineData("user.employeeId -match \"^E-[0-9]+$\"", true)]
        [InlineData("user.employeeId -match \"^C-\"", false)]
        [InlineData("user.employeeId -notMatch \"^C-\"", true)]
        [InlineData("user.employeeId -notMatch \"^E-\"", false)]
        [InlineData("user.accountEnabled -eq true", true)]
        [InlineData("user.accountEnabled -eq false", false)]
        [InlineData("user.accountEnabled -ne false", true)]
        public void Every_operator_compares_as_Entra_documents(string rule, bool expected)
        {
            Assert.Equal(expected, Eval(rule, Sales));
        }

        [Theory]
        [InlineData("user.displayName -match \"^Da.*\"", "Da", true)]
        [InlineData("user.displayName -match \"^Da.*\"", "David", true)]
        [InlineData("user.displayName -match \"^Da.*\"", "aDa", false)]
        [InlineData("user.displayName -match \".*vid\"", "David", true)]
        [InlineData("user.displayName -match \".*vid\"", "Da", false)]
        public void Match_finds_the_pattern_anywhere_unless_anchored(string rule, string name, bool expected)
        {
            Assert.Equal(expected, Eval(rule, new RuleUser(("displayName", name))));
        }

        [Theory]
        [InlineData("user.department -eq \"sales\"")]
        [InlineData("user.department -EQ \"SALES\"")]
        [InlineData("USER.DEPARTMENT -eq \"Sales\"")]
        [InlineData("user.Department -Eq \"Sales\"")]
        [InlineData("user.department eq \"Sales\"")]
        [InlineData("user.jobTitle -STARTSWITH \"senior\"")]
        [InlineData("user.jobTitle contains \"ACCOUNT\"")]
        [InlineData("user.country -IN [\"germany\"]")]
        [InlineData("user.displayName -match \"^DAVID\"")]
        [InlineData("user.extensionattribute10 -eq \"e3 all\"")]
        [InlineData("user.department -eq \"Sales\" and not user.country -eq \"France\"")]
        [InlineData("user.department -eq 'Sales' -AND -NOT user.country -eq 'France'")]
        public void Properties_operators_and_values_ignore_case_and_the_dash_is_optional(string rule)
        {
            Assert.True(Eval(rule, Sales));
        }

        [Theory]
        [InlineData("user.department -eq \"Sales\" -or user.department -eq \"Marketing\" -and user.country -eq \"France\"", true)]
        [InlineData("(user.department -eq \"Sales\" -or user.department -eq \"Marketing\") -and user.country -eq \"France\"", false)]
        [InlineData("-not user.department -eq \"Sales\" -and user.country -eq \"France\"", false)]
        [InlineData("-not user.department -eq \"Sales\" -or user.country -eq \"Germany\"", true)]
        [InlineData("-not (user.department -eq \"Sales\" -and user.country -eq \"France\")", true)]
        [InlineData("(user.department -eq \"Sales\") -and -not (user.jobTitle -startsWith \"SDE\")", true)]
        [InlineData("-not -not user.department -eq \"Sales\"", true)]
        [InlineData("((user.department -eq \"Sales\"))", true)]
        public void Not_binds_tighter_than_and_which_binds_tighter_than_or(string rule, bool expected)
        {
            Assert.Equal(expected, Eval(rule, Sales));
        }

        [Theory]
        [InlineData("user.department -eq null", true)]
        [InlineData("user.department -ne null", false)]
        [InlineData("user.department -eq \"Sales\"", false)]
        [InlineData("user.department -ne \"Sales\"", true)]
        [InlineData("user.department -startsWith \"\"", false)]
        [InlineData("user.department -contains \"a\"", false)]
        [InlineData("user.department -notContains \"a\"", true)]
        [InlineData("user.department -in [\"Sales\"]", false)]
        [InlineData("user.department -notIn [\"Sales\"]", true)]
        [InlineData("user.department -match \".*\"", false)]
        [InlineData("user.accountEnabled -eq true", false)]
        [InlineData("user.accountEnabled -eq false", false)]
        [InlineData("user.accountEnabled -eq null", true)]
        public void An_unset_property_matches_only_eq_null_and_the_negations(string rule, bool expected)
        {
            Assert.Equal(expected, Eval(rule, new RuleUser()));
        }

        [Fact]
        public void An_empty_string_is_an_unset_property()
        {
            Assert.True(Eval("user.department -eq null", new RuleUser(("department", ""))));
        }

        [Fact]
        public void The_word_null_in_quotes_is_a_string()
        {
            Assert.False(Eval("user.department -eq \"null\"", new RuleUser()));
            Assert.True(Eval("user.department -eq \"null\"", new RuleUser(("department", "null"))));
        }

        [Fact]
        public void A_set_property_is_not_null()
        {
            Assert.True(Eval("user.department -ne null", Sales));
            Assert.False(Eval("user.department -eq null", Sales));
        }

        [Theory]
        [InlineData("user.jobTitle -eq \"The `\"Boss`\"\"", "The \"Boss\"")]
        [InlineData("user.jobTitle -eq \"back`` tick\"", "back` tick")]
        [InlineData("user.jobTitle -eq \"O'Brien\"", "O'Brien")]
        [InlineData("user.jobTitle -eq 'O''Brien'", "O'Brien")]
        [InlineData("user.jobTitle -eq 'say \"hi\"'", "say \"hi\"")]
        public void Quotes_inside_strings_are_escaped_as_Entra_documents(string rule, string jobTitle)
        {
            Assert.True(Eval(rule, new RuleUser(("jobTitle", jobTitle))));
            Assert.False(Eval(rule, new RuleUser(("jobTitle", jobTitle + "x"))));
        }

        [Fact]
        public void Document_003_tier_rules_tell_the_two_groups_apart()
        {
            var all = MembershipRule.Parse("user.extensionAttribute10 -eq \"E3 All\"");
            var selected = MembershipRule.Parse("user.extensionAttribute10 -eq \"E3 with Selected Services\"");
            var allUser = new RuleUser(("extensionAttribute10", "E3 All"));
            var selectedUser = new RuleUser(("extensionAttribute10", "E3 with Selected Services"));
            var neither = new RuleUser(("extensionAttribute1", "E3 All"));

            Assert.True(all.Evaluate(allUser));
            Assert.False(all.Evaluate(selectedUser));
            Assert.False(all.Evaluate(neither));
            Assert.True(selected.Evaluate(selectedUser));
            Assert.False(selected.Evaluate(allUser));
            Assert.False(selected.Evaluate(neither));
            Assert.Equal(new[] { "extensionAttribute10" }, all.Properties);
        }

        [Fact]
        public void Evaluation_asks_the_subject_for_canonical_names()
        {
            var user = new RuleUser(("officeLocation", "Building 4"), ("extensionAttribute3", "x"));

            Assert.True(Eval("user.PHYSICALDELIVERYOFFICENAME -eq \"building 4\" -and user.EXTENSIONATTRIBUTE3 -eq \"X\"", user));
            Assert.Equal(new[] { "officeLocation", "extensionAttribute3" }, user.Requested);
        }

        [Fact]
        public void A_boolean_kept_as_text_compares_as_a_boolean()
        {
            Assert.True(Eval("user.accountEnabled -eq false", new RuleUser(("accountEnabled", "False"))));
        }

        [Fact]
        public void Parsing_keeps_the_text_and_evaluation_needs_a_user()
        {
            const string text = "  user.department -eq \"Sales\"  ";
            var rule = MembershipRule.Parse(text);

            Assert.Equal(text, rule.Text);
            Assert.Throws<ArgumentNullException>(() => rule.Evaluate(null!));
        }
    }
}
