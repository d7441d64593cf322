using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Lifecycle;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Lifecycle;

namespace LicenseGovernance.Simulator
{
    /// <summary>
    /// Lifecycle workflows: workflows and their versions, on-demand runs, and the tenant's schedule, which every
    /// workflowScheduleIntervalInHours runs each scheduled membership-change workflow for the users whose membership of its
    /// groups changed since the last scheduled run. The schedule is background work on the simulator clock.
    /// </summary>
    public sealed partial class TenantStore
    {
        /// <summary>The per-tenant limit of the v1.0 "Create workflow" page (older pages and the service-limits page say 50).</summary>
        public const int MaxWorkflows = 100;

        /// <summary>Per workflow, from the Entra ID Governance service limits.</summary>
        public const int MaxTasksPerWorkflow = 25;

        /// <summary>Users per on-demand selection, from the Entra ID Governance service limits.</summary>
        public const int MaxOnDemandSubjects = 10;

        private LifecycleState _lifecycle = new LifecycleState();

        public IReadOnlyList<SimulatedWorkflow> Workflows => Read(() => _lifecycle.Workflows.ToArray());

        public int WorkflowScheduleIntervalInHours => Read(() => _lifecycle.WorkflowScheduleIntervalInHours);

        /// <summary>When the tenant's schedule next evaluates the scheduled workflows, or null while none is scheduled.</summary>
        public DateTimeOffset? NextScheduledWorkflowRun => Read(LifecycleNextDue);

        internal LifecycleState Lifecycle => _lifecycle;

        internal void LoadLifecycle(LifecycleState? state) => _lifecycle = state ?? new LifecycleState();

        internal SimulatedWorkflow RequireWorkflow(string id) =>
            _lifecycle.Workflows.Find(w => w.Id.ToString() == id.ToLowerInvariant()) ?? throw GraphServiceError.NotFound(id);

        internal SimulatedWorkflow CreateWorkflowCore(SimulatedWorkflow draft)
        {
            if (_lifecycle.Workflows.Count >= MaxWorkflows)
            {
                throw LifecycleError($"The tenant already has {MaxWorkflows} workflows, the most it can hold; delete one before creating another.");
            }

            ValidateWorkflow(draft, null);
            draft.Id = _newId();
            draft.Version = 1;
            draft.CreatedDateTime = draft.LastModifiedDateTime = Now;
            NumberTasks(draft);
            draft.Versions.Add(Freeze(draft));
            _lifecycle.Workflows.Add(draft);
            SyncSchedule();
            return draft;
        }

        /// <summary>createNewVersion: tasks and execution conditions change only this way, and each change is a new version.</summary>
        internal SimulatedWorkflow CreateNewVersionCore(SimulatedWorkflow workflow, SimulatedWorkflow draft)
        {
            if (draft.Category != workflow.Category)
            {
                throw LifecycleError($"The category of a workflow cannot change (it is '{workflow.Category}'); create a new workflow instead.");
            }

            ValidateWorkflow(draft, workflow);
            NumberTasks(draft);
            workflow.DisplayName = draft.DisplayName;
            workflow.Description = draft.Description;
            workflow.IsEnabled = draft.IsEnabled;
            workflow.IsSchedulingEnabled = draft.IsSchedulingEnabled;
            workflow.Conditions = draft.Conditions;
            workflow.Tasks = draft.Tasks;
            workflow.Version++;
            workflow.LastModifiedDateTime = Now;
            workflow.Versions.Add(Freeze(workflow));
            SyncSchedule();
            return workflow;
        }

        /// <summary>PATCH: basic properties only, validated as on create; the current version's copy changes with them.</summary>
        internal void UpdateWorkflowCore(SimulatedWorkflow workflow, Action<WorkflowBase> change)
        {
            var draft = Freeze(workflow);
            change(draft);
            if (!string.Equals(draft.DisplayName, workflow.DisplayName, StringComparison.OrdinalIgnoreCase))
            {
                RequireUniqueName(draft.DisplayName, workflow);
            }

            RequireSchedulingAllowed(draft);
            (workflow.DisplayName, workflow.Description, workflow.IsEnabled, workflow.IsSchedulingEnabled) = (draft.DisplayName, draft.Description, draft.IsEnabled, draft.IsSchedulingEnabled);
            workflow.LastModifiedDateTime = Now;
            workflow.Versions[workflow.Versions.Count - 1] = Freeze(workflow);
            SyncSchedule();
        }

        internal void DeleteWorkflowCore(SimulatedWorkflow workflow)
        {
            _lifecycle.Workflows.Remove(workflow);
            SyncSchedule();
        }

        /// <summary>activate: runs the workflow now for the users given, whatever its scope and trigger say (as Graph documents).</summary>
        internal SimulatedWorkflowRun ActivateWorkflowCore(SimulatedWorkflow workflow, IReadOnlyList<string> subjectIds)
        {
            if (!workflow.IsEnabled)
            {
                throw LifecycleError($"The workflow '{workflow.DisplayName}' is disabled; enable it (isEnabled) before running it on demand.");
            }

            if (subjectIds.Count == 0 || subjectIds.Count > MaxOnDemandSubjects)
            {
                throw LifecycleError($"An on-demand run takes 1 to {MaxOnDemandSubjects} users; {subjectIds.Count} were given.");
            }

            var users = subjectIds.Select(id => FindUserCore(id, null) ?? throw LifecycleError($"The subject '{id}' is not a user in the directory.")).ToList();
            return RunWorkflow(workflow, users, "onDemand", Now);
        }

        internal void SetScheduleIntervalCore(int hours)
        {
            if (hours < 1 || hours > 24)
            {
                throw LifecycleError($"workflowScheduleIntervalInHours must be between 1 and 24; {hours} is not.");
            }

            _lifecycle.WorkflowScheduleIntervalInHours = hours;
        }

        /// <summary>
        /// Called for every user joining or leaving a group (by hand, by entitlement management, by a dynamic rule or by a
        /// workflow's own task). Only groups a scheduled membership-change workflow watches are logged, so the log holds
        /// no more than the next scheduled run needs.
        /// </summary>
        internal void RecordMembershipChange(SimulatedGroup group, SimulatedUser user, bool added)
        {
            if (_lifecycle.LastScheduledRun == null || !_lifecycle.Workflows.Exists(w => w.RunsOnSchedule() && w.Conditions.GroupIds.Contains(group.Id)))
            {
                return;
            }

            _lifecycle.MembershipChanges.Add(new MembershipChange { Sequence = ++_lifecycle.LastChangeSequence, GroupId = group.Id, UserId = user.Id, Added = added, At = Now });
        }

        /// <summary>nextScheduleRunDateTime of a workflow: the tenant's next evaluation, for a workflow that runs on schedule.</summary>
        internal DateTimeOffset? NextScheduleRunOf(SimulatedWorkflow workflow) => workflow.IsEnabled && workflow.IsSchedulingEnabled ? LifecycleNextDue() : null;

        internal static GraphServiceError LifecycleError(string message) => new GraphServiceError(400, "BadRequest", message);

        /// <summary>[U] Graph's schedule phase is not documented: evaluations fall on whole multiples of the interval (for intervals dividing 24, from midnight UTC).</summary>
        private DateTimeOffset? LifecycleNextDue()
        {
            if (_lifecycle.LastScheduledRun is not DateTimeOffset last)
            {
                return null;
            }

            var interval = TimeSpan.FromHours(_lifecycle.WorkflowScheduleIntervalInHours).Ticks;
            return new DateTimeOffset(last.UtcTicks - (last.UtcTicks % interval) + interval, TimeSpan.Zero);
        }

        /// <summary>One scheduled evaluation: each scheduled workflow runs for the users its groups' changes since the last one select.</summary>
        private void LifecycleStep(DateTimeOffset at)
        {
            var seen = _lifecycle.LastChangeSequence;
            var changes = _lifecycle.MembershipChanges.ToList();
            foreach (var workflow in _lifecycle.Workflows.Where(w => w.RunsOnSchedule()).ToList())
            {
                var subjects = ChangedMembers(workflow.Conditions, changes);
                if (subjects.Count > 0)
                {
                    RunWorkflow(workflow, subjects, "scheduled", at);
                }
            }

            // Changes the runs' own tasks made are newer than this evaluation; the next one sees them.
            _lifecycle.MembershipChanges.RemoveAll(c => c.Sequence <= seen);
            _lifecycle.LastScheduledRun = at;
        }

        /// <summary>
        /// The users whose latest change to one of the scope's groups was the trigger's kind (add or remove) and still holds,
        /// in the order of those changes. [U] Graph does not say how it treats a user added and removed between two runs.
        /// </summary>
        private List<SimulatedUser> ChangedMembers(WorkflowConditions conditions, IReadOnlyList<MembershipChange> changes)
        {
            var added = conditions.ChangeType == "add";
            var latest = new Dictionary<(Guid User, Guid Group), MembershipChange>();
            foreach (var change in changes.Where(c => conditions.GroupIds.Contains(c.GroupId)))
            {
                latest[(change.UserId, change.GroupId)] = change;
            }

            return latest.Values
                .Where(c => c.Added == added && GroupById(c.GroupId)?.MemberSet.Contains(c.UserId) == added)
                .OrderBy(c => c.Sequence)
                .Select(c => UserById(c.UserId))
                .Where(u => u != null)
                .Select(u => u!)
                .Distinct()
                .ToList();
        }

        private SimulatedWorkflowRun RunWorkflow(SimulatedWorkflow workflow, IReadOnlyList<SimulatedUser> users, string executionType, DateTimeOffset at)
        {
            var run = new SimulatedWorkflowRun { Id = _newId(), ExecutionType = executionType, ScheduledDateTime = at, StartedDateTime = at, CompletedDateTime = at };
            var runner = new WorkflowTaskRunner(this, workflow, executionType, at);
            foreach (var user in users)
            {
                run.UserResults.Add(runner.Run(user));
            }

            workflow.Runs.Add(run);
            return run;
        }

        /// <summary>Scheduling starts when the first workflow runs on schedule, and stops (forgetting the log) when none does.</summary>
        private void SyncSchedule()
        {
            if (!_lifecycle.Workflows.Exists(w => w.RunsOnSchedule()))
            {
                _lifecycle.LastScheduledRun = null;
                _lifecycle.MembershipChanges.Clear();
            }
            else if (_lifecycle.LastScheduledRun == null)
            {
                _lifecycle.LastScheduledRun = Now;
            }
        }

        private void ValidateWorkflow(SimulatedWorkflow draft, SimulatedWorkflow? existing)
        {
            RequireUniqueName(draft.DisplayName, existing);
            RequireSchedulingAllowed(draft);
            foreach (var groupId in draft.Conditions.GroupIds)
            {
                if (GroupById(groupId) == null)
                {
                    throw LifecycleError($"The group '{groupId}' of the workflow's scope was not found in the directory.");
                }
            }

            if (draft.Tasks.Count == 0 || draft.Tasks.Count > MaxTasksPerWorkflow)
            {
                throw LifecycleError($"A workflow needs 1 to {MaxTasksPerWorkflow} tasks; {draft.Tasks.Count} were given.");
            }

            foreach (var task in draft.Tasks)
            {
                new WorkflowTaskValidator(this, draft.Category).Validate(task);
            }
        }

        /// <summary>The v1.0 "Create workflow" page calls displayName "a unique string that identifies the workflow".</summary>
        private void RequireUniqueName(string name, SimulatedWorkflow? self)
        {
            if (_lifecycle.Workflows.Exists(w => w != self && string.Equals(w.DisplayName, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw LifecycleError($"A workflow named '{name}' already exists; displayName must be unique.");
            }
        }

        private static void RequireSchedulingAllowed(WorkflowBase workflow)
        {
            if (workflow.IsSchedulingEnabled && !workflow.IsEnabled)
            {
                throw LifecycleError("isSchedulingEnabled cannot be true for a disabled workflow (isEnabled false).");
            }
        }

        private void NumberTasks(SimulatedWorkflow workflow)
        {
            for (var i = 0; i < workflow.Tasks.Count; i++)
            {
                var task = workflow.Tasks[i];
                var definition = TaskDefinitions.Find(task.TaskDefinitionId)!;
                (task.Id, task.ExecutionSequence, task.TaskDefinitionId, task.Category) = (_newId(), i + 1, definition.Id, definition.Category);
            }
        }

        private static SimulatedWorkflowVersion Freeze(SimulatedWorkflow workflow) => new SimulatedWorkflowVersion
        {
            VersionNumber = workflow.Version,
            Category = workflow.Category,
            DisplayName = workflow.DisplayName,
            Description = workflow.Description,
            IsEnabled = workflow.IsEnabled,
            IsSchedulingEnabled = workflow.IsSchedulingEnabled,
            Conditions = workflow.Conditions,
            Tasks = workflow.Tasks,
            CreatedDateTime = workflow.CreatedDateTime,
            LastModifiedDateTime = workflow.LastModifiedDateTime,
        };
    }
}
