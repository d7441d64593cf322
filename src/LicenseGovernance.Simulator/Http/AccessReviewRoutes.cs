using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Entitlement;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// /identityGovernance/accessReviews: the review definitions access package policies create, their instances and
    /// decisions, each also as the signed-in reviewer's own view (filterByCurrentUser(on='reviewer')), and a reviewer's
    /// decision (PATCH, delegated only).
    /// </summary>
    internal static class AccessReviewRoutes
    {
        private const string Root = "/identityGovernance/accessReviews/definitions";
        private const string Mine = "filterByCurrentUser(on='reviewer')";

        public static Route? Match(string method, string[] s)
        {
            if (s.Length < 3 || s[1] != "accessReviews" || s[2] != "definitions")
            {
                return null;
            }

            return (method, s.Length) switch
            {
                ("GET", 3) => R("", c => List(c, st => st.Entitlement.Reviews, (w, x) => AccessReviewJson.WriteDefinition(w, x, c.Store))),
                ("GET", 4) when s[3] == Mine => R("/" + Mine, c => List(c, st => st.Entitlement.Reviews.Where(r => r.Instances.Any(i => Reviews(i, Reviewer(c)))),
                    (w, x) => AccessReviewJson.WriteDefinition(w, x, c.Store))),
                ("GET", 4) => R("/{id}", c => One(c, st => Definition(st, s[3]), (w, x) => AccessReviewJson.WriteDefinition(w, x, c.Store))),
                ("GET", 5) when s[4] == "instances" => R("/{id}/instances", c => List(c, st => Definition(st, s[3]).Instances, (w, x) => AccessReviewJson.WriteInstance(w, Definition(c.Store, s[3]), x, c.Store))),
                ("GET", 6) when s[4] == "instances" && s[5] == Mine => R("/{id}/instances/" + Mine,
                    c => List(c, st => Definition(st, s[3]).Instances.Where(i => Reviews(i, Reviewer(c))), (w, x) => AccessReviewJson.WriteInstance(w, Definition(c.Store, s[3]), x, c.Store))),
                ("GET", 6) when s[4] == "instances" => R("/{id}/instances/{id}", c => One(c, st => Instance(st, s[3], s[5]), (w, x) => AccessReviewJson.WriteInstance(w, Definition(c.Store, s[3]), x, c.Store))),
                ("GET", 7) when s[4] == "instances" && s[6] == "decisions" => R("/{id}/instances/{id}/decisions",
                    c => List(c, st => Instance(st, s[3], s[5]).Decisions, (w, x) => AccessReviewJson.WriteDecision(w, Definition(c.Store, s[3]), Instance(c.Store, s[3], s[5]), x, c.Store))),
                ("GET", 8) when s[4] == "instances" && s[6] == "decisions" && s[7] == Mine => R("/{id}/instances/{id}/decisions/" + Mine,
                    c => List(c, st => Instance(st, s[3], s[5]).Decisions.Where(d => d.Reviewers.Contains(Reviewer(c))),
                        (w, x) => AccessReviewJson.WriteDecision(w, Definition(c.Store, s[3]), Instance(c.Store, s[3], s[5]), x, c.Store))),
                ("GET", 8) when s[4] == "instances" && s[6] == "decisions" => R("/{id}/instances/{id}/decisions/{id}",
                    c => One(c, st => Decision(st, s[3], s[5], s[7]), (w, x) => AccessReviewJson.WriteDecision(w, Definition(c.Store, s[3]), Instance(c.Store, s[3], s[5]), x, c.Store))),
                ("PATCH", 8) when s[4] == "instances" && s[6] == "decisions" => R("/{id}/instances/{id}/decisions/{id}", c => Decide(c, s[3], s[5], s[7])),
                _ => null,
            };
        }

        private static Route R(string template, Func<RequestContext, SimResponse> handler) => new Route(Root + template, handler);

        private static bool Reviews(SimulatedReviewInstance instance, Guid reviewer) => instance.Decisions.Any(d => d.Reviewers.Contains(reviewer));

        /// <summary>The signed-in reviewer; the reviewer views are a user's own, so an application gets Graph's 403.</summary>
        private static Guid Reviewer(RequestContext ctx) =>
            (ctx.Token.UserPrincipalName == null ? null : ctx.Store.Read(() => ctx.Store.FindUserCore(ctx.Token.UserPrincipalName, null)?.Id))
                ?? throw new GraphServiceError(403, "Forbidden", "filterByCurrentUser and review decisions need a signed-in user (delegated permission).");

        private static SimulatedAccessReview Definition(TenantStore store, string id) =>
            store.Entitlement.Reviews.Find(r => string.Equals(r.Id.ToString(), id, StringComparison.OrdinalIgnoreCase)) ?? throw GraphServiceError.NotFound(id);

        private static SimulatedReviewInstance Instance(TenantStore store, string definition, string id) =>
            Definition(store, definition).Instances.Find(i => string.Equals(i.Id.ToString(), id, StringComparison.OrdinalIgnoreCase)) ?? throw GraphServiceError.NotFound(id);

        private static SimulatedReviewDecision Decision(TenantStore store, string definition, string instance, string id) =>
            Instance(store, definition, instance).Decisions.Find(d => string.Equals(d.Id.ToString(), id, StringComparison.OrdinalIgnoreCase)) ?? throw GraphServiceError.NotFound(id);

        private static SimResponse List<T>(RequestContext ctx, Func<TenantStore, IEnumerable<T>> items, Action<Utf8JsonWriter, T> write)
        {
            ctx.RequirePermission(Permissions.AccessReviewRead);
            return StoreResponses.Collection(ctx, items, (x, f) => null, new[] { "eq" }, write, ctx.Tenant.Options.EntitlementPageSize);
        }

        private static SimResponse One<T>(RequestContext ctx, Func<TenantStore, T> find, Action<Utf8JsonWriter, T> write)
        {
            ctx.RequirePermission(Permissions.AccessReviewRead);
            return StoreResponses.Entity(ctx, find, write);
        }

        /// <summary>"Update accessReviewInstanceDecisionItem" is delegated only: the caller must be a reviewer of the decision.</summary>
        private static SimResponse Decide(RequestContext ctx, string definition, string instance, string id)
        {
            ctx.RequirePermission(Permissions.AccessReviewWrite);
            var reviewer = Reviewer(ctx);
            using var doc = GraphJson.ParseBody(ctx.Request);
            var body = doc.RootElement;
            EntitlementJson.RequireObject(body, "accessReviewInstanceDecisionItem");
            var text = EntitlementJson.String(body, "decision");
            var value = new[] { "Approve", "Deny", "DontKnow", "NotReviewed" }.FirstOrDefault(d => string.Equals(d, text, StringComparison.OrdinalIgnoreCase))
                ?? throw new GraphServiceError(400, "InvalidModel", "The model is invalid.");
            ctx.Store.Write(() => ctx.Store.DecideReviewCore(Definition(ctx.Store, definition), Instance(ctx.Store, definition, instance), Decision(ctx.Store, definition, instance, id),
                reviewer, value, EntitlementJson.String(body, "justification")));
            return SimResponse.NoContent();
        }
    }
}
