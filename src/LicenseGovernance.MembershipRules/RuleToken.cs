namespace LicenseGovernance.MembershipRules
{
    internal enum RuleTokenKind
    {
        End,
        OpenParen,
        CloseParen,
        OpenBracket,
        CloseBracket,
        Comma,
        String,

        /// <summary>A bare word: a property (<c>user.department</c>), a keyword (null, true) or an operator written without its dash.</summary>
        Word,

        /// <summary>A dash and a word: an operator such as <c>-eq</c> or <c>-and</c>.</summary>
        DashWord,
    }

    internal readonly struct RuleToken
    {
        public RuleToken(RuleTokenKind kind, int position, string raw, string value)
        {
            Kind = kind;
            Position = position;
            Raw = raw;
            Value = value;
        }

        public RuleTokenKind Kind { get; }

        /// <summary>1-based position of the token's first character.</summary>
        public int Position { get; }

        /// <summary>The token as written, quotes and escapes included.</summary>
        public string Raw { get; }

        /// <summary>A string's content with escapes resolved; a dash word's name without the dash; otherwise the raw text.</summary>
        public string Value { get; }

        public bool IsWord(string word) =>
            (Kind == RuleTokenKind.Word || Kind == RuleTokenKind.DashWord) && string.Equals(Value, word, System.StringComparison.OrdinalIgnoreCase);

        /// <summary>How an error message names this token.</summary>
        public string Describe() => Kind switch
        {
            RuleTokenKind.End => "the end of the rule",
            RuleTokenKind.String => Raw,
            _ => "'" + Raw + "'",
        };
    }
}
