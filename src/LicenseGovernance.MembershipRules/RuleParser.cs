using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace LicenseGovernance.MembershipRules
{
    /// <summary>
    /// Recursive descent over Entra's precedence: comparisons bind tightest, then -not, then -and, then -or.
    /// Every token is checked before the next one is read, so the error reported is the first in the text.
    /// </summary>
    internal sealed class RuleParser
    {
        /// <summary>The longest rule body Entra ID accepts.</summary>
        public const int MaxLength = 3072;

        private const string RuleUserPrefix = "user.";

        private readonly RuleLexer _lexer;
        private readonly List<string> _properties = new List<string>();
        private RuleToken _current;

        private RuleParser(string text)
        {
            _lexer = new RuleLexer(text);
        }

        public static RuleNode Parse(string text, out IReadOnlyCollection<string> properties)
        {
            if (text.Trim().Length == 0)
            {
                throw new MembershipRuleSyntaxException(1, "the rule is empty");
            }

            if (text.Length > MaxLength)
            {
                throw new MembershipRuleSyntaxException(MaxLength + 1, "the rule is longer than " + MaxLength + " characters, the most Entra ID accepts");
            }

            if (text.TrimStart().StartsWith("Direct Reports for", StringComparison.OrdinalIgnoreCase))
            {
                throw new MembershipRuleSyntaxException(text.Length - text.TrimStart().Length + 1, "\"Direct Reports for\" rules are valid in Entra ID but cannot be evaluated here", validInEntra: true);
            }

            var parser = new RuleParser(text);
            parser.Advance();
            var root = parser.ParseOr(string.Empty);
            if (parser._current.Kind == RuleTokenKind.CloseParen)
            {
                throw parser.Error("unbalanced parenthesis: this ')' has no matching '('");
            }

            if (parser._current.Kind != RuleTokenKind.End)
            {
                throw parser.Error("expected -and, -or or the end of the rule, found " + parser._current.Describe());
            }

            properties = parser._properties;
            return root;
        }

        private void Advance() => _current = _lexer.Next();

        private MembershipRuleSyntaxException Error(string reason) => new MembershipRuleSyntaxException(_current.Position, reason);

        private RuleNode ParseOr(string after)
        {
            var left = ParseAnd(after);
            while (_current.IsWord("or"))
            {
                var connective = _current.Raw;
                Advance();
                left = new OrNode(left, ParseAnd(" after " + connective));
            }

            return left;
        }

        private RuleNode ParseAnd(string after)
        {
            var left = ParseNot(after);
            while (_current.IsWord("and"))
            {
                var connective = _current.Raw;
                Advance();
                left = new AndNode(left, ParseNot(" after " + connective));
            }

            return left;
        }

        private RuleNode ParseNot(string after)
        {
            if (!_current.IsWord("not"))
            {
                return ParsePrimary(after);
            }

            var keyword = _current.Raw;
            Advance();
            return new NotNode(ParseNot(" after " + keyword));
        }

        private RuleNode ParsePrimary(string after)
        {
            if (_current.Kind == RuleTokenKind.OpenParen)
            {
                var open = _current;
                Advance();
                var inner = ParseOr(" after '('");
                if (_current.Kind == RuleTokenKind.End)
                {
                    throw new MembershipRuleSyntaxException(open.Position, "unbalanced parenthesis: this '(' is never closed");
                }

                if (_current.Kind != RuleTokenKind.CloseParen)
                {
                    throw Error("expected -and, -or or ')', found " + _current.Describe());
                }

                Advance();
                return inner;
            }

            if (_current.Kind == RuleTokenKind.Word && _current.Value.StartsWith(RuleUserPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return ParseComparison();
            }

            if (_current.Kind == RuleTokenKind.Word && _current.Value.IndexOf('.') >= 0)
            {
                throw Error("unknown property '" + _current.Raw + "': rules read user properties, written user.<name>");
            }

            if (_current.Kind == RuleTokenKind.Word && RuleProperties.TryFind(_current.Value, out _))
            {
                throw Error("expected a property, found '" + _current.Raw + "': write it as user." + _current.Raw);
            }

            if (_current.Kind == RuleTokenKind.End)
            {
                throw Error("expected a condition" + after + ", such as user.department -eq \"Sales\"");
            }

            throw Error("expected a condition" + after + ", found " + _current.Describe());
        }

        private RuleNode ParseComparison()
        {
            var propertyToken = _current;
            var name = propertyToken.Value.Substring(RuleUserPrefix.Length);
            if (!RuleProperties.TryFind(name, out var property))
            {
                var root = name.Split('.')[0];
                throw RuleProperties.IsEntraOnly(root)
                    ? new MembershipRuleSyntaxException(_current.Position, "property '" + propertyToken.Raw + "' is valid in Entra ID but cannot be evaluated here", validInEntra: true)
                    : Error("unknown property '" + propertyToken.Raw + "'");
            }

            if (!_properties.Contains(property.CanonicalName))
            {
                _properties.Add(property.CanonicalName);
            }

            Advance();
            var op = ParseOperator(propertyToken, property);
            Advance();
            var value = ParseValue(propertyToken, property, op);
            return new ComparisonNode(property, op, value);
        }

        private RuleOperator ParseOperator(RuleToken propertyToken, RuleProperty property)
        {
            if (_current.Kind != RuleTokenKind.DashWord && _current.Kind != RuleTokenKind.Word)
            {
                throw Error("expected an operator such as -eq after " + propertyToken.Raw + ", found " + _current.Describe());
            }

            if (!RuleOperator.TryFind(_current.Value, out var op))
            {
                throw RuleOperator.IsUnsupported(_current.Value)
                    ? new MembershipRuleSyntaxException(_current.Position, "operator '" + _current.Raw + "' is valid in Entra ID but not supported here", validInEntra: true)
                    : Error("unknown operator '" + _current.Raw + "'");
            }

            if (property.IsBoolean && op.Comparison != RuleComparison.Equals)
            {
                throw Error("operator " + op.Name + " cannot be used with " + propertyToken.Raw + ", which is true or false: use -eq or -ne");
            }

            return op;
        }

        private RuleValue ParseValue(RuleToken propertyToken, RuleProperty property, RuleOperator op)
        {
            var valueToken = _current;
            var isList = op.Comparison == RuleComparison.In;
            RuleValue value;
            switch (valueToken.Kind)
            {
                case RuleTokenKind.String when isList:
                case RuleTokenKind.Word when isList:
                    throw Error(op.Name + " takes an array such as [\"a\",\"b\"]");

                case RuleTokenKind.Word when valueToken.IsWord("null"):
                    if (op.Comparison != RuleComparison.Equals)
                    {
                        throw Error("null can only be compared with -eq or -ne, not " + op.Name);
                    }

                    value = RuleValue.Null();
                    break;

                case RuleTokenKind.Word when valueToken.IsWord("true") || valueToken.IsWord("false"):
                    if (!property.IsBoolean)
                    {
                        throw Error(propertyToken.Raw + " takes a quoted string, not " + valueToken.Raw);
                    }

                    value = RuleValue.Of(valueToken.IsWord("true"));
                    break;

                case RuleTokenKind.String when property.IsBoolean:
                    throw Error(propertyToken.Raw + " takes true or false, not a string");

                case RuleTokenKind.String when op.Comparison == RuleComparison.Match:
                    value = RuleValue.Of(Pattern(valueToken, op));
                    break;

                case RuleTokenKind.String:
                    value = RuleValue.Of(valueToken.Value);
                    break;

                case RuleTokenKind.OpenBracket:
                    if (!isList)
                    {
                        throw Error(op.Name + " takes a single value, not an array");
                    }

                    return RuleValue.Of(ParseArray(op));

                case RuleTokenKind.Word:
                    throw Error(property.IsBoolean
                        ? propertyToken.Raw + " takes true or false, found " + valueToken.Describe()
                        : "expected a quoted string after " + op.Name + ", found " + valueToken.Describe());

                default:
                    throw Error("expected a value after " + op.Name);
            }

            Advance();
            return value;
        }

        private Regex Pattern(RuleToken valueToken, RuleOperator op)
        {
            try
            {
                return new Regex(valueToken.Value, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw Error("invalid regular expression for " + op.Name + ": " + RegexProblem(e.Message));
            }
        }

        /// <summary>
        /// The problem without .NET's preamble ("Invalid pattern '...' at offset 3."), whose offset counts
        /// within the pattern and would contradict the rule position reported beside it.
        /// </summary>
        private static string RegexProblem(string message)
        {
            var cut = Math.Max(message.LastIndexOf(". ", StringComparison.Ordinal), message.LastIndexOf(" - ", StringComparison.Ordinal));
            var problem = cut >= 0 ? message.Substring(cut + 2).Trim() : message;
            return problem.TrimEnd('.');
        }

        /// <summary>Reads <c>["a","b"]</c>, the opening bracket being current; leaves the token after the closing bracket current.</summary>
        private string[] ParseArray(RuleOperator op)
        {
            var open = _current;
            var items = new List<string>();
            Advance();
            if (_current.Kind == RuleTokenKind.CloseBracket)
            {
                throw Error("the array after " + op.Name + " is empty");
            }

            while (true)
            {
                if (_current.Kind == RuleTokenKind.End)
                {
                    throw new MembershipRuleSyntaxException(open.Position, "unbalanced bracket: this '[' is never closed");
                }

                if (_current.Kind != RuleTokenKind.String)
                {
                    throw Error("expected a quoted string in the array, found " + _current.Describe());
                }

                items.Add(_current.Value);
                Advance();
                if (_current.Kind == RuleTokenKind.CloseBracket)
                {
                    Advance();
                    return items.ToArray();
                }

                if (_current.Kind == RuleTokenKind.End)
                {
                    throw new MembershipRuleSyntaxException(open.Position, "unbalanced bracket: this '[' is never closed");
                }

                if (_current.Kind != RuleTokenKind.Comma)
                {
                    throw Error("expected ',' or ']' in the array, found " + _current.Describe());
                }

                Advance();
            }
        }
    }
}
