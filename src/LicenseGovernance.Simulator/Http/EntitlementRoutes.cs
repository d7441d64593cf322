using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Entitlement;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>/identityGovernance/entitlementManagement: catalogs, resources, access packages, policies, requests, assignments, approvals.</summary>
    internal static class EntitlementRoutes
    {
        private const string Root = "/identityGovernance/entitlementManagement";

        public static Route? Match(string method, string[] s)
        {
            if (s.Length < 3 || s[1] != "entitlementManagement")
            {
                return null;
            }

            var mine = EntitlementUserRoutes.Match(method, s);
            if (mine != null)
            {
                return mine;
            }

            var n = s.Length;
            var key = (method, s[2], n);
            switch (key)
            {
                case ("GET", "catalogs", 3): return R("/catalogs", c => List(c, Permissions.EntitlementRead, st => st.Entitlement.Catalogs, CatalogField, (w, x) => EntitlementJson.WriteCatalog(w, x)));
                case ("POST", "catalogs", 3): return R("/catalogs", CreateCatalog);
                case ("GET", "catalogs", 4): return R("/catalogs/{id}", c => One(c, Permissions.EntitlementRead, st => st.RequireCatalog(s[3]), (w, x) => EntitlementJson.WriteCatalog(w, x)));
                case ("GET", "catalogs", 5) when s[4] == "resources":
                    return R("/catalogs/{id}/resources", c => List(c, Permissions.EntitlementRead, st => st.Entitlement.Resources.Where(r => r.CatalogId == st.RequireCatalog(s[3]).Id),
                        (r, f) => f == "originid" ? r.OriginId.ToString() : f == "displayname" ? r.DisplayName : null,
                        (w, x) => EntitlementJson.WriteResource(w, x, EntitlementJson.Expands(c.Query.Expand, "roles"), EntitlementJson.Expands(c.Query.Expand, "scopes"))));
                case ("GET", "catalogs", 5) when s[4] == "accessPackages":
                    return R("/catalogs/{id}/accessPackages", c => List(c, Permissions.EntitlementRead, st => st.Entitlement.AccessPackages.Where(p => p.CatalogId == st.RequireCatalog(s[3]).Id),
                        PackageField, (w, x) => EntitlementJson.WritePackage(w, x, c.Store, c.Query.Expand)));
                case ("POST", "resourceRequests", 3): return R("/resourceRequests", CreateResourceRequest);
                case ("GET", "accessPackages", 3):
                    return R("/accessPackages", c => List(c, Permissions.EntitlementRead, st => st.Entitlement.AccessPackages, PackageField, (w, x) => EntitlementJson.WritePackage(w, x, c.Store, c.Query.Expand)));
                case ("POST", "accessPackages", 3): return R("/accessPackages", CreatePackage);
                case ("GET", "accessPackages", 4):
                    return R("/accessPackages/{id}", c => One(c, Permissions.EntitlementRead, st => st.RequireAccessPackage(s[3]), (w, x) => EntitlementJson.WritePackage(w, x, c.Store, c.Query.Expand)));
                case ("PATCH", "accessPackages", 4): return R("/accessPackages/{id}", c => UpdatePackage(c, s[3]));
                case ("DELETE", "accessPackages", 4): return R("/accessPackages/{id}", c => Change(c, st => st.DeleteAccessPackageCore(st.RequireAccessPackage(s[3]))));
                case ("GET", "accessPackages", 5) when s[4] == "resourceRoleScopes":
                    return R("/accessPackages/{id}/resourceRoleScopes", c => List(c, Permissions.EntitlementRead, st => st.RequireAccessPackage(s[3]).RoleScopes, (x, f) => null, (w, x) => EntitlementJson.WriteRoleScope(w, x, c.Store)));
                case ("POST", "accessPackages", 5) when s[4] == "resourceRoleScopes": return R("/accessPackages/{id}/resourceRoleScopes", c => AddRoleScope(c, s[3]));
                case ("DELETE", "accessPackages", 6) when s[4] == "resourceRoleScopes":
                    return R("/accessPackages/{id}/resourceRoleScopes/{id}", c => Change(c, st =>
                    {
                        var package = st.RequireAccessPackage(s[3]);
                        var scope = package.RoleScopes.Find(x => string.Equals(x.Id, s[5], StringComparison.OrdinalIgnoreCase)) ?? throw GraphServiceError.NotFound(s[5]);
                        if (st.Entitlement.Assignments.Exists(a => a.AccessPackageId == package.Id && a.State == "delivered"))
                        {
                            throw TenantStore.EntitlementError("The access package has delivered assignments; remove them before removing its resource roles.");
                        }

                        package.RoleScopes.Remove(scope);
                    }));
                case ("GET", "accessPackages", 5) when s[4] == "assignmentPolicies":
                    return R("/accessPackages/{id}/assignmentPolicies", c => List(c, Permissions.EntitlementRead, st => st.Entitlement.Policies.Where(p => p.AccessPackageId == st.RequireAccessPackage(s[3]).Id),
                        PolicyField, (w, x) => EntitlementJson.WritePolicy(w, x, c.Store, c.Query.Expand)));
                case ("GET", "assignmentPolicies", 3):
                    return R("/assignmentPolicies", c => List(c, Permissions.EntitlementRead, st => st.Entitlement.Policies, PolicyField, (w, x) => EntitlementJson.WritePolicy(w, x, c.Store, c.Query.Expand)));
                case ("POST", "assignmentPolicies", 3): return R("/assignmentPolicies", CreatePolicy);
                case ("GET", "assignmentPolicies", 4):
                    return R("/assignmentPolicies/{id}", c => One(c, Permissions.EntitlementRead, st => st.RequirePolicy(s[3]), (w, x) => EntitlementJson.WritePolicy(w, x, c.Store, c.Query.Expand)));
                case ("PUT", "assignmentPolicies", 4): return R("/assignmentPolicies/{id}", c => ReplacePolicy(c, s[3]));
                case ("DELETE", "assignmentPolicies", 4): return R("/assignmentPolicies/{id}", c => Change(c, st => st.DeletePolicyCore(st.RequirePolicy(s[3]))));
                case ("GET", "assignmentRequests", 3):
                    return R("/assignmentRequests", c => List(c, Permissions.EntitlementRead, st => st.Entitlement.Requests, RequestField, (w, x) => EntitlementJson.WriteRequest(w, x, c.Store, c.Query.Expand)));
                case ("POST", "assignmentRequests", 3): return R("/assignmentRequests", CreateRequest);
                case ("GET", "assignmentRequests", 4):
                    return R("/assignmentRequests/{id}", c => One(c, Permissions.EntitlementRead, st => st.RequireRequest(s[3]), (w, x) => EntitlementJson.WriteRequest(w, x, c.Store, c.Query.Expand)));
                case ("POST", "assignmentRequests", 5) when s[4] == "cancel":
                    return R("/assignmentRequests/{id}/cancel", c => Change(c, st => st.CancelRequestCore(st.RequireRequest(s[3]))));
                case ("GET", "assignments", 3):
                    return R("/assignments", c => List(c, Permissions.EntitlementRead, st => st.Entitlement.Assignments, AssignmentField, (w, x) => EntitlementJson.WriteAssignment(w, x, c.Store, c.Query.Expand)));
                case ("GET", "assignments", 4):
                    return R("/assignments/{id}", c => One(c, Permissions.EntitlementRead,
                        st => st.Entitlement.Assignments.Find(a => a.Id.ToString() == s[3].ToLowerInvariant()) ?? throw GraphServiceError.NotFound(s[3]),
                        (w, x) => EntitlementJson.WriteAssignment(w, x, c.Store, c.Query.Expand)));
                case ("PATCH", "accessPackageAssignmentApprovals", 6) when s[4] == "stages":
                    return R("/accessPackageAssignmentApprovals/{id}/stages/{id}", c => DecideStage(c, s[3], s[5]));
                default:
                    return null;
            }
        }

        private static Route R(string template, Func<RequestContext, SimResponse> handler) => new Route(Root + template, handler);

        private static Guid? Caller(RequestContext ctx) =>
            ctx.Token.UserPrincipalName == null ? (Guid?)null : ctx.Store.Read(() => ctx.Store.FindUserCore(ctx.Token.UserPrincipalName, null)?.Id);

        private static SimResponse List<T>(RequestContext ctx, string[] permission, Func<TenantStore, IEnumerable<T>> items, Func<T, string, string?> field, Action<Utf8JsonWriter, T> write)
        {
            ctx.RequirePermission(permission);
            ctx.RequireEntitlementAdministrator();
            return StoreResponses.Collection(ctx, items, field, new[] { "eq" }, write, ctx.Tenant.Options.EntitlementPageSize);
        }

        private static SimResponse One<T>(RequestContext ctx, string[] permission, Func<TenantStore, T> find, Action<Utf8JsonWriter, T> write)
        {
            ctx.RequirePermission(permission);
            ctx.RequireEntitlementAdministrator();
            return StoreResponses.Entity(ctx, find, write);
        }

        private static SimResponse Change(RequestContext ctx, Action<TenantStore> change)
        {
            ctx.RequirePermission(Permissions.EntitlementWrite);
            ctx.RequireEntitlementAdministrator();
            return StoreResponses.Changed(ctx, change);
        }

        /// <summary>Creates as an administrator; <see cref="CreateRequest"/> checks the caller's right itself, since a user's own request needs no role.</summary>
        private static SimResponse Created<T>(RequestContext ctx, Func<JsonElement, TenantStore, T> create, Action<Utf8JsonWriter, T> write, params string[][] extraPermissions) =>
            Created(ctx, true, create, write, extraPermissions);

        private static SimResponse Created<T>(RequestContext ctx, bool administrator, Func<JsonElement, TenantStore, T> create, Action<Utf8JsonWriter, T> write, params string[][] extraPermissions)
        {
            ctx.RequirePermission(Permissions.EntitlementWrite);
            if (administrator)
            {
                ctx.RequireEntitlementAdministrator();
            }

            foreach (var extra in extraPermissions)
            {
                ctx.RequirePermission(extra);
            }

            using var doc = GraphJson.ParseBody(ctx.Request);
            EntitlementJson.RequireObject(doc.RootElement, "entity");
            var store = ctx.Store;
            return store.Write(() =>
            {
                var item = create(doc.RootElement, store);
                return new SimResponse(201, GraphJson.Write(w => write(w, item)));
            });
        }

        private static SimResponse CreateCatalog(RequestContext ctx) => Created(ctx, (b, st) => st.CreateCatalogCore(new SimulatedCatalog
        {
            DisplayName = EntitlementJson.String(b, "displayName") ?? "",
            Description = EntitlementJson.String(b, "description"),
            IsExternallyVisible = EntitlementJson.Bool(b, "isExternallyVisible"),
        }), (w, x) => EntitlementJson.WriteCatalog(w, x));

        /// <summary>Adding a group to a catalog: app-only callers also need Group.ReadWrite.All (graph-contract §5.2).</summary>
        private static SimResponse CreateResourceRequest(RequestContext ctx)
        {
            var extra = ctx.Token.UserPrincipalName == null ? new[] { Permissions.GroupWrite } : Array.Empty<string[]>();
            return Created(ctx, (b, st) =>
            {
                var type = EntitlementJson.Enum(b, "requestType", new[] { "adminAdd", "adminUpdate", "adminRemove" }) ?? throw TenantStore.EntitlementError("requestType is required.");
                var catalogId = b.TryGetProperty("catalog", out var catalog) && catalog.ValueKind == JsonValueKind.Object && Guid.TryParse(EntitlementJson.String(catalog, "id"), out var c) ? c
                    : throw TenantStore.EntitlementError("The resource request must name its catalog ({\"id\": ...}).");
                if (!b.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
                {
                    throw TenantStore.EntitlementError("The resource request must describe its resource (originId, originSystem).");
                }

                var resourceId = EntitlementJson.String(resource, "id");
                var originId = EntitlementJson.String(resource, "originId");
                if (type == "adminRemove")
                {
                    st.RemoveCatalogResourceCore(catalogId, resourceId, originId);
                }
                else if (type == "adminAdd")
                {
                    st.AddCatalogResourceCore(catalogId, originId ?? throw TenantStore.EntitlementError("The resource's originId is required."), EntitlementJson.String(resource, "originSystem"));
                }

                return (Id: st.NewId(), Type: type);
            }, (w, x) =>
            {
                w.WriteStartObject();
                w.WriteString("id", x.Id.ToString());
                w.WriteString("requestType", x.Type);
                w.WriteString("state", "delivered");
                w.WriteEndObject();
            }, extra);
        }

        private static SimResponse CreatePackage(RequestContext ctx) => Created(ctx, (b, st) => st.CreateAccessPackageCore(new SimulatedAccessPackage
        {
            DisplayName = EntitlementJson.String(b, "displayName") ?? "",
            Description = EntitlementJson.String(b, "description"),
            IsHidden = EntitlementJson.Bool(b, "isHidden"),
            CatalogId = b.TryGetProperty("catalog", out var catalog) && catalog.ValueKind == JsonValueKind.Object && Guid.TryParse(EntitlementJson.String(catalog, "id"), out var c) ? c
                : throw TenantStore.EntitlementError("The access package must name its catalog ({\"id\": ...})."),
        }), (w, x) => EntitlementJson.WritePackage(w, x, ctx.Store, null));

        private static SimResponse UpdatePackage(RequestContext ctx, string id)
        {
            ctx.RequirePermission(Permissions.EntitlementWrite);
            ctx.RequireEntitlementAdministrator();
            using var doc = GraphJson.ParseBody(ctx.Request);
            var body = doc.RootElement;
            EntitlementJson.RequireObject(body, "accessPackage");
            ctx.Store.Write(() =>
            {
                var package = ctx.Store.RequireAccessPackage(id);
                if (body.TryGetProperty("displayName", out _))
                {
                    package.DisplayName = EntitlementJson.String(body, "displayName") is string name && name.Trim().Length > 0 ? name : throw TenantStore.EntitlementError("displayName cannot be empty.");
                }

                if (body.TryGetProperty("description", out _))
                {
                    package.Description = EntitlementJson.String(body, "description");
                }

                if (body.TryGetProperty("isHidden", out _))
                {
                    package.IsHidden = EntitlementJson.Bool(body, "isHidden");
                }

                package.ModifiedDateTime = ctx.Store.Now;
                return 0;
            });
            return SimResponse.NoContent();
        }

        private static SimResponse AddRoleScope(RequestContext ctx, string packageId) => Created(ctx, (b, st) =>
        {
            var package = st.RequireAccessPackage(packageId);
            if (!b.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.Object || !b.TryGetProperty("scope", out var scope) || scope.ValueKind != JsonValueKind.Object)
            {
                throw TenantStore.EntitlementError("A resource role scope needs both a role and a scope.");
            }

            return st.AddRoleScopeCore(package, EntitlementJson.String(role, "id"), EntitlementJson.String(role, "originId"), EntitlementJson.String(scope, "id"), EntitlementJson.String(scope, "originId"));
        }, (w, x) => EntitlementJson.WriteRoleScope(w, x, ctx.Store));

        private static SimResponse CreatePolicy(RequestContext ctx) =>
            Created(ctx, (b, st) => st.CreatePolicyCore(EntitlementJson.ReadPolicy(b, requirePackage: true)), (w, x) => EntitlementJson.WritePolicy(w, x, ctx.Store, null));

        private static SimResponse ReplacePolicy(RequestContext ctx, string id)
        {
            ctx.RequirePermission(Permissions.EntitlementWrite);
            ctx.RequireEntitlementAdministrator();
            using var doc = GraphJson.ParseBody(ctx.Request);
            var replacement = EntitlementJson.ReadPolicy(doc.RootElement, requirePackage: false);
            var store = ctx.Store;
            return store.Write(() =>
            {
                var policy = store.ReplacePolicyCore(store.RequirePolicy(id), replacement);
                return new SimResponse(200, GraphJson.Write(w => EntitlementJson.WritePolicy(w, policy, store, null)));
            });
        }

        private static SimResponse CreateRequest(RequestContext ctx)
        {
            var caller = Caller(ctx);
            return Created(ctx, false, (b, st) =>
            {
                var type = RequestType(b);
                if (type.StartsWith("user", StringComparison.Ordinal) && caller == null)
                {
                    throw TenantStore.EntitlementError($"A {type} request is made by the signed-in user; an application cannot make it.");
                }

                if (!type.StartsWith("user", StringComparison.Ordinal))
                {
                    ctx.RequireEntitlementAdministrator();
                }

                if (!b.TryGetProperty("assignment", out var assignment) || assignment.ValueKind != JsonValueKind.Object)
                {
                    throw InvalidModel();
                }

                var request = new SimulatedAssignmentRequest
                {
                    RequestType = type,
                    RequestorId = caller,
                    Justification = EntitlementJson.String(b, "justification"),
                    AccessPackageId = GuidOf(assignment, "accessPackageId") ?? Guid.Empty,
                    PolicyId = GuidOf(assignment, "assignmentPolicyId") ?? Guid.Empty,
                    TargetId = type.StartsWith("user", StringComparison.Ordinal) ? caller!.Value : GuidOf(assignment, "targetId") ?? Guid.Empty,
                    AssignmentId = GuidOf(assignment, "id"),
                };
                if (type == "adminAdd" && request.TargetId == Guid.Empty)
                {
                    throw TenantStore.EntitlementError("An adminAdd request needs assignment.targetId.");
                }

                if ((type.EndsWith("Remove", StringComparison.Ordinal) || type.EndsWith("Update", StringComparison.Ordinal) || type == "userExtend") && request.AssignmentId == null)
                {
                    throw TenantStore.EntitlementError($"A {type} request needs the assignment's id.");
                }

                if (b.TryGetProperty("schedule", out var schedule) && schedule.ValueKind == JsonValueKind.Object)
                {
                    request.ScheduleStart = EntitlementJson.Date(schedule, "startDateTime");
                    if (schedule.TryGetProperty("expiration", out var expiration) && expiration.ValueKind == JsonValueKind.Object)
                    {
                        EntitlementJson.ReadExpiration(expiration, out var expType, out var duration, out var end);
                        (request.RequestedEnd, request.RequestedDuration) = expType == "noExpiration" ? (null, null) : (end, duration);
                    }
                }

                return st.SubmitRequestCore(request);
            }, (w, x) =>
            {
                // The response shows the request as it was accepted, its schedule echoed; its progress is read back with GET.
                w.WriteStartObject();
                w.WriteString("id", x.Id.ToString());
                w.WriteString("requestType", x.RequestType);
                w.WriteString("state", "submitted");
                w.WriteString("status", "Accepted");
                w.WriteString("createdDateTime", GraphJson.Date(x.CreatedDateTime));
                w.WriteNull("completedDateTime");
                if (x.Justification != null)
                {
                    w.WriteString("justification", x.Justification);
                }

                EntitlementJson.WriteRequestSchedule(w, x);
                w.WriteEndObject();
            });
        }

        private static readonly string[] RequestTypes = { "adminAdd", "adminUpdate", "adminRemove", "userAdd", "userUpdate", "userExtend", "userRemove" };

        /// <summary>
        /// Graph reads enum values without regard to case (its own examples send "UserAdd" and "AdminAdd", and the v1.0
        /// resource lists "UserExtend"); the request keeps the canonical camelCase. A missing or unknown type fails model binding.
        /// </summary>
        private static string RequestType(JsonElement body)
        {
            var text = body.TryGetProperty("requestType", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return RequestTypes.FirstOrDefault(t => string.Equals(t, text, StringComparison.OrdinalIgnoreCase)) ?? throw InvalidModel();
        }

        /// <summary>What Graph answers when a body does not bind to the entity (a missing or unknown enum value, a missing object).</summary>
        private static GraphServiceError InvalidModel() => new GraphServiceError(400, "InvalidModel", "The model is invalid.");

        /// <summary>Approval decisions are delegated-only in Graph: the signed-in user must be an approver of the current stage.</summary>
        private static SimResponse DecideStage(RequestContext ctx, string requestId, string stageId)
        {
            ctx.RequirePermission(Permissions.EntitlementWrite);
            var caller = Caller(ctx) ?? throw new GraphServiceError(403, "Forbidden", "Approval decisions need a signed-in user (delegated permission).");
            using var doc = GraphJson.ParseBody(ctx.Request);
            var body = doc.RootElement;
            EntitlementJson.RequireObject(body, "approvalStage");
            var text = EntitlementJson.String(body, "reviewResult");
            var result = new[] { "Approve", "Deny" }.FirstOrDefault(r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase)) ?? throw InvalidModel();
            ctx.Store.Write(() =>
            {
                var request = ctx.Store.RequireRequest(requestId);
                var stage = request.ApprovalStages.Find(x => x.Id.ToString() == stageId.ToLowerInvariant()) ?? throw GraphServiceError.NotFound(stageId);
                if (stage.Status != "InProgress")
                {
                    throw TenantStore.EntitlementError($"The stage is {stage.Status} and cannot be decided.");
                }

                return ctx.Store.DecideStageCore(request.Id, caller, result == "Approve", EntitlementJson.String(body, "justification"));
            });
            return SimResponse.NoContent();
        }

        private static Guid? GuidOf(JsonElement parent, string name) => Guid.TryParse(EntitlementJson.String(parent, name), out var g) ? g : (Guid?)null;

        private static string? CatalogField(SimulatedCatalog c, string field) => field == "displayname" ? c.DisplayName : field == "id" ? c.Id.ToString() : null;

        private static string? PackageField(SimulatedAccessPackage p, string field) =>
            field == "displayname" ? p.DisplayName : field == "id" ? p.Id.ToString() : field == "catalog/id" ? p.CatalogId.ToString() : null;

        private static string? PolicyField(SimulatedAssignmentPolicy p, string field) =>
            field == "accesspackage/id" ? p.AccessPackageId.ToString() : field == "id" ? p.Id.ToString() : field == "displayname" ? p.DisplayName : null;

        internal static string? RequestField(SimulatedAssignmentRequest r, string field) => field switch
        {
            "state" => r.State,
            "requesttype" => r.RequestType,
            "accesspackage/id" => r.AccessPackageId.ToString(),
            "id" => r.Id.ToString(),
            _ => null,
        };

        private static string? AssignmentField(SimulatedAssignment a, string field) => field switch
        {
            "state" => a.State,
            "accesspackage/id" => a.AccessPackageId.ToString(),
            "assignmentpolicy/id" => a.PolicyId.ToString(),
            "target/objectid" => a.TargetId.ToString(),
            "id" => a.Id.ToString(),
            _ => null,
        };
    }
}
