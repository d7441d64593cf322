using System;
using System.Text.RegularExpressions;

namespace LicenseGovernance.MembershipRules
{
    internal abstract class RuleNode
    {
        public abstract bool Evaluate(IRuleSubject subject);
    }

    internal sealed class AndNode : RuleNode
    {
        private readonly RuleNode _left;
        private readonly RuleNode _right;

        public AndNode(RuleNode left, RuleNode right)
        {
            _left = left;
            _right = right;
        }

        public override bool Evaluate(IRuleSubject subject) => _left.Evaluate(subject) && _right.Evaluate(subject);
    }

    internal sealed class OrNode : RuleNode
    {
        private readonly RuleNode _left;
        private readonly RuleNode _right;

        public OrNode(RuleNode left, RuleNode right)
        {
            _left = left;
            _right = right;
        }

        public override bool Evaluate(IRuleSubject subject) => _left.Evaluate(subject) || _right.Evaluate(subject);
    }

    internal sealed class NotNode : RuleNode
    {
        private readonly RuleNode _operand;

        public NotNode(RuleNode operand)
        {
            _operand = operand;
        }

        public override bool Evaluate(IRuleSubject subject) => !_operand.Evaluate(subject);
    }

    /// <summary>
    /// <c>user.property -operator value</c>. An unset property satisfies only <c>-eq null</c> among the positive
    /// operators (and so every negated one except <c>-ne null</c>). Strings compare ordinally ignoring case.
    /// </summary>
    internal sealed class ComparisonNode : RuleNode
    {
        private readonly RuleProperty _property;
        private readonly RuleOperator _operator;
        private readonly RuleValue _value;

        public ComparisonNode(RuleProperty property, RuleOperator op, RuleValue value)
        {
            _property = property;
            _operator = op;
            _value = value;
        }

        public override bool Evaluate(IRuleSubject subject)
        {
            var actual = subject.GetValue(_property.CanonicalName);
            if (actual is string s && s.Length == 0)
            {
                actual = null;
            }

            return Positive(actual) != _operator.Negated;
        }

        private bool Positive(object? actual)
        {
            if (_value.IsNull)
            {
                return actual == null;
            }

            if (actual == null)
            {
                return false;
            }

            if (_property.IsBoolean)
            {
                return ToBoolean(actual) == _value.Boolean;
            }

            var text = actual as string ?? Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            switch (_operator.Comparison)
            {
                case RuleComparison.Equals: return string.Equals(text, _value.String, StringComparison.OrdinalIgnoreCase);
                case RuleComparison.StartsWith: return text.StartsWith(_value.String!, StringComparison.OrdinalIgnoreCase);
                case RuleComparison.EndsWith: return text.EndsWith(_value.String!, StringComparison.OrdinalIgnoreCase);
                case RuleComparison.Contains: return text.IndexOf(_value.String!, StringComparison.OrdinalIgnoreCase) >= 0;
                case RuleComparison.In: return Array.Exists(_value.Array!, item => string.Equals(text, item, StringComparison.OrdinalIgnoreCase));
                case RuleComparison.Match: return _value.Regex!.IsMatch(text);
                default: throw new InvalidOperationException("Unhandled comparison " + _operator.Comparison);
            }
        }

        /// <summary>Subjects that keep accountEnabled as text ("True") still compare as Graph would.</summary>
        private static bool? ToBoolean(object actual)
        {
            if (actual is bool b)
            {
                return b;
            }

            return bool.TryParse(Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture), out var parsed) ? parsed : (bool?)null;
        }
    }

    /// <summary>The right-hand side of a comparison, already checked against its property and operator.</summary>
    internal sealed class RuleValue
    {
        private RuleValue()
        {
        }

        public bool IsNull { get; private set; }

        public bool? Boolean { get; private set; }

        public string? String { get; private set; }

        public string[]? Array { get; private set; }

        public Regex? Regex { get; private set; }

        public static RuleValue Null() => new RuleValue { IsNull = true };

        public static RuleValue Of(bool value) => new RuleValue { Boolean = value };

        public static RuleValue Of(string value) => new RuleValue { String = value };

        public static RuleValue Of(string[] values) => new RuleValue { Array = values };

        public static RuleValue Of(Regex pattern) => new RuleValue { Regex = pattern };
    }
}
