using System;
using System.Collections.Generic;
using System.Globalization;

namespace LicenseGovernance.Simulator.OData
{
    /// <summary>
    /// The per-entity table of filterable properties, and the error wording Graph uses when a filter breaks it.
    /// Several rows and all messages are unverified (graph-contract §1.1, §10.4), so a simulator can replace them.
    /// Configure before parsing; parsing only reads.
    /// </summary>
    public sealed class FilterCapabilities
    {
        private const FilterOperators Ordered = FilterOperators.Eq | FilterOperators.Ne | FilterOperators.Not | FilterOperators.Ge | FilterOperators.Le | FilterOperators.In;
        private const FilterOperators Text = Ordered | FilterOperators.EqNull;
        private const FilterOperators TextPrefix = Text | FilterOperators.StartsWith;
        private const FilterOperators Flag = FilterOperators.Eq | FilterOperators.Ne | FilterOperators.Not | FilterOperators.In;
        private const FilterOperators Key = FilterOperators.Eq | FilterOperators.In;
        private const FilterOperators Collection = FilterOperators.Any | FilterOperators.Not | FilterOperators.Count;

        private readonly Dictionary<string, Row> users = new Dictionary<string, Row>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Row> groups = new Dictionary<string, Row>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Operators that need advanced query parameters on every property ([D] ne, not, endsWith; [U] $count and eq null).</summary>
        public FilterOperators AdvancedOnlyOperators { get; set; } =
            FilterOperators.Ne | FilterOperators.Not | FilterOperators.EndsWith | FilterOperators.Count | FilterOperators.EqNull;

        public string UnsupportedQueryMessage { get; set; } = "Unsupported Query.";

        /// <summary>{0} is the property, {1} the resource (User or Group).</summary>
        public string UnsupportedClauseMessageFormat { get; set; } =
            "Unsupported or invalid query filter clause specified for property '{0}' of resource '{1}'.";

        /// <summary>{0} is the property, {1} the OData type, for example microsoft.graph.user.</summary>
        public string UnknownPropertyMessageFormat { get; set; } = "Could not find a property named '{0}' on type '{1}'.";

        /// <summary>{0} is the syntax problem.</summary>
        public string InvalidClauseMessageFormat { get; set; } = "Invalid filter clause: {0}";

        /// <summary>The table of graph-contract §1.1 and §3.1, with advanced-only rows per §10.4.</summary>
        public static FilterCapabilities CreateDefault()
        {
            var table = new FilterCapabilities();
            AddUsers(table);
            AddGroups(table);
            return table;
        }

        /// <param name="path">A property or sub-property path, for example "assignedLicenses/skuId".</param>
        public void Set(FilterEntity entity, string path, PropertyCapability capability)
        {
            Rows(entity)[path] = new Row(path, capability);
        }

        public PropertyCapability? Find(FilterEntity entity, string path)
        {
            return Rows(entity).TryGetValue(path, out Row row) ? row.Capability : null;
        }

        internal bool TryFind(FilterEntity entity, string path, out string canonicalPath, out PropertyCapability capability)
        {
            if (Rows(entity).TryGetValue(path, out Row row))
            {
                canonicalPath = row.Path;
                capability = row.Capability;
                return true;
            }

            canonicalPath = path;
            capability = null!;
            return false;
        }

        internal ODataQueryException UnsupportedQuery()
        {
            return new ODataQueryException(400, "Request_UnsupportedQuery", UnsupportedQueryMessage);
        }

        internal ODataQueryException UnsupportedClause(string property, FilterEntity entity)
        {
            return new ODataQueryException(400, "Request_UnsupportedQuery", Format(UnsupportedClauseMessageFormat, property, entity.ToString()));
        }

        internal ODataQueryException UnknownProperty(string property, string typeName)
        {
            return new ODataQueryException(400, "Request_BadRequest", Format(UnknownPropertyMessageFormat, property, typeName));
        }

        internal ODataQueryException InvalidClause(string detail)
        {
            return new ODataQueryException(400, "BadRequest", Format(InvalidClauseMessageFormat, detail));
        }

        private static string Format(string format, params object[] args)
        {
            return string.Format(CultureInfo.InvariantCulture, format, args);
        }

        private Dictionary<string, Row> Rows(FilterEntity entity)
        {
            return entity == FilterEntity.User ? users : groups;
        }

        private static void AddUsers(FilterCapabilities t)
        {
            const FilterEntity U = FilterEntity.User;
            t.Set(U, "id", new PropertyCapability(FilterValueKind.String, Key));
            t.Set(U, "userPrincipalName", new PropertyCapability(FilterValueKind.String, Ordered | FilterOperators.StartsWith | FilterOperators.EndsWith));
            foreach (string name in new[] { "displayName", "jobTitle", "usageLocation", "givenName", "surname", "mailNickname", "city", "country", "state", "companyName", "officeLocation", "mobilePhone", "preferredLanguage" })
            {
                t.Set(U, name, new PropertyCapability(FilterValueKind.String, TextPrefix));
            }

            t.Set(U, "mail", new PropertyCapability(FilterValueKind.String, TextPrefix | FilterOperators.EndsWith));
            t.Set(U, "department", new PropertyCapability(FilterValueKind.String, Text));
            t.Set(U, "userType", new PropertyCapability(FilterValueKind.String, Flag | FilterOperators.EqNull));
            t.Set(U, "creationType", new PropertyCapability(FilterValueKind.String, Flag | FilterOperators.EqNull));
            t.Set(U, "externalUserState", new PropertyCapability(FilterValueKind.String, Flag));
            t.Set(U, "employeeId", new PropertyCapability(FilterValueKind.String, Ordered | FilterOperators.StartsWith));
            t.Set(U, "employeeType", new PropertyCapability(FilterValueKind.String, Ordered | FilterOperators.StartsWith));
            t.Set(U, "accountEnabled", new PropertyCapability(FilterValueKind.Boolean, Flag));
            t.Set(U, "onPremisesSyncEnabled", new PropertyCapability(FilterValueKind.Boolean, Flag | FilterOperators.EqNull));
            t.Set(U, "employeeHireDate", new PropertyCapability(FilterValueKind.DateTimeOffset, Ordered));
            t.Set(U, "employeeLeaveDateTime", new PropertyCapability(FilterValueKind.DateTimeOffset, Ordered, advancedOnly: true));
            t.Set(U, "createdDateTime", new PropertyCapability(FilterValueKind.DateTimeOffset, Ordered | FilterOperators.EqNull));
            t.Set(U, "signInSessionsValidFromDateTime", new PropertyCapability(FilterValueKind.DateTimeOffset, FilterOperators.None));

            t.Set(U, "onPremisesExtensionAttributes", new PropertyCapability(FilterValueKind.Complex, FilterOperators.None, typeName: "microsoft.graph.onPremisesExtensionAttributes"));
            for (int i = 1; i <= 15; i++)
            {
                string path = "onPremisesExtensionAttributes/extensionAttribute" + i.ToString(CultureInfo.InvariantCulture);
                t.Set(U, path, new PropertyCapability(FilterValueKind.String, Flag | FilterOperators.EqNull, advancedOnly: true));
            }

            AddAssignedLicenses(t, U);
            t.Set(U, "licenseAssignmentStates", new PropertyCapability(FilterValueKind.ComplexCollection, FilterOperators.None, typeName: "microsoft.graph.licenseAssignmentState"));
            t.Set(U, "assignedPlans", new PropertyCapability(FilterValueKind.ComplexCollection, FilterOperators.Any | FilterOperators.Not, typeName: "microsoft.graph.assignedPlan"));
            t.Set(U, "assignedPlans/servicePlanId", new PropertyCapability(FilterValueKind.Guid, Key));
            t.Set(U, "assignedPlans/capabilityStatus", new PropertyCapability(FilterValueKind.String, Key));
            t.Set(U, "assignedPlans/service", new PropertyCapability(FilterValueKind.String, Key));
            t.Set(U, "proxyAddresses", new PropertyCapability(FilterValueKind.StringCollection, Collection | FilterOperators.Eq | FilterOperators.StartsWith));
            t.Set(U, "otherMails", new PropertyCapability(FilterValueKind.StringCollection, Collection | FilterOperators.Eq | FilterOperators.StartsWith));
            t.Set(U, "businessPhones", new PropertyCapability(FilterValueKind.StringCollection, Collection | FilterOperators.Eq));

            t.Set(U, "signInActivity", new PropertyCapability(FilterValueKind.Complex, FilterOperators.None, typeName: "microsoft.graph.signInActivity"));
            foreach (string name in new[] { "lastSignInDateTime", "lastNonInteractiveSignInDateTime", "lastSuccessfulSignInDateTime" })
            {
                t.Set(U, "signInActivity/" + name, new PropertyCapability(FilterValueKind.DateTimeOffset, FilterOperators.Eq | FilterOperators.Ne | FilterOperators.Not | FilterOperators.Ge | FilterOperators.Le | FilterOperators.EqNull));
            }

            foreach (string name in new[] { "lastSignInRequestId", "lastNonInteractiveSignInRequestId", "lastSuccessfulSignInRequestId" })
            {
                t.Set(U, "signInActivity/" + name, new PropertyCapability(FilterValueKind.String, FilterOperators.Eq));
            }
        }

        private static void AddGroups(FilterCapabilities t)
        {
            const FilterEntity G = FilterEntity.Group;
            t.Set(G, "id", new PropertyCapability(FilterValueKind.String, Key));
            foreach (string name in new[] { "displayName", "mailNickname", "visibility", "classification", "membershipRule" })
            {
                t.Set(G, name, new PropertyCapability(FilterValueKind.String, TextPrefix));
            }

            t.Set(G, "description", new PropertyCapability(FilterValueKind.String, TextPrefix & ~FilterOperators.In));
            t.Set(G, "mail", new PropertyCapability(FilterValueKind.String, TextPrefix | FilterOperators.EndsWith));
            t.Set(G, "securityIdentifier", new PropertyCapability(FilterValueKind.String, Ordered | FilterOperators.StartsWith));
            t.Set(G, "membershipRuleProcessingState", new PropertyCapability(FilterValueKind.String, Flag));
            t.Set(G, "mailEnabled", new PropertyCapability(FilterValueKind.Boolean, Flag));
            t.Set(G, "securityEnabled", new PropertyCapability(FilterValueKind.Boolean, Flag));
            t.Set(G, "isAssignableToRole", new PropertyCapability(FilterValueKind.Boolean, FilterOperators.Eq | FilterOperators.Ne | FilterOperators.Not));

            // Never returned in a response, yet filterable (graph-contract §3.1).
            t.Set(G, "hasMembersWithLicenseErrors", new PropertyCapability(FilterValueKind.Boolean, FilterOperators.Eq));
            t.Set(G, "createdDateTime", new PropertyCapability(FilterValueKind.DateTimeOffset, Ordered | FilterOperators.EqNull));
            t.Set(G, "groupTypes", new PropertyCapability(FilterValueKind.StringCollection, Collection | FilterOperators.Eq));
            t.Set(G, "proxyAddresses", new PropertyCapability(FilterValueKind.StringCollection, Collection | FilterOperators.Eq | FilterOperators.StartsWith));
            t.Set(G, "licenseProcessingState", new PropertyCapability(FilterValueKind.Complex, FilterOperators.None, typeName: "microsoft.graph.licenseProcessingState"));
            t.Set(G, "licenseProcessingState/state", new PropertyCapability(FilterValueKind.String, FilterOperators.None));
            AddAssignedLicenses(t, G);
        }

        private static void AddAssignedLicenses(FilterCapabilities t, FilterEntity entity)
        {
            t.Set(entity, "assignedLicenses", new PropertyCapability(FilterValueKind.ComplexCollection, Collection, typeName: "microsoft.graph.assignedLicense"));
            t.Set(entity, "assignedLicenses/skuId", new PropertyCapability(FilterValueKind.Guid, Key));
            // Listed so that a filter on it is refused as unsupported rather than unknown; its item type never matters.
            t.Set(entity, "assignedLicenses/disabledPlans", new PropertyCapability(FilterValueKind.StringCollection, FilterOperators.None));
        }

        private readonly struct Row
        {
            public Row(string path, PropertyCapability capability)
            {
                Path = path;
                Capability = capability;
            }

            public string Path { get; }

            public PropertyCapability Capability { get; }
        }
    }
}
