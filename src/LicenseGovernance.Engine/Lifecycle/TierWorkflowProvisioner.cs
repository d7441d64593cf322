using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Requests;
using Microsoft.Graph.IdentityGovernance.LifecycleWorkflows.Workflows.Item.MicrosoftGraphIdentityGovernanceCreateNewVersion;
using Microsoft.Graph.Models.IdentityGovernance;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// Brings document 000's lifecycle workflows for the tenant's tiers to the shape <see cref="TierWorkflowDesigner"/>
    /// gives them. One walk serves planning (writes nothing, lists the requests and bodies it would send) and applying
    /// (journals and sends each), so -WhatIf shows exactly what a real run writes; a second run writes nothing. A workflow
    /// of the same name is versioned when its trigger, scope or tasks differ, patched when only its basic properties do.
    /// </summary>
    internal sealed class TierWorkflowProvisioner
    {
        private const string Workflows = "/identityGovernance/lifecycleWorkflows/workflows";

        private readonly GraphSession _session;
        private readonly TierLifecycleWorkflowRequest _request;
        private readonly JournalScope? _journal;
        private readonly CancellationToken _cancellation;
        private readonly List<LifecycleWorkflowChange> _changes = new List<LifecycleWorkflowChange>();
        private readonly List<TierLifecycleWorkflow> _results = new List<TierLifecycleWorkflow>();

        private TierWorkflowProvisioner(GraphSession session, TierLifecycleWorkflowRequest request, JournalScope? journal, CancellationToken cancellation)
        {
            _session = session;
            _request = request;
            _journal = journal;
            _cancellation = cancellation;
        }

        public static async Task<TierLifecycleWorkflowPlan> PlanAsync(GraphSession session, TierLifecycleWorkflowRequest request, CancellationToken cancellation)
        {
            var walk = new TierWorkflowProvisioner(session, request, null, cancellation);
            var warnings = await walk.RunAsync().ConfigureAwait(false);
            var plan = new TierLifecycleWorkflowPlan { Request = request, Warnings = warnings };
            plan.Changes.AddRange(walk._changes);
            return plan;
        }

        /// <summary>Re-plans first: if the tenant moved on since the plan was shown, nothing is written.</summary>
        public static async Task<TierLifecycleWorkflow[]> ApplyAsync(GraphSession session, TierLifecycleWorkflowPlan plan, JournalScope journal, CancellationToken cancellation)
        {
            var fresh = await PlanAsync(session, plan.Request, cancellation).ConfigureAwait(false);
            var stale = fresh.Changes.Select(Key).Except(plan.Changes.Select(Key)).Concat(plan.Changes.Select(Key).Except(fresh.Changes.Select(Key))).FirstOrDefault();
            if (stale != null)
            {
                throw Errors.LifecycleWorkflowPlanStale(stale.Substring(stale.IndexOf(' ') + 1)).ToException();
            }

            var walk = new TierWorkflowProvisioner(session, plan.Request, journal, cancellation);
            await walk.RunAsync().ConfigureAwait(false);
            return walk._results.ToArray();
        }

        private static string Key(LifecycleWorkflowChange change) => change.Action + " " + change.Workflow;

        private async Task<List<string>> RunAsync()
        {
            var warnings = new List<string>();
            var tiers = await TiersAsync().ConfigureAwait(false);
            var desired = TierWorkflowDesigner.Design(tiers, await PackagesAsync(tiers).ConfigureAwait(false), !_request.NoSchedule, warnings);
            var existing = await LifecycleWorkflowDirectory.ListAsync(_session, _cancellation).ConfigureAwait(false);
            var missing = desired.Count(d => Named(existing, d.Name) == null);
            if (missing > 0 && existing.Count + missing > LifecycleWorkflowDirectory.MaxWorkflows)
            {
                throw Errors.LifecycleWorkflowLimitReached(existing.Count, missing, LifecycleWorkflowDirectory.MaxWorkflows).ToException();
            }

            var interval = await LifecycleWorkflowDirectory.ScheduleIntervalAsync(_session, _cancellation).ConfigureAwait(false);
            foreach (var workflow in desired)
            {
                _results.Add(await ProvisionAsync(workflow, Named(existing, workflow.Name), interval).ConfigureAwait(false));
            }

            return warnings;
        }

        private async Task<IReadOnlyList<TierGroupState>> TiersAsync()
        {
            var tiers = await TierGroupDirectory.ListTiersAsync(_session, _cancellation).ConfigureAwait(false);
            var baselines = tiers.Count(t => t.Record!.Baseline);
            if (tiers.Count < 2 || baselines != 1)
            {
                throw Errors.TierWorkflowsNeedTiers(tiers.Count, baselines > 0).ToException();
            }

            return tiers;
        }

        /// <summary>Per tier group, the packages granting its Member role; the baseline's with the module's own policy, which its task names.</summary>
        private async Task<Dictionary<string, List<TierPackage>>> PackagesAsync(IReadOnlyList<TierGroupState> tiers)
        {
            var baseline = tiers.Single(t => t.Record!.Baseline).Group.Id!.ToLowerInvariant();
            var byGroup = new Dictionary<string, List<TierPackage>>();
            foreach (var package in (await AccessPackageDirectory.AllPackagesAsync(_session, _cancellation).ConfigureAwait(false)).OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase))
            {
                foreach (var group in AccessPackageDirectory.MemberGroups(package).Where(g => tiers.Any(t => t.Group.Id!.ToLowerInvariant() == g)))
                {
                    var policy = group == baseline ? AccessPackageDirectory.OwnPolicy(await AccessPackageDirectory.PoliciesAsync(_session, package.Id!, _cancellation).ConfigureAwait(false)) : null;
                    (byGroup.TryGetValue(group, out var list) ? list : byGroup[group] = new List<TierPackage>()).Add(new TierPackage(package.Id!, package.DisplayName ?? package.Id!, policy?.Id));
                }
            }

            if (byGroup.Count == 0)
            {
                throw Errors.TierWorkflowsNeedAccessPackages().ToException();
            }

            return byGroup;
        }

        private async Task<TierLifecycleWorkflow> ProvisionAsync(DesiredWorkflow desired, Workflow? listed, int interval)
        {
            if (listed == null)
            {
                var body = desired.ToGraph();
                var created = await WriteAsync(LifecycleWorkflowChangeAction.Create, desired.Name, "POST " + Workflows, body, "LifecycleWorkflow.Create", null,
                    () => _session.CallAsync("create lifecycle workflow " + desired.Name, LifecycleWorkflowDirectory.Manage,
                        c => c.IdentityGovernance.LifecycleWorkflows.Workflows.PostAsync(body, r => LifecycleWorkflowDirectory.IncludeUnknownEnums(r.Headers), _cancellation), _cancellation)).ConfigureAwait(false);
                return Describe(desired, created, TierWorkflowResult.Created, interval);
            }

            var existing = await LifecycleWorkflowDirectory.GetAsync(_session, listed.Id!, _cancellation).ConfigureAwait(false);
            switch (desired.Compare(existing))
            {
                case WorkflowDifference.Category:
                    var result = Describe(desired, existing, TierWorkflowResult.Skipped, interval);
                    result.Detail = $"A workflow of this name exists with category {existing.Category}; a category never changes, so it was left alone. Rename or delete it, then run again.";
                    return result;
                case WorkflowDifference.Definition:
                    return Describe(desired, await NewVersionAsync(desired, existing).ConfigureAwait(false), TierWorkflowResult.NewVersion, interval);
                case WorkflowDifference.Basics:
                    return Describe(desired, await UpdateAsync(desired, existing).ConfigureAwait(false), TierWorkflowResult.Updated, interval);
                default:
                    return Describe(desired, existing, TierWorkflowResult.Unchanged, interval);
            }
        }

        private Task<Workflow?> NewVersionAsync(DesiredWorkflow desired, Workflow existing)
        {
            var body = new CreateNewVersionPostRequestBody { Workflow = desired.ToGraph() };
            return WriteAsync(LifecycleWorkflowChangeAction.CreateNewVersion, desired.Name, "POST " + Workflows + "/" + existing.Id + "/microsoft.graph.identityGovernance.createNewVersion", body,
                "LifecycleWorkflow.CreateNewVersion", Before(existing),
                () => _session.CallAsync("create a new version of lifecycle workflow " + desired.Name, LifecycleWorkflowDirectory.Manage,
                    c => c.IdentityGovernance.LifecycleWorkflows.Workflows[existing.Id].MicrosoftGraphIdentityGovernanceCreateNewVersion.PostAsync(body, r => LifecycleWorkflowDirectory.IncludeUnknownEnums(r.Headers), _cancellation), _cancellation));
        }

        /// <summary>PATCH answers 204, so the workflow is read back to report its state.</summary>
        private Task<Workflow?> UpdateAsync(DesiredWorkflow desired, Workflow existing)
        {
            var body = new Workflow { Description = desired.Description, IsEnabled = true, IsSchedulingEnabled = desired.Scheduled };
            return WriteAsync(LifecycleWorkflowChangeAction.Update, desired.Name, "PATCH " + Workflows + "/" + existing.Id, body, "LifecycleWorkflow.Update", Before(existing), async () =>
            {
                await _session.CallAsync("update lifecycle workflow " + desired.Name, LifecycleWorkflowDirectory.Manage,
                    c => c.IdentityGovernance.LifecycleWorkflows.Workflows[existing.Id].PatchAsync(body, r => LifecycleWorkflowDirectory.IncludeUnknownEnums(r.Headers), _cancellation), _cancellation).ConfigureAwait(false);
                return (Workflow?)await LifecycleWorkflowDirectory.GetAsync(_session, existing.Id!, _cancellation).ConfigureAwait(false);
            });
        }

        /// <summary>Records the change for the plan; when applying, journals it first and then sends it. Planning returns null.</summary>
        private async Task<Workflow?> WriteAsync(LifecycleWorkflowChangeAction action, string name, string request, Microsoft.Kiota.Abstractions.Serialization.IParsable body, string operation, JsonNode? before, Func<Task<Workflow?>> send)
        {
            var json = AccessPackageAssignmentWriter.Json(body);
            _changes.Add(new LifecycleWorkflowChange { Action = action, Workflow = name, Request = request, Body = json });
            return await PlannedWrite.RunAsync(_journal, operation, "lifecycleWorkflow", name, before, json, send, null, _cancellation).ConfigureAwait(false);
        }

        private static JsonNode Before(Workflow existing) => JsonNode.Parse(AccessPackageAssignmentWriter.Json(existing))!;

        private static Workflow? Named(IEnumerable<Workflow> workflows, string name) =>
            workflows.FirstOrDefault(w => string.Equals(w.DisplayName, name, StringComparison.OrdinalIgnoreCase));

        private static TierLifecycleWorkflow Describe(DesiredWorkflow desired, Workflow? actual, TierWorkflowResult result, int interval) => new TierLifecycleWorkflow
        {
            Name = desired.Name,
            Id = Guid.TryParse(actual?.Id, out var id) ? id : (Guid?)null,
            Kind = desired.Kind,
            Trigger = desired.Trigger,
            Tasks = desired.Tasks.Select(t => t.Summary).ToArray(),
            Version = actual?.Version,
            Scheduled = actual?.IsSchedulingEnabled ?? desired.Scheduled,
            ScheduleIntervalHours = interval,
            NextRun = actual?.NextScheduleRunDateTime,
            Result = result,
            Gap = desired.Gap(interval),
        };
    }
}
