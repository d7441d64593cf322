using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Lifecycle;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Lifecycle;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// Reads workflow bodies as strictly as Graph does (required properties, each polymorphic part's @odata.type, enum
    /// values) and writes workflows, versions, tasks, runs, results, task definitions and settings in the v1.0 shape.
    /// Members of an evolvable enum after unknownFutureValue (mover) are read and written only for a caller that sends
    /// Prefer: include-unknown-enum-members; others read unknownFutureValue in their place.
    /// </summary>
    internal static class LifecycleWorkflowJson
    {
        public const string Namespace = "#microsoft.graph.identityGovernance.";
        private const string Mover = "mover";
        private const string Unknown = "unknownFutureValue";

        private static readonly string[] Triggers = { "timeBasedAttributeTrigger", "attributeChangeTrigger", WorkflowConditions.MembershipTrigger, "userInactivityTrigger" };

        public static SimulatedWorkflow ReadWorkflow(JsonElement body, bool unknownEnums)
        {
            EntitlementJson.RequireObject(body, "workflow");
            var workflow = new SimulatedWorkflow
            {
                DisplayName = Required(body, "displayName", "workflow"),
                Description = EntitlementJson.String(body, "description"),
                Category = ReadCategory(body, unknownEnums),
                IsEnabled = !body.TryGetProperty("isEnabled", out _) || EntitlementJson.Bool(body, "isEnabled"),
                IsSchedulingEnabled = EntitlementJson.Bool(body, "isSchedulingEnabled"),
                Conditions = ReadConditions(Part(body, "executionConditions", "workflow")),
            };
            if (!body.TryGetProperty("tasks", out var tasks) || tasks.ValueKind != JsonValueKind.Array)
            {
                throw Missing("tasks", "workflow");
            }

            workflow.Tasks = tasks.EnumerateArray().Select(ReadTask).ToList();
            return workflow;
        }

        /// <summary>The basic properties a PATCH may change; anything else there is refused, as only a new version changes it.</summary>
        public static Action<WorkflowBase> ReadPatch(JsonElement body)
        {
            EntitlementJson.RequireObject(body, "workflow");
            var other = body.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !n.StartsWith("@odata", StringComparison.Ordinal) && !new[] { "displayName", "description", "isEnabled", "isSchedulingEnabled" }.Contains(n));
            if (other != null)
            {
                throw TenantStore.LifecycleError($"'{other}' cannot be updated with PATCH; only displayName, description, isEnabled and isSchedulingEnabled can. Change tasks and executionConditions with createNewVersion.");
            }

            var name = body.TryGetProperty("displayName", out _) ? Required(body, "displayName", "workflow") : null;
            var description = body.TryGetProperty("description", out _) ? (EntitlementJson.String(body, "description"), true) : (null, false);
            bool? enabled = body.TryGetProperty("isEnabled", out _) ? EntitlementJson.Bool(body, "isEnabled") : (bool?)null;
            bool? scheduling = body.TryGetProperty("isSchedulingEnabled", out _) ? EntitlementJson.Bool(body, "isSchedulingEnabled") : (bool?)null;
            return w =>
            {
                w.DisplayName = name ?? w.DisplayName;
                w.Description = description.Item2 ? description.Item1 : w.Description;
                w.IsEnabled = enabled ?? w.IsEnabled;
                w.IsSchedulingEnabled = scheduling ?? w.IsSchedulingEnabled;
            };
        }

        /// <summary>The users of an activate body ({"subjects": [{"id": ...}]}), by id.</summary>
        public static List<string> ReadSubjects(JsonElement body)
        {
            EntitlementJson.RequireObject(body, "activate");
            if (!body.TryGetProperty("subjects", out var subjects) || subjects.ValueKind != JsonValueKind.Array)
            {
                throw Missing("subjects", "activate");
            }

            return subjects.EnumerateArray().Select(s => EntitlementJson.String(s, "id") ?? throw Missing("id", "user")).ToList();
        }

        public static int? Int(JsonElement parent, string name)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
                ? number
                : throw TenantStore.LifecycleError($"Invalid value for property '{name}': it must be a whole number.");
        }

        public static void WriteWorkflow(Utf8JsonWriter w, SimulatedWorkflow workflow, TenantStore store, bool unknownEnums, bool tasks)
        {
            w.WriteStartObject();
            w.WriteString("id", workflow.Id.ToString());
            WriteBase(w, workflow, unknownEnums, tasks);
            w.WriteNull("deletedDateTime");
            GraphJson.DateOrNull(w, "nextScheduleRunDateTime", store.NextScheduleRunOf(workflow));
            w.WriteNumber("version", workflow.Version);
            w.WriteEndObject();
        }

        public static void WriteVersion(Utf8JsonWriter w, SimulatedWorkflowVersion version, bool unknownEnums, bool tasks)
        {
            w.WriteStartObject();
            w.WriteNumber("versionNumber", version.VersionNumber);
            WriteBase(w, version, unknownEnums, tasks);
            w.WriteEndObject();
        }

        public static void WriteTask(Utf8JsonWriter w, SimulatedWorkflowTask task, bool unknownEnums)
        {
            w.WriteStartObject();
            w.WriteString("id", task.Id.ToString());
            w.WriteString("category", Flags(task.Category, unknownEnums));
            w.WriteBoolean("continueOnError", task.ContinueOnError);
            w.WriteString("displayName", task.DisplayName);
            EntitlementJson.WriteNullable(w, "description", task.Description);
            w.WriteNumber("executionSequence", task.ExecutionSequence);
            w.WriteBoolean("isEnabled", task.IsEnabled);
            w.WriteString("taskDefinitionId", task.TaskDefinitionId);
            w.WriteStartArray("arguments");
            foreach (var argument in task.Arguments)
            {
                w.WriteStartObject();
                w.WriteString("name", argument.Name);
                w.WriteString("value", argument.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        public static void WriteRun(Utf8JsonWriter w, SimulatedWorkflowRun run)
        {
            w.WriteStartObject();
            WriteProcessing(w, run);
            w.WriteString("lastUpdatedDateTime", GraphJson.Date(run.CompletedDateTime));
            w.WriteNumber("totalUsersCount", run.UserResults.Count);
            w.WriteNumber("successfulUsersCount", run.UserResults.Count - run.FailedUsersCount());
            w.WriteNumber("failedUsersCount", run.FailedUsersCount());
            w.WriteEndObject();
        }

        public static void WriteUserResult(Utf8JsonWriter w, SimulatedUserProcessingResult result)
        {
            w.WriteStartObject();
            WriteProcessing(w, result);
            w.WriteNumber("workflowVersion", result.WorkflowVersion);
            WriteSubject(w, result.SubjectId);
            w.WriteEndObject();
        }

        /// <summary>The task as it stood in the version that ran, expanded as Graph expands it.</summary>
        public static void WriteTaskResult(Utf8JsonWriter w, SimulatedTaskProcessingResult result, SimulatedWorkflowTask? task, bool unknownEnums)
        {
            w.WriteStartObject();
            w.WriteString("id", result.Id.ToString());
            w.WriteString("processingStatus", result.ProcessingStatus);
            EntitlementJson.WriteNullable(w, "failureReason", result.FailureReason);
            w.WriteString("createdDateTime", GraphJson.Date(result.CreatedDateTime));
            w.WriteString("startedDateTime", GraphJson.Date(result.StartedDateTime));
            w.WriteString("completedDateTime", GraphJson.Date(result.CompletedDateTime));
            WriteSubject(w, result.SubjectId);
            if (task != null)
            {
                w.WritePropertyName("task");
                WriteTask(w, task, unknownEnums);
            }

            w.WriteEndObject();
        }

        public static void WriteTaskDefinition(Utf8JsonWriter w, TaskDefinition definition, bool unknownEnums)
        {
            w.WriteStartObject();
            w.WriteString("id", definition.Id);
            w.WriteString("category", Flags(definition.Category, unknownEnums));
            w.WriteString("description", definition.Description);
            w.WriteString("displayName", definition.DisplayName);
            w.WriteNumber("version", 1);
            w.WriteStartArray("parameters");
            foreach (var parameter in definition.Parameters)
            {
                w.WriteStartObject();
                w.WriteString("name", parameter.Name);
                GraphJson.StringArray(w, "values", parameter.Values);
                w.WriteString("valueType", parameter.ValueType);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        public static void WriteSettings(Utf8JsonWriter w, LifecycleState state)
        {
            w.WriteStartObject();
            w.WriteNumber("workflowScheduleIntervalInHours", state.WorkflowScheduleIntervalInHours);
            w.WriteStartObject("emailSettings");
            EntitlementJson.WriteNullable(w, "senderDomain", state.EmailSenderDomain);
            w.WriteBoolean("useCompanyBranding", state.EmailUseCompanyBranding);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        /// <summary>Flags of an evolvable flags enum, with mover shown as unknownFutureValue to callers that did not opt in.</summary>
        public static string Flags(string flags, bool unknownEnums) =>
            unknownEnums ? flags : string.Join(",", flags.Split(',').Select(f => f == Mover ? Unknown : f).Distinct());

        private static void WriteProcessing(Utf8JsonWriter w, WorkflowProcessing processing)
        {
            w.WriteString("id", processing.Id.ToString());
            w.WriteString("processingStatus", processing.ProcessingStatus());
            w.WriteString("workflowExecutionType", processing.ExecutionType);
            w.WriteString("scheduledDateTime", GraphJson.Date(processing.ScheduledDateTime));
            w.WriteString("startedDateTime", GraphJson.Date(processing.StartedDateTime));
            w.WriteString("completedDateTime", GraphJson.Date(processing.CompletedDateTime));
            w.WriteNumber("totalTasksCount", processing.TotalTasksCount());
            w.WriteNumber("failedTasksCount", processing.FailedTasksCount());
            w.WriteNumber("totalUnprocessedTasksCount", processing.UnprocessedTasksCount());
        }

        private static void WriteBase(Utf8JsonWriter w, WorkflowBase workflow, bool unknownEnums, bool tasks)
        {
            w.WriteString("category", Flags(workflow.Category, unknownEnums));
            w.WriteString("displayName", workflow.DisplayName);
            EntitlementJson.WriteNullable(w, "description", workflow.Description);
            w.WriteBoolean("isEnabled", workflow.IsEnabled);
            w.WriteBoolean("isSchedulingEnabled", workflow.IsSchedulingEnabled);
            w.WriteString("createdDateTime", GraphJson.Date(workflow.CreatedDateTime));
            w.WriteString("lastModifiedDateTime", GraphJson.Date(workflow.LastModifiedDateTime));
            WriteConditions(w, workflow.Conditions);
            if (tasks)
            {
                w.WriteStartArray("tasks");
                foreach (var task in workflow.Tasks)
                {
                    WriteTask(w, task, unknownEnums);
                }

                w.WriteEndArray();
            }
        }

        private static void WriteConditions(Utf8JsonWriter w, WorkflowConditions conditions)
        {
            w.WriteStartObject("executionConditions");
            w.WriteString("@odata.type", Namespace + conditions.Type);
            if (conditions.Type == WorkflowConditions.TriggerAndScope)
            {
                w.WriteStartObject("scope");
                w.WriteString("@odata.type", Namespace + conditions.ScopeType);
                if (conditions.ScopeType == WorkflowConditions.GroupScope)
                {
                    w.WriteStartArray("groups");
                    foreach (var id in conditions.GroupIds)
                    {
                        WriteReference(w, id);
                    }

                    w.WriteEndArray();
                }
                else
                {
                    w.WriteString("rule", conditions.Rule);
                }

                w.WriteEndObject();
                w.WriteStartObject("trigger");
                w.WriteString("@odata.type", Namespace + conditions.TriggerType);
                WriteTrigger(w, conditions);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        private static void WriteTrigger(Utf8JsonWriter w, WorkflowConditions conditions)
        {
            switch (conditions.TriggerType)
            {
                case WorkflowConditions.MembershipTrigger:
                    w.WriteString("changeType", conditions.ChangeType);
                    break;
                case "timeBasedAttributeTrigger":
                    w.WriteString("timeBasedAttribute", conditions.TimeBasedAttribute);
                    w.WriteNumber("offsetInDays", conditions.OffsetInDays ?? 0);
                    break;
                case "attributeChangeTrigger":
                    w.WriteStartArray("triggerAttributes");
                    foreach (var name in conditions.TriggerAttributes)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", name);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    break;
                default:
                    w.WriteNumber("inactivityPeriodInDays", conditions.InactivityPeriodInDays ?? 0);
                    break;
            }
        }

        private static void WriteSubject(Utf8JsonWriter w, Guid userId)
        {
            w.WritePropertyName("subject");
            WriteReference(w, userId);
        }

        private static void WriteReference(Utf8JsonWriter w, Guid id)
        {
            w.WriteStartObject();
            w.WriteString("id", id.ToString());
            w.WriteEndObject();
        }

        private static string ReadCategory(JsonElement body, bool unknownEnums)
        {
            var category = EntitlementJson.Enum(body, "category", new[] { "joiner", "leaver", Mover }) ?? throw Missing("category", "workflow");
            if (category == Mover && !unknownEnums)
            {
                throw TenantStore.LifecycleError("'mover' follows unknownFutureValue in the evolvable enum lifecycleWorkflowCategory; send the request header 'Prefer: include-unknown-enum-members' to use it.");
            }

            return category;
        }

        private static WorkflowConditions ReadConditions(JsonElement element)
        {
            var conditions = new WorkflowConditions { Type = TypeOf(element, "executionConditions", WorkflowConditions.TriggerAndScope, WorkflowConditions.OnDemandOnly) };
            if (conditions.Type == WorkflowConditions.OnDemandOnly)
            {
                return conditions;
            }

            var scope = Part(element, "scope", "triggerAndScopeBasedConditions");
            var trigger = Part(element, "trigger", "triggerAndScopeBasedConditions");
            conditions.ScopeType = TypeOf(scope, "scope", WorkflowConditions.RuleScope, WorkflowConditions.GroupScope);
            conditions.TriggerType = TypeOf(trigger, "trigger", Triggers);
            if (conditions.ScopeType == WorkflowConditions.GroupScope)
            {
                conditions.GroupIds = ReadGroups(scope);
            }
            else
            {
                conditions.Rule = Required(scope, "rule", "ruleBasedSubjectSet");
            }

            ReadTrigger(trigger, conditions);
            if ((conditions.TriggerType == WorkflowConditions.MembershipTrigger) != (conditions.ScopeType == WorkflowConditions.GroupScope))
            {
                throw TenantStore.LifecycleError("A membershipChangeTrigger needs a groupBasedSubjectSet scope, and a groupBasedSubjectSet scope a membershipChangeTrigger.");
            }

            return conditions;
        }

        private static List<Guid> ReadGroups(JsonElement scope)
        {
            if (!scope.TryGetProperty("groups", out var groups) || groups.ValueKind != JsonValueKind.Array || groups.GetArrayLength() == 0)
            {
                throw TenantStore.LifecycleError("A groupBasedSubjectSet needs at least one group in 'groups' ([{\"id\": ...}]).");
            }

            return groups.EnumerateArray()
                .Select(g => g.ValueKind == JsonValueKind.Object && Guid.TryParse(EntitlementJson.String(g, "id"), out var id) ? id : throw TenantStore.LifecycleError("Each of the scope's groups needs its object id ({\"id\": ...})."))
                .Distinct()
                .ToList();
        }

        private static void ReadTrigger(JsonElement trigger, WorkflowConditions conditions)
        {
            switch (conditions.TriggerType)
            {
                case WorkflowConditions.MembershipTrigger:
                    conditions.ChangeType = EntitlementJson.Enum(trigger, "changeType", new[] { "add", "remove" }) ?? throw Missing("changeType", "membershipChangeTrigger");
                    break;
                case "timeBasedAttributeTrigger":
                    conditions.TimeBasedAttribute = EntitlementJson.Enum(trigger, "timeBasedAttribute", new[] { "employeeHireDate", "employeeLeaveDateTime" }) ?? throw Missing("timeBasedAttribute", "timeBasedAttributeTrigger");
                    conditions.OffsetInDays = Int(trigger, "offsetInDays") is int offset && offset >= -180 && offset <= 180 ? offset : throw TenantStore.LifecycleError("offsetInDays is required and must be between -180 and 180.");
                    break;
                case "attributeChangeTrigger":
                    conditions.TriggerAttributes = trigger.TryGetProperty("triggerAttributes", out var attributes) && attributes.ValueKind == JsonValueKind.Array
                        ? attributes.EnumerateArray().Select(a => Required(a, "name", "triggerAttribute")).ToList()
                        : new List<string>();
                    if (conditions.TriggerAttributes.Count == 0)
                    {
                        throw TenantStore.LifecycleError("An attributeChangeTrigger needs at least one of triggerAttributes ([{\"name\": ...}]).");
                    }

                    break;
                default:
                    conditions.InactivityPeriodInDays = Int(trigger, "inactivityPeriodInDays") is int days && days > 0 ? days : throw TenantStore.LifecycleError("inactivityPeriodInDays is required and must be positive.");
                    break;
            }
        }

        private static SimulatedWorkflowTask ReadTask(JsonElement element)
        {
            EntitlementJson.RequireObject(element, "task");
            if (!element.TryGetProperty("arguments", out var arguments) || arguments.ValueKind != JsonValueKind.Array)
            {
                throw Missing("arguments", "task");
            }

            return new SimulatedWorkflowTask
            {
                DisplayName = Required(element, "displayName", "task"),
                Description = EntitlementJson.String(element, "description"),
                ContinueOnError = EntitlementJson.Bool(element, "continueOnError"),
                IsEnabled = !element.TryGetProperty("isEnabled", out _) || EntitlementJson.Bool(element, "isEnabled"),
                TaskDefinitionId = Required(element, "taskDefinitionId", "task"),
                Arguments = arguments.EnumerateArray().Select(a => new TaskArgument { Name = Required(a, "name", "keyValuePair"), Value = EntitlementJson.String(a, "value") ?? string.Empty }).ToList(),
            };
        }

        /// <summary>The derived type an @odata.type names, without the namespace; it is required, and must be one of <paramref name="allowed"/>.</summary>
        private static string TypeOf(JsonElement element, string property, params string[] allowed)
        {
            var type = EntitlementJson.String(element, "@odata.type") ?? throw TenantStore.LifecycleError($"'{property}' needs its @odata.type (one of {string.Join(", ", allowed.Select(a => Namespace + a))}).");
            var name = type.TrimStart('#').StartsWith(Namespace.TrimStart('#'), StringComparison.Ordinal) ? type.TrimStart('#').Substring(Namespace.Length - 1) : null;
            return name != null && allowed.Contains(name)
                ? name
                : throw TenantStore.LifecycleError($"'{type}' is not a type '{property}' can take; use one of {string.Join(", ", allowed.Select(a => Namespace + a))}.");
        }

        private static JsonElement Part(JsonElement parent, string name, string type)
        {
            if (!parent.TryGetProperty(name, out var part) || part.ValueKind == JsonValueKind.Null)
            {
                throw Missing(name, type);
            }

            EntitlementJson.RequireObject(part, name);
            return part;
        }

        private static string Required(JsonElement parent, string name, string type)
        {
            var value = parent.ValueKind == JsonValueKind.Object ? EntitlementJson.String(parent, name) : null;
            return string.IsNullOrWhiteSpace(value) ? throw Missing(name, type) : value!;
        }

        private static GraphServiceError Missing(string property, string type) =>
            TenantStore.LifecycleError($"A value is required for property '{property}' of resource '{type}'.");
    }
}
