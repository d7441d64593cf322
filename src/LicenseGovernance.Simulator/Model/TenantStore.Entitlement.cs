using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Entitlement;

namespace LicenseGovernance.Simulator
{
    /// <summary>
    /// Entitlement management: catalogs, their group resources, access packages, assignment policies, requests with
    /// staged approval, and assignments whose delivery and expiry change group membership (and so group licensing).
    /// Approval timeouts and assignment expiry run as background work on the simulator clock.
    /// </summary>
    public sealed partial class TenantStore
    {
        private EntitlementState _entitlement = new EntitlementState();

        public IReadOnlyList<SimulatedCatalog> AccessPackageCatalogs => Read(() => _entitlement.Catalogs.ToArray());

        public IReadOnlyList<SimulatedAccessPackage> AccessPackages => Read(() => _entitlement.AccessPackages.ToArray());

        public IReadOnlyList<SimulatedAssignmentPolicy> AssignmentPolicies => Read(() => _entitlement.Policies.ToArray());

        public IReadOnlyList<SimulatedAssignmentRequest> AssignmentRequests => Read(() => _entitlement.Requests.ToArray());

        public IReadOnlyList<SimulatedAssignment> AccessPackageAssignments => Read(() => _entitlement.Assignments.ToArray());

        internal EntitlementState Entitlement => _entitlement;

        /// <summary>
        /// A signed-in user's own request (userAdd), with the rules of POST /assignmentRequests: the policy must let the user
        /// request, justification and custom end dates as the policy says; approval stages start when the policy asks for them.
        /// </summary>
        public SimulatedAssignmentRequest RequestAccessPackage(Guid userId, Guid accessPackageId, Guid policyId, string? justification, DateTimeOffset? endDateTime = null) =>
            Write(() => SubmitRequestCore(new SimulatedAssignmentRequest
            {
                RequestType = "userAdd", RequestorId = userId, TargetId = userId, AccessPackageId = accessPackageId, PolicyId = policyId,
                Justification = justification, RequestedEnd = endDateTime,
            }));

        /// <summary>A user's request to extend their own assignment (userExtend); needs approval when the policy asks for it on updates.</summary>
        public SimulatedAssignmentRequest ExtendAccessPackageAssignment(Guid userId, Guid assignmentId, string? justification, DateTimeOffset? endDateTime = null) =>
            Write(() =>
            {
                var assignment = _entitlement.Assignments.Find(a => a.Id == assignmentId) ?? throw GraphServiceError.NotFound(assignmentId.ToString());
                return SubmitRequestCore(new SimulatedAssignmentRequest
                {
                    RequestType = "userExtend", RequestorId = userId, TargetId = userId, AssignmentId = assignmentId, AccessPackageId = assignment.AccessPackageId,
                    PolicyId = assignment.PolicyId, Justification = justification, RequestedEnd = endDateTime,
                });
            });

        /// <summary>An approver's decision on the request's current stage (PATCH accessPackageAssignmentApprovals/{id}/stages/{id}).</summary>
        public SimulatedAssignmentRequest ApproveAccessPackageRequest(Guid requestId, Guid approverId, string? justification) =>
            Write(() => DecideStageCore(requestId, approverId, approve: true, justification));

        public SimulatedAssignmentRequest DenyAccessPackageRequest(Guid requestId, Guid approverId, string? justification) =>
            Write(() => DecideStageCore(requestId, approverId, approve: false, justification));

        /// <summary>
        /// Makes a delivering assignment stall, as field reports describe: it stays delivering until the service retries it
        /// after <paramref name="retryAfter"/> (then it is delivered), or for good when that is null.
        /// </summary>
        public void StallAccessPackageDelivery(Guid assignmentId, TimeSpan? retryAfter = null) => Write(() =>
        {
            var assignment = _entitlement.Assignments.Find(a => a.Id == assignmentId) ?? throw GraphServiceError.NotFound(assignmentId.ToString());
            AccessPackageDelivery.Stall(assignment, retryAfter);
            return 0;
        });

        internal SimulatedCatalog CreateCatalogCore(SimulatedCatalog catalog)
        {
            if (string.IsNullOrWhiteSpace(catalog.DisplayName))
            {
                throw EntitlementError("The catalog must have a displayName.");
            }

            catalog.Id = _newId();
            catalog.CreatedDateTime = catalog.ModifiedDateTime = Now;
            _entitlement.Catalogs.Add(catalog);
            return catalog;
        }

        internal SimulatedCatalog RequireCatalog(string id) =>
            _entitlement.Catalogs.Find(c => c.Id.ToString() == id.ToLowerInvariant()) ?? throw GraphServiceError.NotFound(id);

        /// <summary>Onboards a group to a catalog (resourceRequest adminAdd). Dynamic groups are refused: their membership is rule-owned.</summary>
        internal SimulatedCatalogResource AddCatalogResourceCore(Guid catalogId, string originId, string? originSystem)
        {
            if (!string.Equals(originSystem, "AadGroup", StringComparison.OrdinalIgnoreCase))
            {
                throw EntitlementError($"The resource originSystem '{originSystem}' is not supported; groups use 'AadGroup'.");
            }

            var catalog = RequireCatalog(catalogId.ToString());
            var group = FindGroupCore(originId, null) ?? throw EntitlementError($"The resource with originId '{originId}' was not found in the directory.");
            if (group.IsDynamic)
            {
                throw EntitlementError($"Group '{group.DisplayName}' has dynamic membership and cannot be added to a catalog.");
            }

            if (_entitlement.Resources.Exists(r => r.CatalogId == catalog.Id && r.OriginId == group.Id))
            {
                throw EntitlementError($"The resource '{group.DisplayName}' is already in catalog '{catalog.DisplayName}'.");
            }

            var resource = new SimulatedCatalogResource
            {
                Id = _newId(), CatalogId = catalog.Id, OriginId = group.Id, DisplayName = group.DisplayName,
                MemberRoleId = _newId(), OwnerRoleId = _newId(), ScopeId = _newId(), CreatedDateTime = Now,
            };
            _entitlement.Resources.Add(resource);
            return resource;
        }

        /// <summary>
        /// adminRemove names the resource by its id (Graph's documented way) or by its originId. Graph refuses while a package
        /// still grants one of its roles, with the code and message observed in the field.
        /// </summary>
        internal void RemoveCatalogResourceCore(Guid catalogId, string? resourceId, string? originId)
        {
            var resource = _entitlement.Resources.Find(r => r.CatalogId == catalogId && (Matches(resourceId, r.Id) || string.Equals(originId, r.OriginId.ToString(), StringComparison.OrdinalIgnoreCase)))
                ?? throw EntitlementError($"The resource '{resourceId ?? originId}' is not in the catalog; name it by its id (or originId).");
            if (_entitlement.AccessPackages.Exists(p => p.RoleScopes.Exists(s => s.ResourceId == resource.Id)))
            {
                throw new GraphServiceError(400, "InvalidDeleteResourceHasEntitlements", $"The resource: {resource.DisplayName} can not be deleted because there are active entitlements.");
            }

            _entitlement.Resources.Remove(resource);
        }

        internal SimulatedAccessPackage CreateAccessPackageCore(SimulatedAccessPackage package)
        {
            if (string.IsNullOrWhiteSpace(package.DisplayName))
            {
                throw EntitlementError("The access package must have a displayName.");
            }

            RequireCatalog(package.CatalogId.ToString());
            package.Id = _newId();
            package.CreatedDateTime = package.ModifiedDateTime = Now;
            _entitlement.AccessPackages.Add(package);
            return package;
        }

        internal SimulatedAccessPackage RequireAccessPackage(string id) =>
            _entitlement.AccessPackages.Find(p => p.Id.ToString() == id.ToLowerInvariant()) ?? throw GraphServiceError.NotFound(id);

        internal void DeleteAccessPackageCore(SimulatedAccessPackage package)
        {
            if (_entitlement.Assignments.Exists(a => a.AccessPackageId == package.Id && a.State != "expired"))
            {
                throw EntitlementError($"The access package '{package.DisplayName}' still has assignments; remove them before deleting it.");
            }

            _entitlement.Policies.RemoveAll(p => p.AccessPackageId == package.Id);
            _entitlement.AccessPackages.Remove(package);
        }

        /// <summary>Adds a catalog resource's role to a package; role and scope are named by id or by originId (Member_{groupId}, {groupId}).</summary>
        internal SimulatedRoleScope AddRoleScopeCore(SimulatedAccessPackage package, string? roleId, string? roleOriginId, string? scopeId, string? scopeOriginId)
        {
            SimulatedCatalogResource? resource = null;
            string? roleName = null;
            foreach (var candidate in _entitlement.Resources.Where(r => r.CatalogId == package.CatalogId))
            {
                if (Matches(roleId, candidate.MemberRoleId) || string.Equals(roleOriginId, "Member_" + candidate.OriginId, StringComparison.OrdinalIgnoreCase))
                {
                    (resource, roleName) = (candidate, "Member");
                }
                else if (Matches(roleId, candidate.OwnerRoleId) || string.Equals(roleOriginId, "Owner_" + candidate.OriginId, StringComparison.OrdinalIgnoreCase))
                {
                    (resource, roleName) = (candidate, "Owner");
                }
            }

            if (resource == null)
            {
                throw EntitlementError("The resource role was not found in the access package's catalog; add the resource to the catalog first.");
            }

            if (!(Matches(scopeId, resource.ScopeId) || string.Equals(scopeOriginId, resource.OriginId.ToString(), StringComparison.OrdinalIgnoreCase)))
            {
                throw EntitlementError("The resource scope does not belong to the role's resource.");
            }

            var roleGuid = roleName == "Member" ? resource.MemberRoleId : resource.OwnerRoleId;
            if (package.RoleScopes.Exists(s => s.RoleId == roleGuid))
            {
                throw EntitlementError($"The access package already contains the {roleName} role of '{resource.DisplayName}'.");
            }

            var scope = new SimulatedRoleScope { ResourceId = resource.Id, RoleId = roleGuid, ScopeId = resource.ScopeId, RoleName = roleName!, CreatedDateTime = Now };
            package.RoleScopes.Add(scope);
            package.ModifiedDateTime = Now;
            return scope;
        }

        internal SimulatedCatalogResource ResourceOf(SimulatedRoleScope scope) => _entitlement.Resources.First(r => r.Id == scope.ResourceId);

        internal SimulatedAssignmentPolicy CreatePolicyCore(SimulatedAssignmentPolicy policy)
        {
            RequireAccessPackage(policy.AccessPackageId.ToString());
            ValidatePolicyReferences(policy);
            policy.Id = _newId();
            policy.CreatedDateTime = policy.ModifiedDateTime = Now;
            _entitlement.Policies.Add(policy);
            return policy;
        }

        /// <summary>PUT replaces the whole policy; the access package it belongs to cannot change.</summary>
        internal SimulatedAssignmentPolicy ReplacePolicyCore(SimulatedAssignmentPolicy existing, SimulatedAssignmentPolicy replacement)
        {
            if (replacement.AccessPackageId != Guid.Empty && replacement.AccessPackageId != existing.AccessPackageId)
            {
                throw EntitlementError("The access package of an assignment policy cannot be changed.");
            }

            ValidatePolicyReferences(replacement);
            replacement.Id = existing.Id;
            replacement.AccessPackageId = existing.AccessPackageId;
            replacement.CreatedDateTime = existing.CreatedDateTime;
            replacement.ModifiedDateTime = Now;
            _entitlement.Policies[_entitlement.Policies.IndexOf(existing)] = replacement;
            return replacement;
        }

        internal SimulatedAssignmentPolicy RequirePolicy(string id) =>
            _entitlement.Policies.Find(p => p.Id.ToString() == id.ToLowerInvariant()) ?? throw GraphServiceError.NotFound(id);

        internal void DeletePolicyCore(SimulatedAssignmentPolicy policy)
        {
            if (_entitlement.Assignments.Exists(a => a.PolicyId == policy.Id && a.State != "expired"))
            {
                throw EntitlementError($"The policy '{policy.DisplayName}' still has assignments; remove them before deleting it.");
            }

            _entitlement.Policies.Remove(policy);
        }

        internal SimulatedAssignmentRequest RequireRequest(string id) =>
            _entitlement.Requests.Find(r => r.Id.ToString() == id.ToLowerInvariant()) ?? throw GraphServiceError.NotFound(id);

        /// <summary>Validates and records a request, then moves it as far as it can go now (approval, delivery).</summary>
        internal SimulatedAssignmentRequest SubmitRequestCore(SimulatedAssignmentRequest request)
        {
            var now = Now;
            request.Id = _newId();
            request.CreatedDateTime = now;
            request.State = "submitted";
            request.Status = "Accepted";
            switch (request.RequestType)
            {
                case "adminAdd":
                case "userAdd":
                    PrepareAdd(request);
                    break;
                case "userExtend":
                case "userUpdate":
                case "adminUpdate":
                    PrepareExtend(request);
                    break;
                case "adminRemove":
                case "userRemove":
                    PrepareRemove(request);
                    break;
                default:
                    throw EntitlementError($"The requestType '{request.RequestType}' is not supported.");
            }

            _entitlement.Requests.Add(request);
            var policy = _entitlement.Policies.Find(p => p.Id == request.PolicyId);
            var needsApproval = policy != null && request.RequestType.StartsWith("user", StringComparison.Ordinal) && request.RequestType != "userRemove"
                && (request.RequestType == "userAdd" ? policy.IsApprovalRequiredForAdd : policy.IsApprovalRequiredForUpdate) && policy.Stages.Count > 0;
            if (needsApproval)
            {
                foreach (var _ in policy!.Stages)
                {
                    request.ApprovalStages.Add(new SimulatedApprovalStage { Id = _newId() });
                }

                request.State = "pendingApproval";
                request.Status = "PendingApproval";
                StartStage(request, policy, 0);
            }
            else
            {
                Deliver(request);
            }

            return request;
        }

        private void PrepareAdd(SimulatedAssignmentRequest request)
        {
            var package = RequireAccessPackageForRequest(request.AccessPackageId);
            var policy = _entitlement.Policies.Find(p => p.Id == request.PolicyId)
                ?? throw EntitlementError("The assignment policy was not found; assignmentPolicyId is required.");
            if (policy.AccessPackageId != package.Id)
            {
                throw EntitlementError("The assignment policy does not belong to the access package.");
            }

            var target = UserById(request.TargetId) ?? throw EntitlementError($"The target '{request.TargetId}' was not found in the directory.");
            if (request.RequestType == "userAdd")
            {
                if (!policy.EnableTargetsToSelfAddAccess)
                {
                    throw EntitlementError("The policy does not allow users to request the access package.");
                }

                if (!IsAllowedTarget(policy, target))
                {
                    throw EntitlementError("The requestor is not in the scope of the policy's allowed targets.");
                }

                if (policy.IsRequestorJustificationRequired && string.IsNullOrWhiteSpace(request.Justification))
                {
                    throw EntitlementError("The policy requires a justification for the request.");
                }

                if ((request.RequestedEnd != null || request.RequestedDuration != null) && !policy.AllowCustomAssignmentSchedule)
                {
                    throw EntitlementError("The policy does not allow requestors to choose a schedule.");
                }
            }

            if (_entitlement.Assignments.Exists(a => a.AccessPackageId == package.Id && a.TargetId == target.Id && a.State != "expired"))
            {
                throw EntitlementError("The target already has an assignment to this access package.");
            }

            if (_entitlement.Requests.Exists(r => r.AccessPackageId == package.Id && r.TargetId == target.Id && r.State == "pendingApproval"))
            {
                throw EntitlementError("The target already has an open request for this access package.");
            }

            EndFor(policy, request, request.ScheduleStart ?? Now, Now);
        }

        private void PrepareExtend(SimulatedAssignmentRequest request)
        {
            var assignment = _entitlement.Assignments.Find(a => a.Id == request.AssignmentId && a.State == "delivered")
                ?? throw EntitlementError("Only a delivered assignment can be extended.");
            if (request.RequestorId != null && assignment.TargetId != request.RequestorId)
            {
                throw EntitlementError("Users can extend only their own assignments.");
            }

            var policy = _entitlement.Policies.First(p => p.Id == assignment.PolicyId);
            if (request.RequestType != "adminUpdate" && !policy.EnableTargetsToSelfUpdateAccess)
            {
                throw EntitlementError("The policy does not allow users to extend their assignments.");
            }

            if (policy.ExpirationType == "noExpiration" && assignment.EndDateTime == null)
            {
                throw EntitlementError("The assignment does not expire, so it cannot be extended.");
            }

            if (policy.IsRequestorJustificationRequired && request.RequestType != "adminUpdate" && string.IsNullOrWhiteSpace(request.Justification))
            {
                throw EntitlementError("The policy requires a justification for the request.");
            }

            if (_entitlement.Requests.Exists(r => r.AssignmentId == assignment.Id && r.State == "pendingApproval"))
            {
                throw EntitlementError("The assignment already has an open extension request.");
            }

            (request.AccessPackageId, request.PolicyId, request.TargetId) = (assignment.AccessPackageId, assignment.PolicyId, assignment.TargetId);
            var end = EndFor(policy, request, Now, Now);
            if (end != null && assignment.EndDateTime != null && end <= assignment.EndDateTime)
            {
                throw EntitlementError("The extension must end after the assignment's current end.");
            }
        }

        private void PrepareRemove(SimulatedAssignmentRequest request)
        {
            var assignment = _entitlement.Assignments.Find(a => a.Id == request.AssignmentId)
                ?? throw EntitlementError($"The assignment '{request.AssignmentId}' was not found.");
            if (assignment.State == "expired")
            {
                throw EntitlementError("The assignment has already been removed or has expired.");
            }

            if (assignment.RemovalDueDateTime != null)
            {
                throw EntitlementError("The assignment is already being removed.");
            }

            if (request.RequestType == "userRemove" && assignment.TargetId != request.RequestorId)
            {
                throw EntitlementError("Users can remove only their own assignments.");
            }

            (request.AccessPackageId, request.PolicyId, request.TargetId) = (assignment.AccessPackageId, assignment.PolicyId, assignment.TargetId);
        }

        private SimulatedAccessPackage RequireAccessPackageForRequest(Guid id) =>
            _entitlement.AccessPackages.Find(p => p.Id == id) ?? throw EntitlementError("The access package was not found; accessPackageId is required.");

        /// <summary>The end an add or extension gets: the one asked for (within the policy's maximum), else the policy's own.</summary>
        private DateTimeOffset? EndFor(SimulatedAssignmentPolicy policy, SimulatedAssignmentRequest request, DateTimeOffset start, DateTimeOffset now)
        {
            DateTimeOffset? max = policy.ExpirationType switch
            {
                "afterDuration" => start + Duration(policy.ExpirationDuration!),
                "afterDateTime" => policy.ExpirationEndDateTime,
                _ => null,
            };
            DateTimeOffset? asked = request.RequestedEnd ?? (request.RequestedDuration != null ? start + Duration(request.RequestedDuration) : (DateTimeOffset?)null);
            if (asked == null)
            {
                return max;
            }

            if (asked <= now || asked <= start)
            {
                throw EntitlementError("The requested end date must be in the future.");
            }

            // A minute of slack: clients compute "start plus N days" a moment before the service does.
            if (max != null && asked > max.Value.AddMinutes(1))
            {
                throw EntitlementError($"The requested end date {asked:yyyy-MM-dd} is after the latest the policy allows ({max:yyyy-MM-dd}).");
            }

            return asked;
        }

        internal static TimeSpan Duration(string iso)
        {
            try
            {
                return XmlConvert.ToTimeSpan(iso);
            }
            catch (FormatException)
            {
                throw EntitlementError($"'{iso}' is not an ISO 8601 duration.");
            }
        }

        private bool IsAllowedTarget(SimulatedAssignmentPolicy policy, SimulatedUser user)
        {
            switch (policy.AllowedTargetScope)
            {
                case "allMemberUsers":
                    return string.Equals(user.UserType, "Member", StringComparison.OrdinalIgnoreCase);
                case "allDirectoryUsers":
                    return true;
                case "specificDirectoryUsers":
                    return policy.SpecificAllowedTargets.Any(t =>
                        (t.Type == "singleUser" && Matches(t.UserId, user.Id)) ||
                        (t.Type == "groupMembers" && Guid.TryParse(t.GroupId, out var g) && GroupById(g)?.MemberSet.Contains(user.Id) == true));
                default:
                    return false;
            }
        }

        private void StartStage(SimulatedAssignmentRequest request, SimulatedAssignmentPolicy policy, int index)
        {
            var settings = policy.Stages[index];
            var stage = request.ApprovalStages[index];
            var target = UserById(request.TargetId)!;
            var approvers = ResolveApprovers(settings.PrimaryApprovers, target);
            if (approvers.Count == 0)
            {
                approvers = ResolveApprovers(settings.FallbackPrimaryApprovers, target);
            }

            approvers.Remove(request.RequestorId ?? Guid.Empty);
            stage.Approvers = approvers;
            stage.Status = "InProgress";
            stage.StartedDateTime = Now;
            stage.DueDateTime = Now + Duration(settings.DurationBeforeAutomaticDenial);
            if (approvers.Count == 0)
            {
                // Nobody can decide (no manager and no fallback): Entra denies rather than leave the request waiting.
                Complete(request, "denied", "NoApproverFound");
                stage.Status = "Completed";
                stage.ReviewResult = "Deny";
                stage.ReviewedDateTime = Now;
            }
        }

        private List<Guid> ResolveApprovers(IEnumerable<SimulatedSubjectSet> sets, SimulatedUser target)
        {
            var ids = new List<Guid>();
            foreach (var set in sets)
            {
                switch (set.Type)
                {
                    case "singleUser" when Guid.TryParse(set.UserId, out var u) && UserById(u) != null:
                        ids.Add(u);
                        break;
                    case "groupMembers" when Guid.TryParse(set.GroupId, out var g) && GroupById(g) is SimulatedGroup group:
                        ids.AddRange(group.Members.Where(m => UserById(m) != null));
                        break;
                    case "requestorManager":
                        var manager = target.ManagerId;
                        for (var level = 1; level < (set.ManagerLevel ?? 1) && manager != null; level++)
                        {
                            manager = UserById(manager.Value)?.ManagerId;
                        }

                        if (manager != null && UserById(manager.Value) != null)
                        {
                            ids.Add(manager.Value);
                        }

                        break;
                }
            }

            return ids.Distinct().ToList();
        }

        internal SimulatedAssignmentRequest DecideStageCore(Guid requestId, Guid approverId, bool approve, string? justification)
        {
            var request = RequireRequest(requestId.ToString());
            if (request.State != "pendingApproval")
            {
                throw EntitlementError($"The request is {request.State}; only a request pending approval can be decided.");
            }

            var index = request.ApprovalStages.FindIndex(s => s.Status == "InProgress");
            var stage = request.ApprovalStages[index];
            if (!stage.Approvers.Contains(approverId))
            {
                throw new GraphServiceError(403, "Forbidden", "The caller is not an approver of the request's current stage.");
            }

            var policy = _entitlement.Policies.First(p => p.Id == request.PolicyId);
            if (policy.Stages[index].IsApproverJustificationRequired && string.IsNullOrWhiteSpace(justification))
            {
                throw EntitlementError("The policy requires the approver to give a justification.");
            }

            stage.ReviewResult = approve ? "Approve" : "Deny";
            stage.Status = "Completed";
            stage.ReviewedBy = approverId;
            stage.ReviewedDateTime = Now;
            stage.Justification = justification;
            if (!approve)
            {
                Complete(request, "denied", "Denied");
            }
            else if (index + 1 < request.ApprovalStages.Count)
            {
                StartStage(request, policy, index + 1);
            }
            else
            {
                Deliver(request);
            }

            return request;
        }

        internal SimulatedAssignmentRequest CancelRequestCore(SimulatedAssignmentRequest request)
        {
            if (request.State != "pendingApproval")
            {
                throw EntitlementError($"The request is {request.State} and can no longer be canceled.");
            }

            Complete(request, "canceled", "Canceled");
            return request;
        }

        internal void Complete(SimulatedAssignmentRequest request, string state, string status)
        {
            request.State = state;
            request.Status = status;
            request.CompletedDateTime = Now;
        }

        /// <summary>
        /// An accepted request starts its delivery: an add creates the assignment, delivering until its memberships are
        /// granted; a removal ends the assignment after the removal delay; an extension changes the end date at once.
        /// </summary>
        private void Deliver(SimulatedAssignmentRequest request)
        {
            var policy = _entitlement.Policies.Find(p => p.Id == request.PolicyId);
            switch (request.RequestType)
            {
                case "adminAdd":
                case "userAdd":
                    var start = request.ScheduleStart ?? Now;
                    var assignment = new SimulatedAssignment
                    {
                        Id = _newId(), AccessPackageId = request.AccessPackageId, PolicyId = request.PolicyId, TargetId = request.TargetId,
                        StartDateTime = start, EndDateTime = EndFor(policy!, request, start, Now - TimeSpan.FromMinutes(1)),
                    };
                    _entitlement.Assignments.Add(assignment);
                    request.AssignmentId = assignment.Id;
                    AccessPackageDelivery.Begin(assignment);
                    (request.State, request.Status) = ("delivering", "Delivering");
                    return;
                case "adminRemove":
                case "userRemove":
                    AccessPackageDelivery.BeginRemoval(_entitlement.Assignments.First(a => a.Id == request.AssignmentId), Now);
                    (request.State, request.Status) = ("delivering", "Delivering");
                    return;
                default:
                    var extended = _entitlement.Assignments.First(a => a.Id == request.AssignmentId);
                    if (extended.State != "delivered")
                    {
                        Complete(request, "deliveryFailed", "AssignmentExpired");
                        return;
                    }

                    extended.EndDateTime = EndFor(policy!, request, Now, Now - TimeSpan.FromMinutes(1));
                    Complete(request, "delivered", "Delivered");
                    return;
            }
        }

        /// <summary>The earliest approval stage that times out, stalled delivery retried, assignment reaching its end, or review starting or ending; or null.</summary>
        private DateTimeOffset? EntitlementNextDue()
        {
            var next = Earliest(AccessPackageDelivery.NextDateDue(), ReviewsNextDue());
            foreach (var request in _entitlement.Requests)
            {
                if (request.State == "pendingApproval")
                {
                    foreach (var stage in request.ApprovalStages)
                    {
                        if (stage.Status == "InProgress" && stage.DueDateTime != null && (next == null || stage.DueDateTime < next))
                        {
                            next = stage.DueDateTime;
                        }
                    }
                }
            }

            return next;
        }

        private void EntitlementStep(DateTimeOffset at)
        {
            foreach (var request in _entitlement.Requests.Where(r => r.State == "pendingApproval").ToList())
            {
                var stage = request.ApprovalStages.Find(s => s.Status == "InProgress");
                if (stage?.DueDateTime <= at)
                {
                    stage!.Status = "Completed";
                    stage.ReviewResult = "Deny";
                    stage.ReviewedDateTime = at;
                    Complete(request, "denied", "TimedOut");
                    Work.ApprovalTimeouts++;
                }
            }

            ReviewStep(at);
            AccessPackageDelivery.StepDates(at);
        }

        internal void LoadEntitlement(EntitlementState? state) => _entitlement = state ?? new EntitlementState();

        private void ValidatePolicyReferences(SimulatedAssignmentPolicy policy)
        {
            foreach (var set in policy.SpecificAllowedTargets.Concat(policy.Stages.SelectMany(s => s.PrimaryApprovers.Concat(s.FallbackPrimaryApprovers))))
            {
                if (set.Type == "singleUser" && (!Guid.TryParse(set.UserId, out var u) || UserById(u) == null))
                {
                    throw EntitlementError($"The user '{set.UserId}' of a singleUser subject set was not found in the directory.");
                }

                if (set.Type == "groupMembers" && (!Guid.TryParse(set.GroupId, out var g) || GroupById(g) == null))
                {
                    throw EntitlementError($"The group '{set.GroupId}' of a groupMembers subject set was not found in the directory.");
                }
            }
        }

        private static bool Matches(string? id, Guid value) => id != null && Guid.TryParse(id, out var g) && g == value;

        internal static GraphServiceError EntitlementError(string message) => new GraphServiceError(400, "BadRequest", message);
    }
}
