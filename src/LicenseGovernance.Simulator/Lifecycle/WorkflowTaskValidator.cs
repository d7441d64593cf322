using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Lifecycle;

namespace LicenseGovernance.Simulator.Lifecycle
{
    /// <summary>
    /// Checks a task against its built-in definition as Graph does when a workflow is created or versioned: a known
    /// definition that serves the workflow's category, and arguments that the definition names, with the required ones
    /// given and the objects they name present. Argument errors start with Graph's observed "Task arguments missing or invalid".
    /// </summary>
    internal sealed class WorkflowTaskValidator
    {
        private const string ArgumentsInvalid = "Task arguments missing or invalid";

        private readonly TenantStore _store;
        private readonly string _category;

        public WorkflowTaskValidator(TenantStore store, string category)
        {
            _store = store;
            _category = category;
        }

        public void Validate(SimulatedWorkflowTask task)
        {
            var definition = TaskDefinitions.Find(task.TaskDefinitionId)
                ?? throw TenantStore.LifecycleError($"'{task.TaskDefinitionId}' is not a task definition id; GET /identityGovernance/lifecycleWorkflows/taskDefinitions lists them.");
            if (!definition.Serves(_category))
            {
                throw TenantStore.LifecycleError($"The task '{definition.DisplayName}' serves {definition.Category} workflows, not a {_category} workflow.");
            }

            foreach (var argument in task.Arguments)
            {
                var parameter = definition.Parameters.FirstOrDefault(p => p.Name == argument.Name)
                    ?? throw Arguments(task, $"'{argument.Name}' is not a parameter of '{definition.DisplayName}'");
                if (parameter.ValueType == "enum" && !parameter.Values.Contains(argument.Value))
                {
                    throw Arguments(task, $"'{argument.Name}' must be one of {string.Join(", ", parameter.Values)}");
                }
            }

            foreach (var parameter in definition.Parameters.Where(p => p.Required))
            {
                if (string.IsNullOrWhiteSpace(Value(task, parameter.Name)))
                {
                    throw Arguments(task, $"'{definition.DisplayName}' needs the argument '{parameter.Name}'");
                }
            }

            RequireReferences(task);
        }

        public static string? Value(SimulatedWorkflowTask task, string name) => task.Arguments.FirstOrDefault(a => a.Name == name)?.Value;

        /// <summary>The ids a comma-separated argument lists; a value that is not a list of GUIDs is an argument error.</summary>
        public static IReadOnlyList<Guid> Ids(SimulatedWorkflowTask task, string name)
        {
            var ids = new List<Guid>();
            foreach (var part in (Value(task, name) ?? "").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                ids.Add(Guid.TryParse(part.Trim(), out var id) ? id : throw Arguments(task, $"'{part.Trim()}' in '{name}' is not an object id"));
            }

            return ids;
        }

        private static GraphServiceError Arguments(SimulatedWorkflowTask task, string detail) =>
            TenantStore.LifecycleError($"{ArgumentsInvalid}: task '{task.DisplayName}': {detail}.");

        /// <summary>[U] Whether Graph checks the named objects at create time is not documented; the simulator does, so a broken task is found early.</summary>
        private void RequireReferences(SimulatedWorkflowTask task)
        {
            foreach (var groupId in Ids(task, "groupID"))
            {
                if (_store.GroupById(groupId) == null)
                {
                    throw Arguments(task, $"the group '{groupId}' was not found");
                }
            }

            var packages = Ids(task, "accessPackageId");
            foreach (var packageId in packages)
            {
                if (!_store.Entitlement.AccessPackages.Exists(p => p.Id == packageId))
                {
                    throw Arguments(task, $"the access package '{packageId}' was not found");
                }
            }

            foreach (var policyId in Ids(task, "assignmentPolicyId"))
            {
                var policy = _store.Entitlement.Policies.Find(p => p.Id == policyId) ?? throw Arguments(task, $"the assignment policy '{policyId}' was not found");
                if (!packages.Contains(policy.AccessPackageId))
                {
                    throw Arguments(task, $"the assignment policy '{policyId}' does not belong to the access package given");
                }
            }
        }
    }
}
