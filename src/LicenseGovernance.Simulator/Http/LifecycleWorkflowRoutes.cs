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
    /// /identityGovernance/lifecycleWorkflows (v1.0): workflows, their versions and tasks, on-demand runs, runs and
    /// processing results, the built-in task definitions and the tenant's settings. Every route needs Microsoft Entra ID
    /// Governance in the tenant (<see cref="SimulatorOptions.TenantHasEntraIdGovernance"/>).
    /// </summary>
    internal static class LifecycleWorkflowRoutes
    {
        private const string Root = "/identityGovernance/lifecycleWorkflows";
        private const string Workflow = "/workflows/{id}";
        private const string QualifiedAction = "microsoft.graph.identityGovernance.";

        public static Route? Match(string method, string[] s)
        {
            if (s.Length < 3 || s[1] != "lifecycleWorkflows")
            {
                return null;
            }

            return (s[2], s.Length, method) switch
            {
                ("taskDefinitions", 3, "GET") => R("/taskDefinitions", ListTaskDefinitions),
                ("taskDefinitions", 4, "GET") => R("/taskDefinitions/{id}", c => Reply(c, Permissions.LifecycleRead, _ => TaskDefinitions.Find(s[3]) ?? throw GraphServiceError.NotFound(s[3]),
                    (w, d) => LifecycleWorkflowJson.WriteTaskDefinition(w, d, UnknownEnums(c)))),
                ("settings", 3, "GET") => R("/settings", c => Reply(c, Permissions.LifecycleRead, st => st.Lifecycle, LifecycleWorkflowJson.WriteSettings)),
                ("settings", 3, "PATCH") => R("/settings", UpdateSettings),
                ("workflows", 3, "GET") => R("/workflows", ListWorkflows),
                ("workflows", 3, "POST") => R("/workflows", CreateWorkflow),
                ("workflows", > 3, _) => WorkflowItem(method, s),
                _ => null,
            };
        }

        private static Route? WorkflowItem(string method, string[] s)
        {
            var id = s[3];
            var part = s.Length > 4 ? s[4] : null;
            if (part != null && part.StartsWith(QualifiedAction, StringComparison.Ordinal))
            {
                part = part.Substring(QualifiedAction.Length);
            }

            return (part, s.Length, method) switch
            {
                (null, 4, "GET") => R(Workflow, c => Reply(c, Permissions.WorkflowRead, st => st.RequireWorkflow(id), (w, x) => LifecycleWorkflowJson.WriteWorkflow(w, x, c.Store, UnknownEnums(c), tasks: true))),
                (null, 4, "PATCH") => R(Workflow, c => UpdateWorkflow(c, id)),
                (null, 4, "DELETE") => R(Workflow, c => Change(c, Permissions.WorkflowWrite, st => st.DeleteWorkflowCore(st.RequireWorkflow(id)))),
                ("activate", 5, "POST") => R(Workflow + "/activate", c => Activate(c, id)),
                ("createNewVersion", 5, "POST") => R(Workflow + "/createNewVersion", c => CreateNewVersion(c, id)),
                ("tasks", 5, "GET") => R(Workflow + "/tasks", c => List(c, Permissions.WorkflowRead, st => st.RequireWorkflow(id).Tasks, (w, t) => LifecycleWorkflowJson.WriteTask(w, t, UnknownEnums(c)))),
                ("tasks", 6, "GET") => R(Workflow + "/tasks/{id}", c => Reply(c, Permissions.WorkflowRead, st => FindTask(st.RequireWorkflow(id).Tasks, s[5]), (w, t) => LifecycleWorkflowJson.WriteTask(w, t, UnknownEnums(c)))),
                ("versions", 5, "GET") => R(Workflow + "/versions", c => List(c, Permissions.WorkflowRead, st => st.RequireWorkflow(id).Versions,
                    (w, v) => LifecycleWorkflowJson.WriteVersion(w, v, UnknownEnums(c), EntitlementJson.Expands(c.Query.Expand, "tasks")))),
                ("versions", 6, "GET") => R(Workflow + "/versions/{versionNumber}", c => Reply(c, Permissions.WorkflowRead, st => FindVersion(st.RequireWorkflow(id), s[5]),
                    (w, v) => LifecycleWorkflowJson.WriteVersion(w, v, UnknownEnums(c), tasks: true))),
                ("versions", 7, "GET") when s[6] == "tasks" => R(Workflow + "/versions/{versionNumber}/tasks", c => List(c, Permissions.WorkflowRead, st => FindVersion(st.RequireWorkflow(id), s[5]).Tasks,
                    (w, t) => LifecycleWorkflowJson.WriteTask(w, t, UnknownEnums(c)))),
                ("runs", _, "GET") => Runs(id, s),
                ("userProcessingResults", _, "GET") => UserResults(Workflow + "/userProcessingResults", id, st => st.RequireWorkflow(id).Runs.SelectMany(r => r.UserResults), s, 5),
                _ => null,
            };
        }

        /// <summary>runs, runs/{id}, and under a run its userProcessingResults and taskProcessingResults.</summary>
        private static Route? Runs(string id, string[] s)
        {
            const string Run = Workflow + "/runs/{id}";
            switch (s.Length)
            {
                case 5:
                    return R(Workflow + "/runs", c => List(c, Permissions.LifecycleReportsRead, st => st.RequireWorkflow(id).Runs, LifecycleWorkflowJson.WriteRun));
                case 6:
                    return R(Run, c => Reply(c, Permissions.LifecycleReportsRead, st => FindRun(st, id, s[5]), LifecycleWorkflowJson.WriteRun));
                case 7 when s[6] == "taskProcessingResults":
                    return R(Run + "/taskProcessingResults", c => TaskResults(c, id, st => FindRun(st, id, s[5]).UserResults.SelectMany(u => u.TaskResults)));
                default:
                    return s.Length > 6 && s[6] == "userProcessingResults"
                        ? UserResults(Run + "/userProcessingResults", id, st => FindRun(st, id, s[5]).UserResults, s, 7)
                        : null;
            }
        }

        /// <summary>A collection of userProcessingResults at <paramref name="depth"/> segments, one of them, or its taskProcessingResults.</summary>
        private static Route? UserResults(string template, string workflowId, Func<TenantStore, IEnumerable<SimulatedUserProcessingResult>> results, string[] s, int depth)
        {
            if (s.Length == depth)
            {
                return R(template, c => List(c, Permissions.LifecycleReportsRead, results, LifecycleWorkflowJson.WriteUserResult));
            }

            if (s.Length == depth + 1)
            {
                return R(template + "/{id}", c => Reply(c, Permissions.LifecycleReportsRead, st => FindUserResult(results(st), s[depth]), LifecycleWorkflowJson.WriteUserResult));
            }

            return s.Length == depth + 2 && s[depth + 1] == "taskProcessingResults"
                ? R(template + "/{id}/taskProcessingResults", c => TaskResults(c, workflowId, st => FindUserResult(results(st), s[depth]).TaskResults))
                : null;
        }

        private static Route R(string template, Func<RequestContext, SimResponse> handler) => new Route(Root + template, handler);

        /// <summary>Whether the caller sent Prefer: include-unknown-enum-members (one preference among others, in any case).</summary>
        private static bool UnknownEnums(RequestContext ctx) =>
            (ctx.Request.Header("Prefer") ?? "").Split(',').Any(p => string.Equals(p.Trim(), "include-unknown-enum-members", StringComparison.OrdinalIgnoreCase));

        /// <summary>The permission first, then the tenant's licence: [O] identity governance answers 403 NoLicense without it.</summary>
        private static void Require(RequestContext ctx, string[] permission)
        {
            ctx.RequirePermission(permission);
            if (!ctx.Tenant.Options.TenantHasEntraIdGovernance)
            {
                throw new GraphServiceError(403, "NoLicense", "User is not authorized to perform the operation. Reason: Tenant does not meet license requirement!");
            }
        }

        private static SimResponse List<T>(RequestContext ctx, string[] permission, Func<TenantStore, IEnumerable<T>> items, Action<Utf8JsonWriter, T> write) =>
            ListWhere(ctx, permission, items, (_, _) => null, write);

        private static SimResponse ListWhere<T>(RequestContext ctx, string[] permission, Func<TenantStore, IEnumerable<T>> items, Func<T, string, string?> field, Action<Utf8JsonWriter, T> write)
        {
            Require(ctx, permission);
            return StoreResponses.Collection(ctx, items, field, new[] { "eq", "has" }, write);
        }

        private static SimResponse Reply<T>(RequestContext ctx, string[] permission, Func<TenantStore, T> find, Action<Utf8JsonWriter, T> write)
        {
            Require(ctx, permission);
            return StoreResponses.Entity(ctx, find, write);
        }

        private static SimResponse Change(RequestContext ctx, string[] permission, Action<TenantStore> change)
        {
            Require(ctx, permission);
            return StoreResponses.Changed(ctx, change);
        }

        private static JsonElement Body(RequestContext ctx, string[] permission, out JsonDocument document)
        {
            Require(ctx, permission);
            document = GraphJson.ParseBody(ctx.Request);
            return document.RootElement;
        }

        /// <summary>$filter: category has, displayName eq (the documented ones) and id eq.</summary>
        private static SimResponse ListTaskDefinitions(RequestContext ctx) =>
            ListWhere(ctx, Permissions.LifecycleRead, _ => TaskDefinitions.All, (d, f) => f == "category" ? d.Category : f == "displayname" ? d.DisplayName : f == "id" ? d.Id : null,
                (w, d) => LifecycleWorkflowJson.WriteTaskDefinition(w, d, UnknownEnums(ctx)));

        /// <summary>Tasks are a navigation: the list carries them only with $expand=tasks (a single workflow always does).</summary>
        private static SimResponse ListWorkflows(RequestContext ctx) =>
            ListWhere(ctx, Permissions.WorkflowRead, st => st.Lifecycle.Workflows,
                (x, f) => f == "displayname" ? x.DisplayName : f == "category" ? x.Category : f == "id" ? x.Id.ToString() : null,
                (w, x) => LifecycleWorkflowJson.WriteWorkflow(w, x, ctx.Store, UnknownEnums(ctx), EntitlementJson.Expands(ctx.Query.Expand, "tasks")));

        private static SimResponse CreateWorkflow(RequestContext ctx)
        {
            var body = Body(ctx, Permissions.WorkflowWrite, out var document);
            using (document)
            {
                var draft = LifecycleWorkflowJson.ReadWorkflow(body, UnknownEnums(ctx));
                return ctx.Store.Write(() =>
                {
                    var created = ctx.Store.CreateWorkflowCore(draft);
                    return new SimResponse(201, GraphJson.Write(w => LifecycleWorkflowJson.WriteWorkflow(w, created, ctx.Store, UnknownEnums(ctx), tasks: true)));
                });
            }
        }

        /// <summary>The body is {"workflow": {...}}, the whole new definition; Graph answers 200 with the workflow as it now is.</summary>
        private static SimResponse CreateNewVersion(RequestContext ctx, string id)
        {
            var body = Body(ctx, Permissions.WorkflowWrite, out var document);
            using (document)
            {
                EntitlementJson.RequireObject(body, "createNewVersion");
                var draft = LifecycleWorkflowJson.ReadWorkflow(body.TryGetProperty("workflow", out var workflow) ? workflow : default, UnknownEnums(ctx));
                return ctx.Store.Write(() =>
                {
                    var updated = ctx.Store.CreateNewVersionCore(ctx.Store.RequireWorkflow(id), draft);
                    return new SimResponse(200, GraphJson.Write(w => LifecycleWorkflowJson.WriteWorkflow(w, updated, ctx.Store, UnknownEnums(ctx), tasks: true)));
                });
            }
        }

        private static SimResponse UpdateWorkflow(RequestContext ctx, string id)
        {
            var body = Body(ctx, Permissions.WorkflowWrite, out var document);
            using (document)
            {
                var patch = LifecycleWorkflowJson.ReadPatch(body);
                return StoreResponses.Changed(ctx, st => st.UpdateWorkflowCore(st.RequireWorkflow(id), patch));
            }
        }

        private static SimResponse Activate(RequestContext ctx, string id)
        {
            var body = Body(ctx, Permissions.WorkflowActivate, out var document);
            using (document)
            {
                var subjects = LifecycleWorkflowJson.ReadSubjects(body);
                return StoreResponses.Changed(ctx, st => st.ActivateWorkflowCore(st.RequireWorkflow(id), subjects));
            }
        }

        private static SimResponse UpdateSettings(RequestContext ctx)
        {
            var body = Body(ctx, Permissions.LifecycleWrite, out var document);
            using (document)
            {
                EntitlementJson.RequireObject(body, "lifecycleManagementSettings");
                var hours = LifecycleWorkflowJson.Int(body, "workflowScheduleIntervalInHours");
                var email = body.TryGetProperty("emailSettings", out var e) && e.ValueKind == JsonValueKind.Object ? e : (JsonElement?)null;
                return StoreResponses.Changed(ctx, st =>
                {
                    if (hours != null)
                    {
                        st.SetScheduleIntervalCore(hours.Value);
                    }

                    if (email != null)
                    {
                        st.Lifecycle.EmailSenderDomain = EntitlementJson.String(email.Value, "senderDomain");
                        st.Lifecycle.EmailUseCompanyBranding = EntitlementJson.Bool(email.Value, "useCompanyBranding");
                    }
                });
            }
        }

        /// <summary>Each task result with the task it ran, from the version the run used (tasks of older versions included).</summary>
        private static SimResponse TaskResults(RequestContext ctx, string workflowId, Func<TenantStore, IEnumerable<SimulatedTaskProcessingResult>> results) =>
            List(ctx, Permissions.LifecycleReportsRead, st => results(st).Select(r => (Result: r, Task: st.RequireWorkflow(workflowId).Versions.SelectMany(v => v.Tasks).FirstOrDefault(t => t.Id == r.TaskId))).ToList(),
                (w, x) => LifecycleWorkflowJson.WriteTaskResult(w, x.Result, x.Task, UnknownEnums(ctx)));

        private static SimulatedWorkflowTask FindTask(IEnumerable<SimulatedWorkflowTask> tasks, string id) =>
            tasks.FirstOrDefault(t => t.Id.ToString() == id.ToLowerInvariant()) ?? throw GraphServiceError.NotFound(id);

        private static SimulatedWorkflowVersion FindVersion(SimulatedWorkflow workflow, string number) =>
            workflow.Versions.Find(v => v.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) == number) ?? throw GraphServiceError.NotFound(number);

        private static SimulatedWorkflowRun FindRun(TenantStore store, string workflowId, string runId) =>
            store.RequireWorkflow(workflowId).Runs.Find(r => r.Id.ToString() == runId.ToLowerInvariant()) ?? throw GraphServiceError.NotFound(runId);

        private static SimulatedUserProcessingResult FindUserResult(IEnumerable<SimulatedUserProcessingResult> results, string id) =>
            results.FirstOrDefault(r => r.Id.ToString() == id.ToLowerInvariant()) ?? throw GraphServiceError.NotFound(id);
    }
}
