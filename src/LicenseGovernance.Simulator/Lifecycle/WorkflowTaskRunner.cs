using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Entitlement;
using LicenseGovernance.Simulator.Model.Lifecycle;

namespace LicenseGovernance.Simulator.Lifecycle
{
    /// <summary>
    /// Runs a workflow's enabled tasks for one user, in execution order, with the rules and errors the tenant applies to
    /// the same changes made any other way. A failing task stops the user's remaining tasks (canceled) unless it has
    /// continueOnError. Tasks the simulated tenant has no model for complete without effect and say so in failureReason.
    /// Callers hold the store's write lock.
    /// </summary>
    internal sealed class WorkflowTaskRunner
    {
        private readonly TenantStore _store;
        private readonly SimulatedWorkflow _workflow;
        private readonly string _executionType;
        private readonly DateTimeOffset _at;

        public WorkflowTaskRunner(TenantStore store, SimulatedWorkflow workflow, string executionType, DateTimeOffset at)
        {
            _store = store;
            _workflow = workflow;
            _executionType = executionType;
            _at = at;
        }

        public SimulatedUserProcessingResult Run(SimulatedUser user)
        {
            var result = new SimulatedUserProcessingResult
            {
                Id = _store.NewId(), SubjectId = user.Id, WorkflowVersion = _workflow.Version, ExecutionType = _executionType,
                ScheduledDateTime = _at, StartedDateTime = _at, CompletedDateTime = _at,
            };
            var stopped = false;
            foreach (var task in _workflow.Tasks.Where(t => t.IsEnabled).OrderBy(t => t.ExecutionSequence))
            {
                var outcome = new SimulatedTaskProcessingResult { Id = _store.NewId(), TaskId = task.Id, SubjectId = user.Id, CreatedDateTime = _at, StartedDateTime = _at, CompletedDateTime = _at };
                if (stopped)
                {
                    outcome.ProcessingStatus = "canceled";
                }
                else
                {
                    try
                    {
                        outcome.FailureReason = Execute(task, user);
                    }
                    catch (GraphServiceError e)
                    {
                        (outcome.ProcessingStatus, outcome.FailureReason) = ("failed", e.Message);
                        stopped = !task.ContinueOnError;
                    }
                }

                result.TaskResults.Add(outcome);
            }

            return result;
        }

        /// <summary>Applies the task; returns null, or for a task without a model in the simulated tenant, a note saying so.</summary>
        private string? Execute(SimulatedWorkflowTask task, SimulatedUser user)
        {
            switch (task.TaskDefinitionId)
            {
                case TaskDefinitions.AddUserToGroups:
                    foreach (var group in Groups(task).Where(g => !g.MemberSet.Contains(user.Id)))
                    {
                        _store.AddMembersCore(group, new[] { user.Id });
                    }

                    return null;
                case TaskDefinitions.RemoveUserFromSelectedGroups:
                    foreach (var group in Groups(task).Where(g => g.MemberSet.Contains(user.Id)))
                    {
                        _store.RemoveMemberCore(group, user.Id);
                    }

                    return null;
                case TaskDefinitions.RemoveAccessPackageAssignment:
                    RemoveAssignments(user, WorkflowTaskValidator.Ids(task, "accessPackageId").Single());
                    return null;
                case TaskDefinitions.RequestAccessPackageAssignment:
                    _store.SubmitRequestCore(new SimulatedAssignmentRequest
                    {
                        RequestType = "adminAdd", TargetId = user.Id, Justification = $"Lifecycle workflow '{_workflow.DisplayName}'",
                        AccessPackageId = WorkflowTaskValidator.Ids(task, "accessPackageId").Single(), PolicyId = WorkflowTaskValidator.Ids(task, "assignmentPolicyId").Single(),
                    });
                    return null;
                case TaskDefinitions.RemoveAllLicenses:
                    RemoveAllLicenses(user);
                    return null;
                default:
                    return $"Not modelled by the simulated tenant: '{TaskDefinitions.Find(task.TaskDefinitionId)!.DisplayName}' was recorded as completed but changed nothing.";
            }
        }

        private IEnumerable<SimulatedGroup> Groups(SimulatedWorkflowTask task) =>
            WorkflowTaskValidator.Ids(task, "groupID").Select(id => _store.GroupById(id) ?? throw TenantStore.LifecycleError($"The group '{id}' no longer exists.")).ToList();

        /// <summary>adminRemove of the user's live assignment of the package; a user without one has nothing to remove.</summary>
        private void RemoveAssignments(SimulatedUser user, Guid packageId)
        {
            foreach (var assignment in _store.Entitlement.Assignments.Where(a => a.AccessPackageId == packageId && a.TargetId == user.Id && (a.State == "delivered" || a.State == "delivering")).ToList())
            {
                _store.SubmitRequestCore(new SimulatedAssignmentRequest { RequestType = "adminRemove", AssignmentId = assignment.Id, Justification = $"Lifecycle workflow '{_workflow.DisplayName}'" });
            }
        }

        /// <summary>
        /// [O] In the field this task fails for users whose licences come from a group, with assignLicense's own error. The
        /// simulator removes every SKU the user holds in one assignLicense call, as the task appears to, so one inherited
        /// licence fails the call and nothing is removed; a user holding only direct licences loses them all.
        /// </summary>
        private void RemoveAllLicenses(SimulatedUser user)
        {
            var held = TenantStore.HeldSkus(user).ToList();
            if (held.Count > 0)
            {
                _store.AssignUserLicensesCore(user, Array.Empty<AssignedLicense>(), held);
            }
        }
    }
}
