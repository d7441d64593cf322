namespace LicenseGovernance.Simulator.OData
{
    internal readonly struct FilterToken
    {
        public FilterToken(FilterTokenKind kind, string text, object? value, int position)
        {
            Kind = kind;
            Text = text;
            Value = value;
            Position = position;
        }

        public FilterTokenKind Kind { get; }

        /// <summary>The source text; for identifiers, the name as written.</summary>
        public string Text { get; }

        /// <summary>The typed literal: string, long, double, Guid or DateTimeOffset.</summary>
        public object? Value { get; }

        public int Position { get; }

        public bool IsWord(string word)
        {
            return Kind == FilterTokenKind.Identifier && string.Equals(Text, word, System.StringComparison.OrdinalIgnoreCase);
        }
    }
}
