using System;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.OData
{
    /// <summary>
    /// A parsed, validated and compiled <c>$filter</c>. Parse once per request; <see cref="Matches"/> is then
    /// called for every candidate object and does no parsing.
    /// </summary>
    public sealed class ODataFilter
    {
        private const string SignInActivity = "signInActivity";

        private static readonly FilterCapabilities DefaultCapabilities = FilterCapabilities.CreateDefault();

        private readonly Func<object?, bool> predicate;

        private ODataFilter(Func<object?, bool> predicate, IReadOnlyCollection<string> propertyPaths, bool referencesSignInActivity)
        {
            this.predicate = predicate;
            PropertyPaths = propertyPaths;
            ReferencesSignInActivity = referencesSignInActivity;
        }

        /// <summary>The handler needs this to apply the premium-licence check and the 120-item page cap.</summary>
        public bool ReferencesSignInActivity { get; }

        /// <summary>Canonical paths the filter reads, for example "assignedLicenses/skuId" or "assignedLicenses/$count".</summary>
        public IReadOnlyCollection<string> PropertyPaths { get; }

        /// <param name="advancedQuery">The request carries ConsistencyLevel: eventual and $count=true.</param>
        /// <exception cref="ODataQueryException">Graph would answer 400; Status, Code and Message are Graph's.</exception>
        public static ODataFilter Parse(string filter, FilterEntity entity, bool advancedQuery)
        {
            return Parse(filter, entity, advancedQuery, DefaultCapabilities);
        }

        /// <param name="capabilities">A table that differs from Graph's documented one, for unverified rows.</param>
        public static ODataFilter Parse(string filter, FilterEntity entity, bool advancedQuery, FilterCapabilities capabilities)
        {
            if (filter == null)
            {
                throw new ArgumentNullException(nameof(filter));
            }

            if (capabilities == null)
            {
                throw new ArgumentNullException(nameof(capabilities));
            }

            FilterParser parsed;
            try
            {
                parsed = FilterParser.Parse(filter, entity, capabilities, advancedQuery);
            }
            catch (FilterSyntaxException syntax)
            {
                throw capabilities.InvalidClause(syntax.Message);
            }

            bool signIn = false;
            foreach (string root in parsed.Roots)
            {
                signIn |= string.Equals(root, SignInActivity, StringComparison.Ordinal);
            }

            // signInActivity is served by its own index and cannot be combined with any other property (graph-contract §1.1).
            if (signIn && parsed.Roots.Count > 1)
            {
                foreach (string root in parsed.Roots)
                {
                    if (!string.Equals(root, SignInActivity, StringComparison.Ordinal))
                    {
                        throw capabilities.UnsupportedClause(root, entity);
                    }
                }
            }

            return new ODataFilter(parsed.Predicate, new List<string>(parsed.Paths).AsReadOnly(), signIn);
        }

        public bool Matches(IFilterable target)
        {
            return predicate(target);
        }
    }
}
