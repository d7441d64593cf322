using System;
using System.Collections.Generic;

namespace LicenseGovernance.MembershipRules
{
    /// <summary>
    /// A parsed Entra ID dynamic membership rule over user properties. The engine (validation, what-if) and the
    /// simulated tenant (dynamic groups) both read rules through this class, so a rule means one thing everywhere.
    /// </summary>
    public sealed class MembershipRule
    {
        private readonly RuleNode _root;

        private MembershipRule(string text, RuleNode root, IReadOnlyCollection<string> properties)
        {
            Text = text;
            _root = root;
            Properties = properties;
        }

        /// <summary>The rule as written.</summary>
        public string Text { get; }

        /// <summary>Canonical names of the user properties the rule reads (see <see cref="RuleProperties.All"/>), each once, in order of first use.</summary>
        public IReadOnlyCollection<string> Properties { get; }

        /// <exception cref="MembershipRuleSyntaxException">The rule is not valid; the exception says where and why.</exception>
        public static MembershipRule Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            var root = RuleParser.Parse(text, out var properties);
            return new MembershipRule(text, root, properties);
        }

        /// <summary>
        /// Parses without throwing for an invalid rule: exactly one of <paramref name="rule"/> and <paramref name="error"/> is set.
        /// A null text is an empty rule here, so callers can pass an optional parameter straight through.
        /// </summary>
        public static bool TryParse(string text, out MembershipRule? rule, out MembershipRuleSyntaxException? error)
        {
            try
            {
                rule = Parse(text ?? string.Empty);
                error = null;
                return true;
            }
            catch (MembershipRuleSyntaxException e)
            {
                rule = null;
                error = e;
                return false;
            }
        }

        /// <summary>Whether the user satisfies the rule, i.e. belongs in the group.</summary>
        public bool Evaluate(IRuleSubject user)
        {
            if (user == null)
            {
                throw new ArgumentNullException(nameof(user));
            }

            return _root.Evaluate(user);
        }

        public override string ToString() => Text;
    }
}
