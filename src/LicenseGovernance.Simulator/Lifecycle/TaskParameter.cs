using System.Collections.Generic;

namespace LicenseGovernance.Simulator.Lifecycle
{
    /// <summary>A parameter of a task definition, as taskDefinitions lists it, and whether a task must give it.</summary>
    internal sealed class TaskParameter
    {
        private TaskParameter(string name, bool required, string valueType, string[] values)
        {
            Name = name;
            Required = required;
            ValueType = valueType;
            Values = values;
        }

        public string Name { get; }

        /// <summary>[U] Graph does not publish which arguments are required; the simulator requires those naming the object the task acts on.</summary>
        public bool Required { get; }

        /// <summary>enum (the value must be one of <see cref="Values"/>) or string (the values, if any, are examples).</summary>
        public string ValueType { get; }

        public IReadOnlyList<string> Values { get; }

        public static TaskParameter Text(string name, bool required = false, params string[] examples) => new TaskParameter(name, required, "string", examples);

        public static TaskParameter Choice(string name, params string[] values) => new TaskParameter(name, false, "enum", values);
    }
}
