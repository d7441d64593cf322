using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Simulator.Lifecycle
{
    /// <summary>A built-in lifecycle task (Graph's taskDefinition).</summary>
    internal sealed class TaskDefinition
    {
        public TaskDefinition(string id, string displayName, string description, string category, params TaskParameter[] parameters)
        {
            Id = id;
            DisplayName = displayName;
            Description = description;
            Category = category;
            Parameters = parameters;
        }

        /// <summary>As Graph spells it; compare ignoring case.</summary>
        public string Id { get; }

        public string DisplayName { get; }

        public string Description { get; }

        /// <summary>The workflow categories it may serve, as a flags string ("leaver,mover").</summary>
        public string Category { get; }

        public IReadOnlyList<TaskParameter> Parameters { get; }

        public bool Serves(string workflowCategory) => Category.Split(',').Contains(workflowCategory, StringComparer.Ordinal);
    }
}
