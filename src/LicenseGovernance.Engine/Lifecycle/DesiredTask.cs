using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models.IdentityGovernance;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>A task a tier workflow needs: a built-in task definition with its arguments, and how it reads in the output.</summary>
    internal sealed class DesiredTask
    {
        public const string AddUserToGroups = "22085229-5809-45e8-97fd-270d28d66910";
        public const string RequestAccessPackageAssignment = "c1ec1e76-f374-4375-aaa6-0bb6bd4c60be";
        public const string RemoveAccessPackageAssignment = "4a0b64f2-c7ec-46ba-b117-18f262946c50";

        private DesiredTask(string definitionId, string summary, bool continueOnError, params (string Name, string Value)[] arguments)
        {
            DefinitionId = definitionId;
            Summary = summary;
            ContinueOnError = continueOnError;
            Arguments = arguments;
        }

        public string DefinitionId { get; }

        /// <summary>The task's display name in the workflow and its line in the output.</summary>
        public string Summary { get; }

        public bool ContinueOnError { get; }

        public IReadOnlyList<(string Name, string Value)> Arguments { get; }

        /// <summary>One package per task: the definition takes a single accessPackageId. A failed removal does not stop the others.</summary>
        public static DesiredTask RemovePackage(string packageId, string packageName) =>
            new DesiredTask(RemoveAccessPackageAssignment, "Remove access package assignment: " + packageName, true, ("accessPackageId", packageId));

        public static DesiredTask RequestPackage(string packageId, string policyId, string packageName) =>
            new DesiredTask(RequestAccessPackageAssignment, "Request access package assignment: " + packageName, false, ("assignmentPolicyId", policyId), ("accessPackageId", packageId));

        public static DesiredTask AddToGroup(string groupId, string groupName) =>
            new DesiredTask(AddUserToGroups, "Add user to group: " + groupName, false, ("groupID", groupId));

        public TaskObject ToGraph() => new TaskObject
        {
            DisplayName = Summary,
            TaskDefinitionId = DefinitionId,
            IsEnabled = true,
            ContinueOnError = ContinueOnError,
            Arguments = Arguments.Select(a => new Microsoft.Graph.Models.KeyValuePair { Name = a.Name, Value = a.Value }).ToList(),
        };

        /// <summary>What must match for an existing task to count as this one: definition, error handling, enabled, arguments.</summary>
        public string Shape() => Shape(DefinitionId, ContinueOnError, true, Arguments);

        public static string ShapeOf(TaskObject task) =>
            Shape(task.TaskDefinitionId ?? "", task.ContinueOnError ?? false, task.IsEnabled ?? true, (task.Arguments ?? new List<Microsoft.Graph.Models.KeyValuePair>()).Select(a => (a.Name ?? "", a.Value ?? "")));

        private static string Shape(string definitionId, bool continueOnError, bool enabled, IEnumerable<(string Name, string Value)> arguments) =>
            definitionId.ToLowerInvariant() + "|" + continueOnError + "|" + enabled + "|" +
            string.Join(";", arguments.Select(a => a.Name + "=" + a.Value.ToLowerInvariant()).OrderBy(a => a, StringComparer.Ordinal));
    }
}
