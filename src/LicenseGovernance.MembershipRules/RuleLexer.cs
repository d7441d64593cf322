using System.Text;

namespace LicenseGovernance.MembershipRules
{
    /// <summary>
    /// Reads tokens one at a time, on demand, so that the parser reports the first error in the text:
    /// a bad character late in the rule must not hide an unknown property early in it.
    /// </summary>
    internal sealed class RuleLexer
    {
        private readonly string _text;
        private int _index;

        public RuleLexer(string text)
        {
            _text = text;
        }

        public RuleToken Next()
        {
            while (_index < _text.Length && char.IsWhiteSpace(_text[_index]))
            {
                _index++;
            }

            if (_index >= _text.Length)
            {
                return new RuleToken(RuleTokenKind.End, _text.Length + 1, string.Empty, string.Empty);
            }

            var start = _index;
            var c = _text[_index];
            switch (c)
            {
                case '(': return Single(RuleTokenKind.OpenParen);
                case ')': return Single(RuleTokenKind.CloseParen);
                case '[': return Single(RuleTokenKind.OpenBracket);
                case ']': return Single(RuleTokenKind.CloseBracket);
                case ',': return Single(RuleTokenKind.Comma);
                case '"': return DoubleQuoted(start);
                case '\'': return SingleQuoted(start);
            }

            if (c == '-')
            {
                _index++;
                if (_index >= _text.Length || !char.IsLetter(_text[_index]))
                {
                    throw Error(start, "a '-' must be followed by an operator such as -eq");
                }

                var name = ReadWord();
                return new RuleToken(RuleTokenKind.DashWord, start + 1, "-" + name, name);
            }

            if (IsWordChar(c))
            {
                var word = ReadWord();
                return new RuleToken(RuleTokenKind.Word, start + 1, word, word);
            }

            throw Error(start, DescribeStrayCharacter(c));
        }

        private static string DescribeStrayCharacter(char c)
        {
            // Rules copied from documents and web pages arrive with typographic punctuation, which Entra refuses.
            switch (c)
            {
                case '\u2013':
                case '\u2014':
                case '\u2212':
                    return "'" + c + "' is not a hyphen: write operators with '-', as in -eq";
                case '\u201C':
                case '\u201D':
                case '\u2018':
                case '\u2019':
                    return "'" + c + "' is a typographic quote: use straight quotes \" or '";
                default:
                    return "unexpected character '" + c + "'";
            }
        }

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.';

        private RuleToken Single(RuleTokenKind kind)
        {
            var start = _index++;
            return new RuleToken(kind, start + 1, _text[start].ToString(), _text[start].ToString());
        }

        private string ReadWord()
        {
            var start = _index;
            while (_index < _text.Length && IsWordChar(_text[_index]))
            {
                _index++;
            }

            return _text.Substring(start, _index - start);
        }

        /// <summary>A backtick escapes a double quote or another backtick, as Entra documents; any other backtick is literal.</summary>
        private RuleToken DoubleQuoted(int start)
        {
            var value = new StringBuilder();
            _index++;
            while (_index < _text.Length)
            {
                var c = _text[_index];
                if (c == '`' && _index + 1 < _text.Length && (_text[_index + 1] == '"' || _text[_index + 1] == '`'))
                {
                    value.Append(_text[_index + 1]);
                    _index += 2;
                    continue;
                }

                _index++;
                if (c == '"')
                {
                    return new RuleToken(RuleTokenKind.String, start + 1, _text.Substring(start, _index - start), value.ToString());
                }

                value.Append(c);
            }

            throw Error(start, "unterminated string: the closing \" is missing");
        }

        /// <summary>Two single quotes stand for one, as Entra documents.</summary>
        private RuleToken SingleQuoted(int start)
        {
            var value = new StringBuilder();
            _index++;
            while (_index < _text.Length)
            {
                var c = _text[_index++];
                if (c != '\'')
                {
                    value.Append(c);
                    continue;
                }

                if (_index < _text.Length && _text[_index] == '\'')
                {
                    value.Append('\'');
                    _index++;
                    continue;
                }

                return new RuleToken(RuleTokenKind.String, start + 1, _text.Substring(start, _index - start), value.ToString());
            }

            throw Error(start, "unterminated string: the closing ' is missing");
        }

        private static MembershipRuleSyntaxException Error(int index, string reason) => new MembershipRuleSyntaxException(index + 1, reason);
    }
}
