using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LicenseGovernance.Simulator.OData
{
    /// <summary>
    /// Splits a filter into typed tokens. Keywords (eq, and, any) stay identifiers and the parser gives them meaning,
    /// so a dynamic-membership-rule parser can reuse the literal and identifier scanning with its own grammar.
    /// </summary>
    internal static class FilterLexer
    {
        // Graph takes GUIDs and DateTimeOffsets unquoted; both must be recognised before numbers and identifiers,
        // because a GUID can start with digits or letters and a date starts like a number.
        private static readonly Regex GuidPattern = new Regex(
            @"\G[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z_])",
            RegexOptions.CultureInvariant);

        private static readonly Regex DateTimePattern = new Regex(
            @"\G\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?(?![0-9A-Za-z_])",
            RegexOptions.CultureInvariant);

        private static readonly Regex NumberPattern = new Regex(@"\G-?\d+(\.\d+)?(?![0-9A-Za-z_])", RegexOptions.CultureInvariant);

        /// <exception cref="FilterSyntaxException">The text holds something that is not a token.</exception>
        public static List<FilterToken> Tokenize(string text)
        {
            var tokens = new List<FilterToken>();
            int i = 0;
            while (true)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i >= text.Length)
                {
                    tokens.Add(new FilterToken(FilterTokenKind.End, string.Empty, null, i));
                    return tokens;
                }

                char c = text[i];
                FilterTokenKind? punctuation = Punctuation(c);
                if (punctuation.HasValue)
                {
                    tokens.Add(new FilterToken(punctuation.Value, c.ToString(), null, i));
                    i++;
                }
                else if (c == '\'')
                {
                    i = ReadString(text, i, tokens);
                }
                else if (TryMatch(GuidPattern, text, i, out Match guid))
                {
                    tokens.Add(new FilterToken(FilterTokenKind.Guid, guid.Value, Guid.Parse(guid.Value), i));
                    i += guid.Length;
                }
                else if (TryMatch(DateTimePattern, text, i, out Match date))
                {
                    tokens.Add(new FilterToken(FilterTokenKind.DateTimeOffset, date.Value, ParseDate(date.Value, i), i));
                    i += date.Length;
                }
                else if (TryMatch(NumberPattern, text, i, out Match number))
                {
                    tokens.Add(ParseNumber(number.Value, i));
                    i += number.Length;
                }
                else if (char.IsLetter(c) || c == '_' || c == '$')
                {
                    int start = i++;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    {
                        i++;
                    }

                    tokens.Add(new FilterToken(FilterTokenKind.Identifier, text.Substring(start, i - start), null, start));
                }
                else
                {
                    throw new FilterSyntaxException($"Syntax error: character '{c}' is not valid at position {i} in '{text}'.");
                }
            }
        }

        private static FilterTokenKind? Punctuation(char c)
        {
            switch (c)
            {
                case '(': return FilterTokenKind.OpenParen;
                case ')': return FilterTokenKind.CloseParen;
                case ',': return FilterTokenKind.Comma;
                case ':': return FilterTokenKind.Colon;
                case '/': return FilterTokenKind.Slash;
                default: return null;
            }
        }

        private static bool TryMatch(Regex pattern, string text, int position, out Match match)
        {
            match = pattern.Match(text, position);
            return match.Success;
        }

        private static int ReadString(string text, int start, List<FilterToken> tokens)
        {
            var value = new StringBuilder();
            int i = start + 1;
            while (i < text.Length)
            {
                if (text[i] == '\'')
                {
                    // OData escapes a quote inside a string by doubling it.
                    if (i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        value.Append('\'');
                        i += 2;
                        continue;
                    }

                    tokens.Add(new FilterToken(FilterTokenKind.String, text.Substring(start, i + 1 - start), value.ToString(), start));
                    return i + 1;
                }

                value.Append(text[i]);
                i++;
            }

            throw new FilterSyntaxException($"There is an unterminated string literal at position {start} in '{text}'.");
        }

        private static DateTimeOffset ParseDate(string literal, int position)
        {
            // A bare date is midnight UTC, so "employeeHireDate ge 2024-01-01" compares the way Graph does.
            if (DateTimeOffset.TryParse(literal, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value))
            {
                return value;
            }

            throw new FilterSyntaxException($"'{literal}' at position {position} is not a valid Edm.DateTimeOffset.");
        }

        private static FilterToken ParseNumber(string literal, int position)
        {
            if (literal.IndexOf('.') >= 0)
            {
                return new FilterToken(FilterTokenKind.Decimal, literal, double.Parse(literal, CultureInfo.InvariantCulture), position);
            }

            if (long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
            {
                return new FilterToken(FilterTokenKind.Integer, literal, integer, position);
            }

            throw new FilterSyntaxException($"The number '{literal}' at position {position} is too large.");
        }
    }
}
