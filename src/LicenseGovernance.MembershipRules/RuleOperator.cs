using System;
using System.Collections.Generic;

namespace LicenseGovernance.MembershipRules
{
    internal enum RuleComparison
    {
        Equals,
        StartsWith,
        EndsWith,
        Contains,
        In,
        Match,
    }

    /// <summary>A comparison operator: every "not" operator is the exact negation of its positive form.</summary>
    internal readonly struct RuleOperator
    {
        private static readonly Dictionary<string, RuleOperator> ByName = new Dictionary<string, RuleOperator>(StringComparer.OrdinalIgnoreCase)
        {
            ["eq"] = new RuleOperator("-eq", RuleComparison.Equals, negated: false),
            ["ne"] = new RuleOperator("-ne", RuleComparison.Equals, negated: true),
            ["startsWith"] = new RuleOperator("-startsWith", RuleComparison.StartsWith, negated: false),
            ["notStartsWith"] = new RuleOperator("-notStartsWith", RuleComparison.StartsWith, negated: true),
            ["endsWith"] = new RuleOperator("-endsWith", RuleComparison.EndsWith, negated: false),
            ["notEndsWith"] = new RuleOperator("-notEndsWith", RuleComparison.EndsWith, negated: true),
            ["contains"] = new RuleOperator("-contains", RuleComparison.Contains, negated: false),
            ["notContains"] = new RuleOperator("-notContains", RuleComparison.Contains, negated: true),
            ["in"] = new RuleOperator("-in", RuleComparison.In, negated: false),
            ["notIn"] = new RuleOperator("-notIn", RuleComparison.In, negated: true),
            ["match"] = new RuleOperator("-match", RuleComparison.Match, negated: false),
            ["notMatch"] = new RuleOperator("-notMatch", RuleComparison.Match, negated: true),
        };

        // Entra operators this library does not read: named apart from typos so the message says so.
        private static readonly HashSet<string> Unsupported = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "any", "all", "le", "ge", "memberOf" };

        private RuleOperator(string name, RuleComparison comparison, bool negated)
        {
            Name = name;
            Comparison = comparison;
            Negated = negated;
        }

        /// <summary>Canonical spelling, for messages.</summary>
        public string Name { get; }

        public RuleComparison Comparison { get; }

        public bool Negated { get; }

        public static bool TryFind(string nameWithoutDash, out RuleOperator op) => ByName.TryGetValue(nameWithoutDash, out op);

        public static bool IsUnsupported(string nameWithoutDash) => Unsupported.Contains(nameWithoutDash);
    }
}
