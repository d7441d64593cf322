using System;
using System.Globalization;

namespace LicenseGovernance.MembershipRules
{
    /// <summary>A rule that Entra ID would refuse, with where and why.</summary>
    public sealed class MembershipRuleSyntaxException : Exception
    {
        public MembershipRuleSyntaxException(int position, string reason)
            : this(position, reason, validInEntra: false)
        {
        }

        public MembershipRuleSyntaxException(int position, string reason, bool validInEntra)
            : base(string.Format(CultureInfo.InvariantCulture, "Invalid membership rule at position {0}: {1}.", position, reason))
        {
            Position = position;
            Reason = reason;
            IsValidInEntra = validInEntra;
        }

        /// <summary>
        /// True when Entra ID accepts what stopped the parser (an operator such as -any, a property such as assignedPlans,
        /// a "Direct Reports for" rule): the rule may be fine, but this library cannot evaluate it.
        /// </summary>
        public bool IsValidInEntra { get; }

        /// <summary>1-based character position of the first error in the rule text; one past the end when the rule stops too early.</summary>
        public int Position { get; }

        /// <summary>What is wrong, short enough to follow a position in a message.</summary>
        public string Reason { get; }
    }
}
