using LicenseGovernance.Simulator.OData;
using Xunit;

namespace LicenseGovernance.Tests.Simulator.Query
{
    public class ODataFilterTests
    {
        private static readonly Guid E3 = Guid.Parse("05e9a617-0261-4cee-bb44-138d3ef5d965");
        private static readonly Guid E5 = Guid.Parse("06ebc4ee-1bb5-47dd-8120-11324bc54e06");

        private static readonly FakeFilterable Alice = new FakeFilterable(
            ("id", "11111111-1111-1111-1111-111111111111"),
            ("userPrincipalName", "alice@contoso.com"),
            ("displayName", "Alice Smith"),
            ("accountEnabled", true),
            ("department", "Sales"),
            ("usageLocation", "US"),
            ("employeeHireDate", new DateTimeOffset(2020, 3, 1, 0, 0, 0, TimeSpan.Zero)),
            ("employeeLeaveDateTime", new DateTimeOffset(2024, 6, 30, 0, 0, 0, TimeSpan.Zero)),
            ("onPremisesExtensionAttributes", new FakeFilterable(("extensionAttribute10", "E3 All"))),
            ("assignedLicenses", new[] { new FakeFilterable(("skuId", E3), ("disabledPlans", Array.Empty<Guid>())) }),
            ("proxyAddresses", new[] { "SMTP:alice@contoso.com", "smtp:a.smith@contoso.com" }),
            ("signInActivity", new FakeFilterable(("lastSuccessfulSignInDateTime", new DateTimeOffset(2023, 11, 5, 0, 0, 0, TimeSpan.Zero)))));

        private static readonly FakeFilterable Bob = new FakeFilterable(
            ("id", Guid.Parse("22222222-2222-2222-2222-222222222222")),
            ("userPrincipalName", "bob@fabrikam.com"),
            ("displayName", "Bob O'Neil"),
            ("accountEnabled", false),
            ("department", null),
            ("employeeHireDate", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            ("assignedLicenses", Array.Empty<FakeFilterable>()),
            ("signInActivity", new FakeFilterable(("lastSuccessfulSignInDateTime", new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)))));

        private static bool[] Run(string filter, bool advanced = false)
        {
            ODataFilter parsed = ODataFilter.Parse(filter, FilterEntity.User, advanced);
            return new[] { parsed.Matches(Alice), parsed.Matches(Bob) };
        }

        private static ODataQueryException Refused(string filter, bool advanced = false, FilterEntity entity = FilterEntity.User)
        {
            return Assert.Throws<ODataQueryException>(() => ODataFilter.Parse(filter, entity, advanced));
        }

        [Theory]
        [InlineData("accountEnabled eq true", true, false)]
        [InlineData("accountEnabled eq false", false, true)]
        [InlineData("accountEnabled ne true", false, true)]
        [InlineData("department eq 'sales'", true, false)]
        [InlineData("department eq 'SALES'", true, false)]
        [InlineData("department ne 'Sales'", false, true)]
        [InlineData("displayName ge 'B'", false, true)]
        [InlineData("displayName le 'alice smith'", true, false)]
        [InlineData("employeeHireDate ge 2024-01-01T00:00:00Z", false, true)]
        [InlineData("employeeHireDate le 2023-12-31T23:59:59Z", true, false)]
        [InlineData("employeeHireDate ge 2024-01-01", false, true)]
        [InlineData("userPrincipalName in ('x@y.com', 'BOB@fabrikam.com')", false, true)]
        [InlineData("startsWith(displayName,'ali')", true, false)]
        [InlineData("startswith(userPrincipalName, 'BOB')", false, true)]
        [InlineData("endsWith(userPrincipalName,'@CONTOSO.com')", true, false)]
        [InlineData("displayName eq 'Bob O''Neil'", false, true)]
        [InlineData("id eq '22222222-2222-2222-2222-222222222222'", false, true)]
        [InlineData("id in ('11111111-1111-1111-1111-111111111111')", true, false)]
        [InlineData("department eq null", false, true)]
        [InlineData("usageLocation eq null", false, true)]
        [InlineData("department ne null", true, false)]
        [InlineData("not(accountEnabled eq true)", false, true)]
        [InlineData("NOT startsWith(displayName,'Ali')", false, true)]
        [InlineData("accountEnabled EQ true", true, false)]
        public void Operators_evaluate_as_graph_does(string filter, bool alice, bool bob)
        {
            Assert.Equal(new[] { alice, bob }, Run(filter, advanced: true));
        }

        [Theory]
        [InlineData("assignedLicenses/any(x:x/skuId eq 05e9a617-0261-4cee-bb44-138d3ef5d965)", true, false)]
        [InlineData("assignedLicenses/any(x:x/skuId in (06ebc4ee-1bb5-47dd-8120-11324bc54e06, 05E9A617-0261-4CEE-BB44-138D3EF5D965))", true, false)]
        [InlineData("assignedLicenses/any(x:x/skuId eq 06ebc4ee-1bb5-47dd-8120-11324bc54e06)", false, false)]
        [InlineData("proxyAddresses/any(p:startsWith(p,'smtp:a.smith'))", true, false)]
        [InlineData("proxyAddresses/any(p:p eq 'smtp:ALICE@contoso.com')", true, false)]
        [InlineData("assignedLicenses/any()", true, false)]
        public void Lambdas_work_without_advanced_query(string filter, bool alice, bool bob)
        {
            Assert.Equal(new[] { alice, bob }, Run(filter));
        }

        [Theory]
        [InlineData("assignedLicenses/$count eq 0", false, true)]
        [InlineData("assignedLicenses/$count ne 0", true, false)]
        [InlineData("assignedLicenses/$count ge 1", true, false)]
        [InlineData("not(assignedLicenses/any(x:x/skuId eq 05e9a617-0261-4cee-bb44-138d3ef5d965))", false, true)]
        [InlineData("onPremisesExtensionAttributes/extensionAttribute10 eq 'e3 all'", true, false)]
        [InlineData("onPremisesExtensionAttributes/extensionAttribute1 eq null", true, true)]
        [InlineData("employeeLeaveDateTime le 2024-07-01T00:00:00Z", true, false)]
        public void Advanced_forms_evaluate_with_advanced_query(string filter, bool alice, bool bob)
        {
            Assert.Equal(new[] { alice, bob }, Run(filter, advanced: true));
        }

        [Theory]
        [InlineData("accountEnabled ne true")]
        [InlineData("not(accountEnabled eq true)")]
        [InlineData("endsWith(userPrincipalName,'@contoso.com')")]
        [InlineData("assignedLicenses/$count eq 0")]
        [InlineData("not(assignedLicenses/any(x:x/skuId eq 05e9a617-0261-4cee-bb44-138d3ef5d965))")]
        [InlineData("onPremisesExtensionAttributes/extensionAttribute10 eq 'E3 All'")]
        [InlineData("employeeLeaveDateTime le 2024-07-01T00:00:00Z")]
        [InlineData("department eq null")]
        [InlineData("accountEnabled eq true and department ne 'Sales'")]
        public void Advanced_only_forms_need_advanced_query(string filter)
        {
            ODataQueryException error = Refused(filter);

            Assert.Equal(400, error.Status);
            Assert.Equal("Request_UnsupportedQuery", error.Code);
            Assert.Equal("Unsupported Query.", error.Message);
        }

        [Fact]
        public void And_binds_tighter_than_or()
        {
            // Bob is disabled: with and-before-or the filter is "true or (false and ...)".
            Assert.Equal(new[] { true, true }, Run("accountEnabled eq false or department eq 'Sales' and accountEnabled eq true"));
            Assert.Equal(new[] { true, false }, Run("(accountEnabled eq false or department eq 'Sales') and accountEnabled eq true"));
        }

        [Fact]
        public void Not_applies_to_the_next_operand_only()
        {
            Assert.Equal(new[] { false, false }, Run("not accountEnabled eq true and accountEnabled eq true", advanced: true));
            Assert.Equal(new[] { true, true }, Run("not (accountEnabled eq true and accountEnabled eq false)", advanced: true));
        }

        [Fact]
        public void A_missing_property_compares_as_null()
        {
            Assert.Equal(new[] { false, true }, Run("onPremisesExtensionAttributes/extensionAttribute10 eq null", advanced: true));
        }

        [Fact]
        public void Groups_filter_on_group_types_and_license_errors()
        {
            var dynamic = new FakeFilterable(("groupTypes", new[] { "DynamicMembership" }), ("hasMembersWithLicenseErrors", true), ("displayName", "LIC-E3"), ("securityEnabled", true));
            var unified = new FakeFilterable(("groupTypes", new[] { "Unified" }), ("hasMembersWithLicenseErrors", false), ("displayName", "Team"), ("securityEnabled", false));

            ODataFilter byType = ODataFilter.Parse("groupTypes/any(c:c eq 'dynamicmembership')", FilterEntity.Group, false);
            ODataFilter byErrors = ODataFilter.Parse("hasMembersWithLicenseErrors eq true", FilterEntity.Group, false);
            ODataFilter byPrefix = ODataFilter.Parse("startsWith(displayName,'LIC-') and securityEnabled eq true", FilterEntity.Group, false);

            Assert.True(byType.Matches(dynamic));
            Assert.False(byType.Matches(unified));
            Assert.True(byErrors.Matches(dynamic));
            Assert.False(byErrors.Matches(unified));
            Assert.True(byPrefix.Matches(dynamic));
            Assert.False(byPrefix.Matches(unified));
            Assert.Equal(new[] { "groupTypes" }, byType.PropertyPaths);
        }

        [Fact]
        public void Property_paths_are_canonical_and_distinct()
        {
            ODataFilter filter = ODataFilter.Parse(
                "ACCOUNTENABLED eq true and accountEnabled ne false and onPremisesExtensionAttributes/EXTENSIONATTRIBUTE10 eq 'x' and assignedLicenses/any(l:l/skuId eq 05e9a617-0261-4cee-bb44-138d3ef5d965) and assignedLicenses/$count ne 0",
                FilterEntity.User,
                true);

            Assert.Equal(
                new[] { "accountEnabled", "onPremisesExtensionAttributes/extensionAttribute10", "assignedLicenses/skuId", "assignedLicenses/$count" },
                filter.PropertyPaths);
            Assert.False(filter.ReferencesSignInActivity);
        }

        [Fact]
        public void SignInActivity_filters_alone()
        {
            ODataFilter filter = ODataFilter.Parse("signInActivity/lastSuccessfulSignInDateTime le 2024-01-01T00:00:00Z", FilterEntity.User, false);

            Assert.True(filter.ReferencesSignInActivity);
            Assert.True(filter.Matches(Alice));
            Assert.False(filter.Matches(Bob));
            Assert.Equal(new[] { "signInActivity/lastSuccessfulSignInDateTime" }, filter.PropertyPaths);
        }

        [Theory]
        [InlineData("signInActivity/lastSuccessfulSignInDateTime le 2024-01-01T00:00:00Z and accountEnabled eq true", "accountEnabled")]
        [InlineData("department eq 'Sales' or signInActivity/lastSignInDateTime ge 2024-01-01T00:00:00Z", "department")]
        public void SignInActivity_cannot_combine_with_another_property(string filter, string other)
        {
            ODataQueryException error = Refused(filter, advanced: true);

            Assert.Equal(400, error.Status);
            Assert.Equal("Request_UnsupportedQuery", error.Code);
            Assert.Equal($"Unsupported or invalid query filter clause specified for property '{other}' of resource 'User'.", error.Message);
        }

        [Theory]
        [InlineData("licenseAssignmentStates/any(x:x/state eq 'Error')", "licenseAssignmentStates", FilterEntity.User)]
        [InlineData("signInSessionsValidFromDateTime ge 2024-01-01T00:00:00Z", "signInSessionsValidFromDateTime", FilterEntity.User)]
        [InlineData("startsWith(department,'Sa')", "department", FilterEntity.User)]
        [InlineData("accountEnabled ge true", "accountEnabled", FilterEntity.User)]
        [InlineData("contains(displayName,'li')", "displayName", FilterEntity.User)]
        [InlineData("assignedLicenses/all(x:x/skuId eq 05e9a617-0261-4cee-bb44-138d3ef5d965)", "assignedLicenses", FilterEntity.User)]
        [InlineData("groupTypes eq 'Unified'", "groupTypes", FilterEntity.Group)]
        [InlineData("onPremisesExtensionAttributes eq null", "onPremisesExtensionAttributes", FilterEntity.User)]
        [InlineData("hasMembersWithLicenseErrors ne false", "hasMembersWithLicenseErrors", FilterEntity.Group)]
        [InlineData("licenseProcessingState/state eq 'ProcessingComplete'", "licenseProcessingState", FilterEntity.Group)]
        [InlineData("displayName gt 'A'", "displayName", FilterEntity.Group)]
        public void Unfilterable_property_or_operator_is_refused_even_with_advanced_query(string filter, string property, FilterEntity entity)
        {
            ODataQueryException error = Refused(filter, advanced: true, entity: entity);

            Assert.Equal(400, error.Status);
            Assert.Equal("Request_UnsupportedQuery", error.Code);
            Assert.Equal($"Unsupported or invalid query filter clause specified for property '{property}' of resource '{entity}'.", error.Message);
        }

        [Theory]
        [InlineData("shoeSize eq 42", "shoeSize", "microsoft.graph.user", FilterEntity.User)]
        [InlineData("onPremisesExtensionAttributes/extensionAttribute16 eq 'x'", "extensionAttribute16", "microsoft.graph.onPremisesExtensionAttributes", FilterEntity.User)]
        [InlineData("assignedLicenses/any(x:x/sku eq 05e9a617-0261-4cee-bb44-138d3ef5d965)", "sku", "microsoft.graph.assignedLicense", FilterEntity.User)]
        [InlineData("hasMembersWithLicenseErrors eq true", "hasMembersWithLicenseErrors", "microsoft.graph.user", FilterEntity.User)]
        [InlineData("accountEnabled eq true", "accountEnabled", "microsoft.graph.group", FilterEntity.Group)]
        public void Unknown_property_is_a_bad_request(string filter, string property, string type, FilterEntity entity)
        {
            ODataQueryException error = Refused(filter, advanced: true, entity: entity);

            Assert.Equal(400, error.Status);
            Assert.Equal("Request_BadRequest", error.Code);
            Assert.Equal($"Could not find a property named '{property}' on type '{type}'.", error.Message);
        }

        [Theory]
        [InlineData("", "Expression expected at position 0 in ''.")]
        [InlineData("accountEnabled eq", "Literal expected at position 17 in 'accountEnabled eq'.")]
        [InlineData("accountEnabled is true", "Comparison operator expected at position 15 in 'accountEnabled is true'.")]
        [InlineData("(accountEnabled eq true", "')' expected at position 23 in '(accountEnabled eq true'.")]
        [InlineData("accountEnabled eq true true", "Syntax error at position 23 in 'accountEnabled eq true true'.")]
        [InlineData("displayName eq 'open", "There is an unterminated string literal at position 15 in 'displayName eq 'open'.")]
        [InlineData("displayName eq #", "Syntax error: character '#' is not valid at position 15 in 'displayName eq #'.")]
        [InlineData("frobnicate(displayName,'x')", "Unknown function 'frobnicate' at position 0 in 'frobnicate(displayName,'x')'.")]
        [InlineData("accountEnabled eq 'true'", "A binary operator with incompatible types was detected. Found operand types 'Edm.Boolean' and 'Edm.String' for operator kind 'Equal'.")]
        [InlineData("assignedLicenses/any(x:x/skuId eq '05e9a617-0261-4cee-bb44-138d3ef5d965')", "A binary operator with incompatible types was detected. Found operand types 'Edm.Guid' and 'Edm.String' for operator kind 'Equal'.")]
        [InlineData("employeeHireDate ge '2024-01-01'", "A binary operator with incompatible types was detected. Found operand types 'Edm.DateTimeOffset' and 'Edm.String' for operator kind 'GreaterThanOrEqual'.")]
        [InlineData("assignedLicenses/$count eq 'none'", "A binary operator with incompatible types was detected. Found operand types 'Edm.Int32' and 'Edm.String' for operator kind 'Equal'.")]
        [InlineData("startsWith(accountEnabled,'t')", "No function signature for the function with name 'startsWith' matches the specified arguments.")]
        [InlineData("displayName ge null", "A binary operator with incompatible types was detected. Found operand types 'Edm.String' and 'null' for operator kind 'GreaterThanOrEqual'.")]
        public void Syntax_errors_are_invalid_filter_clauses(string filter, string detail)
        {
            ODataQueryException error = Refused(filter, advanced: true);

            Assert.Equal(400, error.Status);
            Assert.Equal("BadRequest", error.Code);
            Assert.Equal("Invalid filter clause: " + detail, error.Message);
        }

        [Fact]
        public void A_custom_table_changes_capabilities_and_wording()
        {
            FilterCapabilities table = FilterCapabilities.CreateDefault();
            table.Set(FilterEntity.User, "displayName", new PropertyCapability(FilterValueKind.String, FilterOperators.Gt | FilterOperators.Lt));
            table.Set(FilterEntity.User, "onPremisesExtensionAttributes/extensionAttribute10", new PropertyCapability(FilterValueKind.String, FilterOperators.Ne));
            table.AdvancedOnlyOperators = FilterOperators.None;
            table.UnsupportedClauseMessageFormat = "Nope: {0} on {1}.";

            ODataFilter greater = ODataFilter.Parse("displayName gt 'Alice Smith'", FilterEntity.User, false, table);
            ODataFilter less = ODataFilter.Parse("displayName lt 'Alice Smith'", FilterEntity.User, false, table);
            ODataFilter onPremises = ODataFilter.Parse("onPremisesExtensionAttributes/extensionAttribute10 ne 'x'", FilterEntity.User, false, table);
            var unsupported = Assert.Throws<ODataQueryException>(() => ODataFilter.Parse("displayName eq 'x'", FilterEntity.User, false, table));

            Assert.False(greater.Matches(Alice));
            Assert.True(greater.Matches(Bob));
            Assert.False(less.Matches(Alice));
            Assert.False(less.Matches(Bob));
            Assert.True(onPremises.Matches(Alice));
            Assert.Equal("Nope: displayName on User.", unsupported.Message);
        }

        [Fact]
        public void Compiled_filter_evaluates_many_objects_quickly()
        {
            ODataFilter filter = ODataFilter.Parse(
                "accountEnabled eq true and assignedLicenses/any(x:x/skuId eq 05e9a617-0261-4cee-bb44-138d3ef5d965)",
                FilterEntity.User,
                false);
            var users = new FakeFilterable[100_000];
            for (int i = 0; i < users.Length; i++)
            {
                users[i] = new FakeFilterable(
                    ("accountEnabled", i % 2 == 0),
                    ("assignedLicenses", new[] { new FakeFilterable(("skuId", i % 3 == 0 ? E3 : E5)) }));
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            int matched = users.Count(filter.Matches);
            clock.Stop();

            Assert.Equal(Enumerable.Range(0, users.Length).Count(i => i % 6 == 0), matched);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"100,000 evaluations took {clock.Elapsed}.");
        }
    }
}
