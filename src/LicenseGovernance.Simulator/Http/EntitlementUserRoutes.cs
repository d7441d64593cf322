using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Entitlement;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// What entitlement management shows a signed-in user without an administrator role, as My Access reads it: the
    /// packages they may request and the requirements of those policies, their own requests and assignments, and the
    /// requests and approvals waiting for their decision (filterByCurrentUser, getApplicablePolicyRequirements, approvals).
    /// </summary>
    internal static class EntitlementUserRoutes
    {
        private const string Root = "/identityGovernance/entitlementManagement";

        public static Route? Match(string method, string[] s)
        {
            if (s.Length == 4 && method == "GET" && FilterOption(s[3]) is string on)
            {
                switch (s[2])
                {
                    case "accessPackages": return R("/accessPackages/filterByCurrentUser", c => Packages(c, on));
                    case "assignmentRequests": return R("/assignmentRequests/filterByCurrentUser", c => Requests(c, on));
                    case "assignments": return R("/assignments/filterByCurrentUser", c => Assignments(c, on));
                    case "accessPackageAssignmentApprovals": return R("/accessPackageAssignmentApprovals/filterByCurrentUser", c => Approvals(c, on));
                }
            }

            return (method, s.Length, s[2]) switch
            {
                ("POST", 5, "accessPackages") when s[4] == "getApplicablePolicyRequirements" => R("/accessPackages/{id}/getApplicablePolicyRequirements", c => Requirements(c, s[3])),
                ("GET", 4, "accessPackageAssignmentApprovals") => R("/accessPackageAssignmentApprovals/{id}",
                    c => Approval(c, s[3], (w, r, caller) => EntitlementJson.WriteApproval(w, r, c.Store, caller))),
                ("GET", 5, "accessPackageAssignmentApprovals") when s[4] == "stages" => R("/accessPackageAssignmentApprovals/{id}/stages", c => Stages(c, s[3])),
                _ => null,
            };
        }

        /// <summary>"filterByCurrentUser(on='target')" as the SDK sends it; null for any other segment.</summary>
        private static string? FilterOption(string segment)
        {
            const string prefix = "filterByCurrentUser(on=";
            if (!segment.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !segment.EndsWith(")", StringComparison.Ordinal))
            {
                return null;
            }

            return segment.Substring(prefix.Length, segment.Length - prefix.Length - 1).Trim('\'');
        }

        private static Route R(string template, Func<RequestContext, SimResponse> handler) => new Route(Root + template, handler);

        /// <summary>Graph documents these functions for delegated callers only; the option must be one Graph lists.</summary>
        private static Guid Caller(RequestContext ctx, string on, params string[] options)
        {
            ctx.RequirePermission(Permissions.EntitlementRead);
            if (!options.Contains(on, StringComparer.Ordinal))
            {
                throw new GraphServiceError(400, "BadRequest", $"'{on}' is not a valid value for the function parameter 'on'.");
            }

            return ctx.RequireSignedInUser();
        }

        private static SimResponse Packages(RequestContext ctx, string on)
        {
            var me = Caller(ctx, on, "allowedRequestor");
            if (EntitlementJson.Expands(ctx.Query.Expand, "assignmentPolicies"))
            {
                // A package's policies are an administrator's read, expanded or not.
                ctx.RequireEntitlementAdministrator();
            }

            return StoreResponses.Collection(ctx, st => st.RequestablePoliciesCore(me).Select(p => p.AccessPackageId).Distinct().Select(id => st.RequireAccessPackage(id.ToString())).ToList(),
                (p, f) => f == "displayname" ? p.DisplayName : f == "id" ? p.Id.ToString() : null, new[] { "eq" },
                (w, p) => EntitlementJson.WritePackage(w, p, ctx.Store, ctx.Query.Expand), ctx.Tenant.Options.EntitlementPageSize);
        }

        private static SimResponse Requests(RequestContext ctx, string on)
        {
            var me = Caller(ctx, on, "target", "createdBy", "approver");
            Func<SimulatedAssignmentRequest, bool> mine = on switch
            {
                "target" => r => r.TargetId == me,
                "createdBy" => r => r.RequestorId == me,
                _ => r => WaitsFor(r, me),
            };
            return StoreResponses.Collection(ctx, st => st.Entitlement.Requests.Where(mine).ToList(), EntitlementRoutes.RequestField, new[] { "eq" },
                (w, r) => EntitlementJson.WriteRequest(w, r, ctx.Store, ctx.Query.Expand), ctx.Tenant.Options.EntitlementPageSize);
        }

        private static SimResponse Assignments(RequestContext ctx, string on)
        {
            var me = Caller(ctx, on, "target", "createdBy");
            Func<TenantStore, IEnumerable<SimulatedAssignment>> mine = on == "target"
                ? st => st.Entitlement.Assignments.Where(a => a.TargetId == me).ToList()
                : st => st.Entitlement.Assignments.Where(a => st.Entitlement.Requests.Exists(r => r.RequestorId == me && r.AssignmentId == a.Id)).ToList();
            return StoreResponses.Collection(ctx, mine,
                (a, f) => f == "accesspackage/id" ? a.AccessPackageId.ToString() : f == "state" ? a.State : f == "id" ? a.Id.ToString() : null, new[] { "eq" },
                (w, a) => EntitlementJson.WriteAssignment(w, a, ctx.Store, ctx.Query.Expand), ctx.Tenant.Options.EntitlementPageSize);
        }

        private static SimResponse Approvals(RequestContext ctx, string on)
        {
            var me = Caller(ctx, on, "approver");
            return StoreResponses.Collection(ctx, st => st.Entitlement.Requests.Where(r => WaitsFor(r, me)).ToList(),
                (r, f) => f == "id" ? r.Id.ToString() : null, new[] { "eq" }, (w, r) => EntitlementJson.WriteApproval(w, r, ctx.Store, me), ctx.Tenant.Options.EntitlementPageSize);
        }

        /// <summary>One requirements object per policy the caller may request under (an empty collection when none), as v1.0 documents it.</summary>
        private static SimResponse Requirements(RequestContext ctx, string packageId)
        {
            ctx.RequirePermission(Permissions.EntitlementRead);
            var me = ctx.RequireSignedInUser();
            var policies = ctx.Store.Read(() =>
            {
                var package = ctx.Store.RequireAccessPackage(packageId);
                return ctx.Store.RequestablePoliciesCore(me).Where(p => p.AccessPackageId == package.Id).ToList();
            });
            return new SimResponse(200, GraphJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("value");
                foreach (var policy in policies)
                {
                    EntitlementJson.WriteRequirements(w, policy);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }

        /// <summary>
        /// An approval is read by the approvers of its stages, past and present, and by entitlement administrators; an
        /// application with the permission reads it too (a simplification: v1.0 lists no application permission for it).
        /// </summary>
        private static SimResponse Approval(RequestContext ctx, string requestId, Action<Utf8JsonWriter, SimulatedAssignmentRequest, Guid?> write)
        {
            ctx.RequirePermission(Permissions.EntitlementRead);
            var caller = ApprovalReader(ctx, requestId);
            return StoreResponses.Entity(ctx, st => st.RequireRequest(requestId), (w, r) => write(w, r, caller));
        }

        private static SimResponse Stages(RequestContext ctx, string requestId)
        {
            ctx.RequirePermission(Permissions.EntitlementRead);
            var caller = ApprovalReader(ctx, requestId);
            return StoreResponses.Collection(ctx, st => st.RequireRequest(requestId).ApprovalStages, (x, f) => null, new[] { "eq" },
                (w, x) => EntitlementJson.WriteStage(w, x, ctx.Store, caller), ctx.Tenant.Options.EntitlementPageSize);
        }

        private static Guid? ApprovalReader(RequestContext ctx, string requestId)
        {
            if (ctx.Token.UserPrincipalName == null)
            {
                return null;
            }

            var me = ctx.RequireSignedInUser();
            var approver = ctx.Store.Read(() => ctx.Store.Entitlement.Requests.Find(r => r.Id.ToString() == requestId.ToLowerInvariant())?.ApprovalStages.Exists(x => x.Approvers.Contains(me)) == true);
            if (!approver)
            {
                ctx.RequireEntitlementAdministrator();
            }

            return me;
        }

        /// <summary>A pending request whose current stage <paramref name="me"/> may decide: what on='approver' lists.</summary>
        private static bool WaitsFor(SimulatedAssignmentRequest r, Guid me) =>
            r.State == "pendingApproval" && r.ApprovalStages.Exists(x => x.Status == "InProgress" && x.Approvers.Contains(me));
    }
}
