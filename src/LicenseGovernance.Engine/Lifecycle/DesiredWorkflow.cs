using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.IdentityGovernance;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// One of document 000's workflows as the tiers need it: a mover workflow triggered by membership changes of its scope
    /// groups (the "Employee group membership changes" template), with its tasks. Knows its Graph body and how an existing
    /// workflow of the same name differs from it.
    /// </summary>
    internal sealed class DesiredWorkflow
    {
        public DesiredWorkflow(string name, TierWorkflowKind kind, string description, MembershipChangeType changeType, IReadOnlyList<(string Id, string Name)> scope, IReadOnlyList<DesiredTask> tasks, bool scheduled)
        {
            Name = name;
            Kind = kind;
            Description = description;
            ChangeType = changeType;
            Scope = scope;
            Tasks = tasks;
            Scheduled = scheduled;
        }

        public string Name { get; }

        public TierWorkflowKind Kind { get; }

        public string Description { get; }

        public MembershipChangeType ChangeType { get; }

        /// <summary>The groups whose membership changes fire the workflow (ids with names, for the output).</summary>
        public IReadOnlyList<(string Id, string Name)> Scope { get; }

        public IReadOnlyList<DesiredTask> Tasks { get; }

        public bool Scheduled { get; }

        public string Trigger => (ChangeType == MembershipChangeType.Add ? "Added to " : "Removed from ") + string.Join(" or ", Scope.Select(s => s.Name));

        /// <summary>A new body each time: the SDK's backing store sends only what changed since a body was last serialised.</summary>
        public Workflow ToGraph() => new Workflow
        {
            Category = LifecycleWorkflowCategory.Mover,
            DisplayName = Name,
            Description = Description,
            IsEnabled = true,
            IsSchedulingEnabled = Scheduled,
            ExecutionConditions = new TriggerAndScopeBasedConditions
            {
                Scope = new GroupBasedSubjectSet { Groups = Scope.Select(s => new Group { Id = s.Id }).ToList() },
                Trigger = new MembershipChangeTrigger { ChangeType = ChangeType },
            },
            Tasks = Tasks.Select(t => t.ToGraph()).ToList(),
        };

        public WorkflowDifference Compare(Workflow existing)
        {
            if (existing.Category != LifecycleWorkflowCategory.Mover)
            {
                return WorkflowDifference.Category;
            }

            if (DefinitionOf(existing) != Definition())
            {
                return WorkflowDifference.Definition;
            }

            return existing.Description == Description && existing.IsEnabled == true && existing.IsSchedulingEnabled == Scheduled ? WorkflowDifference.None : WorkflowDifference.Basics;
        }

        /// <summary>The window this workflow leaves open, in plain words, for a tenant whose schedule runs every <paramref name="hours"/>.</summary>
        public string Gap(int hours)
        {
            var wait = Scheduled
                ? $"It runs on Entra's schedule, up to {Hours(hours)} after the change (workflowScheduleIntervalInHours)"
                : "It is not scheduled (-NoSchedule) and runs only when activated on demand";
            return Kind == TierWorkflowKind.RemoveConflictingTiers
                ? wait + ". Until then the user holds both tiers, and a tier whose Exchange plan excludes the old one's (E5 beside F3) stays in MutuallyExclusiveViolation, so the upgrade brings no licence until the user is reprocessed. Sync-LicenseTier moves tiers in the safe order and closes this gap."
                : wait + ", independently of the upgrade workflow. Until then, plus licence processing, a user whose tier ended holds no licence at all. Sync-LicenseTier bridges the move and closes this gap, and replaces this workflow: scheduled beside it, the restore can land beside its bridge (MutuallyExclusiveViolation until its next run).";
        }

        private static string Hours(int hours) => hours.ToString(CultureInfo.InvariantCulture) + (hours == 1 ? " hour" : " hours");

        private string Definition() =>
            Shape(ChangeType, Scope.Select(s => s.Id), Tasks.Select(t => t.Shape()));

        /// <summary>
        /// [U] A scope that Graph reads back without its groups (the navigation is not always expanded) is taken as the one
        /// wanted: the command cannot see it, and writing a new version on every run would never settle.
        /// </summary>
        private string DefinitionOf(Workflow existing)
        {
            var conditions = existing.ExecutionConditions as TriggerAndScopeBasedConditions;
            if (!(conditions?.Scope is GroupBasedSubjectSet scope) || !(conditions.Trigger is MembershipChangeTrigger trigger))
            {
                return "another trigger or scope";
            }

            var groups = (scope.Groups ?? new List<Group>()).Select(g => g.Id ?? "").ToList();
            return Shape(
                trigger.ChangeType,
                groups.Count == 0 ? Scope.Select(s => s.Id) : groups,
                (existing.Tasks ?? new List<TaskObject>()).OrderBy(t => t.ExecutionSequence ?? 0).Select(DesiredTask.ShapeOf));
        }

        private static string Shape(MembershipChangeType? changeType, IEnumerable<string> groups, IEnumerable<string> tasks) =>
            changeType + "|" + string.Join(",", groups.Select(g => g.ToLowerInvariant()).OrderBy(g => g, StringComparer.Ordinal)) + "|" + string.Join("/", tasks);
    }
}
