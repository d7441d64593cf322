using System;
using System.Globalization;

namespace LicenseGovernance.MembershipRules
{
    /// <summary>A rule that Entra ID would refuse, with where and why.</summary>
    public sealed class MembershipRuleSyntaxException : Exception
    {
        public MembershipRuleSyntaxException(int position, string reason)
            : base(string.Format(CultureInfo.InvariantCulture, "Invalid membership rule at position {0}: {1}.", position, reason))
        {
            Position = position;
            Reason = reason;
        }

        /// <summary>1-based character position of the first error in the rule text; one past the end when the rule stops too early.</summary>
        public int Position { get; }

        /// <summary>What is wrong, short enough to follow a position in a message.</summary>
        public string Reason { get; }
    }
}
