using System;
using System.Collections;
using System.Collections.Generic;

namespace LicenseGovernance.Simulator.OData
{
    /// <summary>
    /// Recursive-descent parser that checks every clause against the capability table as it reads it and compiles
    /// the filter into closures, so evaluating a user never looks at the filter text again.
    /// Precedence, low to high: or, and, not, comparison; parentheses override it.
    /// </summary>
    internal sealed class FilterParser
    {
        private readonly string text;
        private readonly List<FilterToken> tokens;
        private readonly FilterEntity entity;
        private readonly FilterCapabilities table;
        private readonly bool advanced;
        private readonly List<string> paths = new List<string>();
        private readonly List<string> roots = new List<string>();
        private int index;
        private int notDepth;
        private Lambda? lambda;

        private FilterParser(string text, FilterEntity entity, FilterCapabilities table, bool advanced)
        {
            this.text = text;
            this.entity = entity;
            this.table = table;
            this.advanced = advanced;
            tokens = FilterLexer.Tokenize(text);
        }

        public IReadOnlyList<string> Paths => paths;

        /// <summary>The top-level entity properties the filter touches, canonical names, without repeats.</summary>
        public IReadOnlyList<string> Roots => roots;

        public Func<object?, bool> Predicate { get; private set; } = _ => false;

        private string EntityType => entity == FilterEntity.User ? "microsoft.graph.user" : "microsoft.graph.group";

        private FilterToken Peek => tokens[index];

        /// <exception cref="FilterSyntaxException">The text is not a well-formed filter.</exception>
        /// <exception cref="ODataQueryException">The filter is well formed but Graph would refuse it.</exception>
        public static FilterParser Parse(string text, FilterEntity entity, FilterCapabilities table, bool advanced)
        {
            var parser = new FilterParser(text, entity, table, advanced);
            parser.Predicate = parser.ParseOr();
            if (parser.Peek.Kind != FilterTokenKind.End)
            {
                throw parser.Syntax("Syntax error", parser.Peek);
            }

            return parser;
        }

        private FilterToken PeekAt(int offset)
        {
            return tokens[Math.Min(index + offset, tokens.Count - 1)];
        }

        private FilterToken Next()
        {
            FilterToken token = tokens[index];
            if (token.Kind != FilterTokenKind.End)
            {
                index++;
            }

            return token;
        }

        private FilterToken Expect(FilterTokenKind kind, string description)
        {
            if (Peek.Kind != kind)
            {
                throw Syntax(description + " expected", Peek);
            }

            return Next();
        }

        private FilterSyntaxException Syntax(string problem, FilterToken at)
        {
            return new FilterSyntaxException($"{problem} at position {at.Position} in '{text}'.");
        }

        private Func<object?, bool> ParseOr()
        {
            Func<object?, bool> left = ParseAnd();
            while (Peek.IsWord("or"))
            {
                Next();
                Func<object?, bool> first = left;
                Func<object?, bool> second = ParseAnd();
                left = o => first(o) || second(o);
            }

            return left;
        }

        private Func<object?, bool> ParseAnd()
        {
            Func<object?, bool> left = ParseUnary();
            while (Peek.IsWord("and"))
            {
                Next();
                Func<object?, bool> first = left;
                Func<object?, bool> second = ParseUnary();
                left = o => first(o) && second(o);
            }

            return left;
        }

        private Func<object?, bool> ParseUnary()
        {
            if (!Peek.IsWord("not"))
            {
                return ParsePrimary();
            }

            Next();
            notDepth++;
            Func<object?, bool> inner = ParseUnary();
            notDepth--;
            return o => !inner(o);
        }

        private Func<object?, bool> ParsePrimary()
        {
            FilterToken token = Peek;
            if (token.Kind == FilterTokenKind.OpenParen)
            {
                Next();
                Func<object?, bool> inner = ParseOr();
                Expect(FilterTokenKind.CloseParen, "')'");
                return inner;
            }

            if (token.Kind != FilterTokenKind.Identifier)
            {
                throw Syntax("Expression expected", token);
            }

            if (PeekAt(1).Kind == FilterTokenKind.OpenParen)
            {
                return ParseFunction();
            }

            Operand operand = Resolve(ReadSegments());
            if (Peek.Kind == FilterTokenKind.Slash)
            {
                Next();
                FilterToken word = Next();
                return word.IsWord("$count") ? ParseCount(operand) : ParseLambda(operand, word);
            }

            return ParseComparison(operand);
        }

        private List<FilterToken> ReadSegments()
        {
            var segments = new List<FilterToken> { Expect(FilterTokenKind.Identifier, "Property name") };
            while (Peek.Kind == FilterTokenKind.Slash && PeekAt(1).Kind == FilterTokenKind.Identifier && !IsPathOperator(PeekAt(1), PeekAt(2)))
            {
                Next();
                segments.Add(Next());
            }

            if (Peek.Kind == FilterTokenKind.Slash && !IsPathOperator(PeekAt(1), PeekAt(2)))
            {
                throw Syntax("Property name expected", PeekAt(1));
            }

            return segments;
        }

        private static bool IsPathOperator(FilterToken word, FilterToken following)
        {
            return word.IsWord("$count") || ((word.IsWord("any") || word.IsWord("all")) && following.Kind == FilterTokenKind.OpenParen);
        }

        private Operand Resolve(List<FilterToken> segments)
        {
            string? path = null;
            string? root = lambda?.Root;
            Func<object?, object?> read = o => o;
            PropertyCapability? capability = null;
            bool structured = true;
            string? typeName = EntityType;
            int first = 0;

            if (lambda != null)
            {
                if (!string.Equals(segments[0].Text, lambda.Variable, StringComparison.Ordinal))
                {
                    // Graph lambdas see only their variable; a property of the outer entity is not usable here.
                    throw table.TryFind(entity, segments[0].Text, out string canonical, out _)
                        ? table.UnsupportedClause(canonical, entity)
                        : table.UnknownProperty(segments[0].Text, EntityType);
                }

                path = lambda.CollectionPath;
                capability = lambda.ItemCapability;
                structured = lambda.ItemCapability.Kind == FilterValueKind.ComplexCollection;
                typeName = lambda.ItemCapability.TypeName;
                first = 1;
            }

            for (int i = first; i < segments.Count; i++)
            {
                FilterToken segment = segments[i];
                if (!structured)
                {
                    throw Syntax($"Property '{segment.Text}' cannot be read from a value that is not a single structured value", segment);
                }

                string candidate = path == null ? segment.Text : path + "/" + segment.Text;
                if (!table.TryFind(entity, candidate, out string canonical, out PropertyCapability found))
                {
                    throw table.UnknownProperty(segment.Text, typeName ?? EntityType);
                }

                string name = canonical.Substring(canonical.LastIndexOf('/') + 1);
                Func<object?, object?> outer = read;
                read = o => ReadProperty(outer(o), name);
                path = canonical;
                root ??= canonical;
                capability = found;
                structured = found.Kind == FilterValueKind.Complex;
                typeName = found.TypeName;
            }

            return new Operand(path!, root!, capability!, read);
        }

        private static object? ReadProperty(object? owner, string name)
        {
            return owner is IFilterable filterable && filterable.TryGetProperty(name, out object? value) ? value : null;
        }

        private Func<object?, bool> ParseFunction()
        {
            FilterToken name = Next();
            FilterOperators op;
            if (name.IsWord("startsWith"))
            {
                op = FilterOperators.StartsWith;
            }
            else if (name.IsWord("endsWith"))
            {
                op = FilterOperators.EndsWith;
            }
            else if (name.IsWord("contains") || name.IsWord("substringof") || name.IsWord("tolower") || name.IsWord("toupper"))
            {
                // Real OData functions that the directory index does not serve.
                op = FilterOperators.None;
            }
            else
            {
                throw Syntax($"Unknown function '{name.Text}'", name);
            }

            Expect(FilterTokenKind.OpenParen, "'('");
            Operand operand = Resolve(ReadSegments());
            Expect(FilterTokenKind.Comma, "','");
            Literal literal = ParseLiteral();
            Expect(FilterTokenKind.CloseParen, "')'");

            // Like OData, a signature mismatch is found before the index is asked whether it serves the call.
            FilterValueKind kind = operand.Capability.Kind;
            bool textual = kind == FilterValueKind.String || kind == FilterValueKind.StringCollection;
            if (!textual || !(literal.Value is string affix))
            {
                throw table.InvalidClause($"No function signature for the function with name '{name.Text}' matches the specified arguments.");
            }

            DemandComparable(operand, op);

            Record(operand.Path, operand.Root);
            Func<object?, object?> read = operand.Read;
            return op == FilterOperators.StartsWith
                ? o => read(o) is string s && s.StartsWith(affix, StringComparison.OrdinalIgnoreCase)
                : (Func<object?, bool>)(o => read(o) is string s && s.EndsWith(affix, StringComparison.OrdinalIgnoreCase));
        }

        private Func<object?, bool> ParseComparison(Operand operand)
        {
            FilterToken opToken = Next();
            FilterOperators op = ComparisonOperator(opToken);
            if (op == FilterOperators.In)
            {
                return ParseIn(operand);
            }

            Literal literal = ParseLiteral();
            FilterOperators required = op;
            if (literal.Value == null)
            {
                if (op == FilterOperators.Eq)
                {
                    required = FilterOperators.EqNull;
                }
                else if (op != FilterOperators.Ne)
                {
                    throw Incompatible(operand.Capability.Kind, literal, op);
                }
            }

            DemandComparable(operand, required);
            CheckType(operand.Capability.Kind, literal, op);
            Record(operand.Path, operand.Root);
            return CompileComparison(operand.Read, op, literal.Value);
        }

        private Func<object?, bool> ParseIn(Operand operand)
        {
            Expect(FilterTokenKind.OpenParen, "'('");
            var values = new List<object?>();
            while (true)
            {
                Literal literal = ParseLiteral();
                CheckType(operand.Capability.Kind, literal, FilterOperators.In);
                values.Add(literal.Value);
                if (Peek.Kind != FilterTokenKind.Comma)
                {
                    break;
                }

                Next();
            }

            Expect(FilterTokenKind.CloseParen, "')' or ','");
            DemandComparable(operand, FilterOperators.In);
            Record(operand.Path, operand.Root);

            object?[] candidates = values.ToArray();
            Func<object?, object?> read = operand.Read;
            return o =>
            {
                object? value = read(o);
                foreach (object? candidate in candidates)
                {
                    if (FilterValues.AreEqual(value, candidate))
                    {
                        return true;
                    }
                }

                return false;
            };
        }

        private Func<object?, bool> ParseCount(Operand operand)
        {
            RequireCollection(operand, "$count");
            FilterToken opToken = Next();
            FilterOperators op = ComparisonOperator(opToken);
            if (op == FilterOperators.In)
            {
                throw Syntax("A comparison operator other than 'in' expected", opToken);
            }

            Literal literal = ParseLiteral();
            if (!(literal.Value is long expected))
            {
                throw table.InvalidClause(
                    $"A binary operator with incompatible types was detected. Found operand types 'Edm.Int32' and '{literal.EdmType}' for operator kind '{OperatorKind(op)}'.");
            }

            Demand(operand, FilterOperators.Count);
            Record(operand.Path + "/$count", operand.Root);
            Func<object?, object?> read = operand.Read;
            return CompileComparison(o => (long)CountOf(read(o)), op, expected);
        }

        private Func<object?, bool> ParseLambda(Operand operand, FilterToken word)
        {
            RequireCollection(operand, word.Text);
            if (!word.IsWord("any") || lambda != null)
            {
                // all() and nested lambdas are valid OData that the directory does not serve.
                throw table.UnsupportedClause(operand.Root, entity);
            }

            Demand(operand, FilterOperators.Any);
            Expect(FilterTokenKind.OpenParen, "'('");
            Func<object?, object?> read = operand.Read;
            if (Peek.Kind == FilterTokenKind.CloseParen)
            {
                Next();
                Record(operand.Path, operand.Root);
                return o => CountOf(read(o)) > 0;
            }

            FilterToken variable = Expect(FilterTokenKind.Identifier, "Lambda variable");
            Expect(FilterTokenKind.Colon, "':'");
            PropertyCapability item = operand.Capability.Kind == FilterValueKind.StringCollection
                ? new PropertyCapability(FilterValueKind.String, operand.Capability.Operators)
                : operand.Capability;

            int outerNotDepth = notDepth;
            notDepth = 0;
            lambda = new Lambda(variable.Text, operand.Path, operand.Root, item);
            Func<object?, bool> body = ParseOr();
            lambda = null;
            notDepth = outerNotDepth;
            Expect(FilterTokenKind.CloseParen, "')'");

            return o =>
            {
                if (read(o) is IEnumerable items && !(items is string))
                {
                    foreach (object? element in items)
                    {
                        if (body(element))
                        {
                            return true;
                        }
                    }
                }

                return false;
            };
        }

        private void RequireCollection(Operand operand, string word)
        {
            FilterValueKind kind = operand.Capability.Kind;
            if (kind != FilterValueKind.ComplexCollection && kind != FilterValueKind.StringCollection)
            {
                throw table.InvalidClause($"'{word}' can only follow a collection-valued property, and '{operand.Path}' is not one.");
            }
        }

        private static int CountOf(object? value)
        {
            switch (value)
            {
                case null:
                case string _:
                    return 0;
                case ICollection collection:
                    return collection.Count;
                case IEnumerable items:
                    int count = 0;
                    foreach (object? _ in items)
                    {
                        count++;
                    }

                    return count;
                default:
                    return 0;
            }
        }

        private static Func<object?, bool> CompileComparison(Func<object?, object?> read, FilterOperators op, object? literal)
        {
            switch (op)
            {
                case FilterOperators.Eq:
                    return o => FilterValues.AreEqual(read(o), literal);
                case FilterOperators.Ne:
                    return o => !FilterValues.AreEqual(read(o), literal);
                case FilterOperators.Gt:
                    return o => FilterValues.Compare(read(o), literal!) > 0;
                case FilterOperators.Ge:
                    return o => FilterValues.Compare(read(o), literal!) >= 0;
                case FilterOperators.Lt:
                    return o => FilterValues.Compare(read(o), literal!) < 0;
                default:
                    return o => FilterValues.Compare(read(o), literal!) <= 0;
            }
        }

        private FilterOperators ComparisonOperator(FilterToken token)
        {
            if (token.Kind == FilterTokenKind.Identifier)
            {
                switch (token.Text.ToLowerInvariant())
                {
                    case "eq": return FilterOperators.Eq;
                    case "ne": return FilterOperators.Ne;
                    case "gt": return FilterOperators.Gt;
                    case "ge": return FilterOperators.Ge;
                    case "lt": return FilterOperators.Lt;
                    case "le": return FilterOperators.Le;
                    case "in": return FilterOperators.In;
                }
            }

            throw Syntax("Comparison operator expected", token);
        }

        private Literal ParseLiteral()
        {
            FilterToken token = Next();
            switch (token.Kind)
            {
                case FilterTokenKind.String:
                    return new Literal(token.Value, "Edm.String");
                case FilterTokenKind.Integer:
                    long number = (long)token.Value!;
                    return new Literal(number, number >= int.MinValue && number <= int.MaxValue ? "Edm.Int32" : "Edm.Int64");
                case FilterTokenKind.Decimal:
                    return new Literal(token.Value, "Edm.Double");
                case FilterTokenKind.Guid:
                    return new Literal(token.Value, "Edm.Guid");
                case FilterTokenKind.DateTimeOffset:
                    return new Literal(token.Value, "Edm.DateTimeOffset");
                case FilterTokenKind.Identifier when token.IsWord("true"):
                    return new Literal(true, "Edm.Boolean");
                case FilterTokenKind.Identifier when token.IsWord("false"):
                    return new Literal(false, "Edm.Boolean");
                case FilterTokenKind.Identifier when token.IsWord("null"):
                    return new Literal(null, "null");
                default:
                    throw Syntax("Literal expected", token);
            }
        }

        private void CheckType(FilterValueKind kind, Literal literal, FilterOperators op)
        {
            object? value = literal.Value;
            bool fits = value == null || kind switch
            {
                FilterValueKind.String => value is string,
                FilterValueKind.Boolean => value is bool,
                FilterValueKind.Int32 => value is long,
                FilterValueKind.Guid => value is Guid,
                FilterValueKind.DateTimeOffset => value is DateTimeOffset,
                _ => false,
            };
            if (!fits)
            {
                throw Incompatible(kind, literal, op);
            }
        }

        private ODataQueryException Incompatible(FilterValueKind kind, Literal literal, FilterOperators op)
        {
            return table.InvalidClause(
                $"A binary operator with incompatible types was detected. Found operand types 'Edm.{kind}' and '{literal.EdmType}' for operator kind '{OperatorKind(op)}'.");
        }

        private static string OperatorKind(FilterOperators op)
        {
            switch (op)
            {
                case FilterOperators.Eq: return "Equal";
                case FilterOperators.Ne: return "NotEqual";
                case FilterOperators.Gt: return "GreaterThan";
                case FilterOperators.Ge: return "GreaterThanOrEqual";
                case FilterOperators.Lt: return "LessThan";
                case FilterOperators.Le: return "LessThanOrEqual";
                default: return op.ToString();
            }
        }

        private void DemandComparable(Operand operand, FilterOperators op)
        {
            FilterValueKind kind = operand.Capability.Kind;
            if (kind == FilterValueKind.Complex || kind == FilterValueKind.ComplexCollection || kind == FilterValueKind.StringCollection)
            {
                throw table.UnsupportedClause(operand.Root, entity);
            }

            Demand(operand, op);
        }

        /// <summary>Capability first, then advanced-only: an unfilterable property fails the same way with or without the headers.</summary>
        private void Demand(Operand operand, FilterOperators op)
        {
            PropertyCapability capability = operand.Capability;
            bool negated = notDepth > 0;
            if (op == FilterOperators.None || (capability.Operators & op) == 0 || (negated && (capability.Operators & FilterOperators.Not) == 0))
            {
                throw table.UnsupportedClause(operand.Root, entity);
            }

            FilterOperators advancedOperators = table.AdvancedOnlyOperators | capability.AdvancedOperators;
            bool needsAdvanced = capability.AdvancedOnly
                || (advancedOperators & op) != 0
                || (negated && (advancedOperators & FilterOperators.Not) != 0);
            if (needsAdvanced && !advanced)
            {
                throw table.UnsupportedQuery();
            }
        }

        private void Record(string path, string root)
        {
            if (!paths.Contains(path))
            {
                paths.Add(path);
            }

            if (!roots.Contains(root))
            {
                roots.Add(root);
            }
        }

        private sealed class Operand
        {
            public Operand(string path, string root, PropertyCapability capability, Func<object?, object?> read)
            {
                Path = path;
                Root = root;
                Capability = capability;
                Read = read;
            }

            public string Path { get; }

            /// <summary>The entity property the path starts from, named in "unsupported clause" errors.</summary>
            public string Root { get; }

            public PropertyCapability Capability { get; }

            public Func<object?, object?> Read { get; }
        }

        private sealed class Lambda
        {
            public Lambda(string variable, string collectionPath, string root, PropertyCapability itemCapability)
            {
                Variable = variable;
                CollectionPath = collectionPath;
                Root = root;
                ItemCapability = itemCapability;
            }

            public string Variable { get; }

            public string CollectionPath { get; }

            public string Root { get; }

            public PropertyCapability ItemCapability { get; }
        }

        private readonly struct Literal
        {
            public Literal(object? value, string edmType)
            {
                Value = value;
                EdmType = edmType;
            }

            public object? Value { get; }

            public string EdmType { get; }
        }
    }
}
