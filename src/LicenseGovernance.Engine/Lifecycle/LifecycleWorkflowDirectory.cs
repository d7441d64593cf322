using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using Microsoft.Graph.Models.IdentityGovernance;
using Microsoft.Kiota.Abstractions;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// Reads lifecycle workflows and the tenant's schedule through Graph. Every workflow request carries
    /// Prefer: include-unknown-enum-members, since the mover category follows unknownFutureValue in its evolvable enum.
    /// </summary>
    internal static class LifecycleWorkflowDirectory
    {
        public const string Read = "ReadLifecycleWorkflows";
        public const string Manage = "ManageLifecycleWorkflows";

        /// <summary>The per-tenant limit of the v1.0 "Create workflow" page.</summary>
        public const int MaxWorkflows = 100;

        public static void IncludeUnknownEnums(RequestHeaders headers) => headers.Add("Prefer", "include-unknown-enum-members");

        /// <summary>Every workflow of the tenant, without tasks (the list does not expand them).</summary>
        public static async Task<List<Workflow>> ListAsync(GraphSession session, CancellationToken cancellation)
        {
            var first = await session.CallAsync("list lifecycle workflows", Read,
                c => c.IdentityGovernance.LifecycleWorkflows.Workflows.GetAsync(r => IncludeUnknownEnums(r.Headers), cancellation), cancellation).ConfigureAwait(false);
            var workflows = new List<Workflow>();
            await GraphPages.ForEachAsync<Workflow, WorkflowCollectionResponse>(session, "list lifecycle workflows", Read, first, w =>
            {
                workflows.Add(w);
                return true;
            }, cancellation, next =>
            {
                IncludeUnknownEnums(next.Headers);
                return next;
            }).ConfigureAwait(false);
            return workflows;
        }

        /// <summary>One workflow with its tasks (expanded by default on a single workflow).</summary>
        public static async Task<Workflow> GetAsync(GraphSession session, string id, CancellationToken cancellation) =>
            (await session.CallAsync("read lifecycle workflow " + id, Read,
                c => c.IdentityGovernance.LifecycleWorkflows.Workflows[id].GetAsync(r => IncludeUnknownEnums(r.Headers), cancellation), cancellation).ConfigureAwait(false))!;

        /// <summary>workflowScheduleIntervalInHours: how often Entra runs scheduled workflows (1 to 24, default 3).</summary>
        public static async Task<int> ScheduleIntervalAsync(GraphSession session, CancellationToken cancellation)
        {
            var settings = await session.CallAsync("read lifecycle workflow settings", Read,
                c => c.IdentityGovernance.LifecycleWorkflows.Settings.GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            return settings?.WorkflowScheduleIntervalInHours ?? 3;
        }
    }
}
