using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>
    /// The access reviews tier package policies create, read as Graph exposes them (accessReviews/definitions scoped to a
    /// package's assignments, their instances and decisions), whole for an administrator or, for a reviewer, through
    /// Graph's own views of what is theirs (filterByCurrentUser(on='reviewer')); and a reviewer's decision.
    /// </summary>
    internal static class TierAccessReviewService
    {
        private const string Read = "ReadAccessReviews";
        private const string Reviewer = "reviewer";
        private static readonly Regex PackageInScope = new Regex(@"accessPackageId eq '([0-9a-fA-F-]{36})'", RegexOptions.CultureInvariant);

        public static async Task GetAsync(GraphSession session, GetTierAccessReviewRequest request, IGovernanceSink sink)
        {
            var mine = request.AssignedToMe || request.As != null;
            var packages = mine ? null : await TierPackagesAsync(session, request, sink.Cancellation).ConfigureAwait(false);
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var definition in await DefinitionsAsync(session, mine, sink.Cancellation).ConfigureAwait(false))
            {
                var packageId = PackageOf(definition);
                if (packageId == null || (packages != null && !packages.ContainsKey(packageId)))
                {
                    continue;
                }

                foreach (var instance in await InstancesAsync(session, definition.Id!, mine, sink.Cancellation).ConfigureAwait(false))
                {
                    if (request.InstanceId != null && !string.Equals(instance.Id, request.InstanceId.ToString(), StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var decisions = await DecisionsAsync(session, definition.Id!, instance.Id!, mine, sink.Cancellation).ConfigureAwait(false);
                    var package = packages != null ? packages[packageId] : PackageName(decisions) ?? packageId;
                    if (!mine || request.Tier == null || request.Tier.Length == 0 || request.Tier.Any(t => WildcardPattern.IsMatch(t, package)))
                    {
                        await WriteAsync(session, request.Decisions, package, packageId, definition, instance, decisions, names, sink).ConfigureAwait(false);
                    }
                }
            }
        }

        private static async Task WriteAsync(GraphSession session, bool decisions, string package, string packageId, AccessReviewScheduleDefinition definition, AccessReviewInstance instance,
            List<AccessReviewInstanceDecisionItem> items, Dictionary<string, string> names, IGovernanceSink sink)
        {
            if (decisions)
            {
                foreach (var item in items)
                {
                    sink.WriteObject(Describe(package, definition.Id!, instance, item));
                }

                return;
            }

            var review = new TierAccessReview
            {
                AccessPackage = package, AccessPackageId = Guid.Parse(packageId), DefinitionId = Guid.Parse(definition.Id!), InstanceId = Guid.Parse(instance.Id!),
                StartDateTime = instance.StartDateTime, EndDateTime = instance.EndDateTime, Status = instance.Status ?? "",
                Approved = items.Count(d => d.Decision == "Approve"), Denied = items.Count(d => d.Decision == "Deny"),
                NotReviewed = items.Count(d => d.Decision != "Approve" && d.Decision != "Deny"),
            };
            foreach (var scope in instance.Reviewers ?? new List<AccessReviewReviewerScope>())
            {
                review.Reviewers.Add(await ReviewerNameAsync(session, scope.Query, names, sink.Cancellation).ConfigureAwait(false));
            }

            sink.WriteObject(review);
        }

        public static async Task<TierAccessReviewDecisionPlan> PlanDecisionAsync(GraphSession session, TierAccessReviewDecisionRequest request, CancellationToken cancellation)
        {
            if (session.AppOnly)
            {
                throw Errors.DelegatedSignInRequired("Set-TierAccessReviewDecision", "Graph records an access review decision only for a signed-in reviewer of it; an application cannot decide.").ToException();
            }

            var decision = new[] { "Approve", "Deny" }.FirstOrDefault(d => string.Equals(d, request.Decision, StringComparison.OrdinalIgnoreCase))
                ?? throw Errors.AccessPackageSettingInvalid("-Decision", $"'{request.Decision}' is not Approve or Deny.").ToException();
            var reviewer = session.Context.Account ?? session.Claims?.UserPrincipalName ?? "";
            var definition = request.DefinitionId.ToString();
            var instance = (await InstancesAsync(session, definition, mine: true, cancellation).ConfigureAwait(false)).FirstOrDefault(i => string.Equals(i.Id, request.InstanceId.ToString(), StringComparison.OrdinalIgnoreCase));
            var item = instance == null ? null : (await DecisionsAsync(session, definition, instance.Id!, mine: true, cancellation).ConfigureAwait(false))
                .FirstOrDefault(d => string.Equals(d.Id, request.DecisionId.ToString(), StringComparison.OrdinalIgnoreCase));
            if (instance == null || item == null)
            {
                throw Errors.AccessReviewDecisionNotFound(reviewer, request.DecisionId.ToString()).ToException();
            }

            if (!string.Equals(instance.Status, "InProgress", StringComparison.OrdinalIgnoreCase))
            {
                throw Errors.AccessReviewNotInProgress(instance.Id!, instance.Status ?? "unknown").ToException();
            }

            return new TierAccessReviewDecisionPlan
            {
                DefinitionId = request.DefinitionId, InstanceId = request.InstanceId, DecisionId = request.DecisionId, Decision = decision,
                PreviousDecision = item.Decision == "NotReviewed" ? null : item.Decision, UserPrincipalName = (item.Principal as UserIdentity)?.UserPrincipalName ?? item.Principal?.DisplayName,
                AccessPackage = PackageName(new List<AccessReviewInstanceDecisionItem> { item }) ?? "", Justification = request.Justification, Reviewer = reviewer, As = request.As,
                ReviewEndDateTime = instance.EndDateTime, Body = AccessPackageAssignmentWriter.Json(AccessReviewDecisionWriter.Body(decision, request.Justification)),
            };
        }

        public static async Task<TierAccessReviewDecision> ApplyDecisionAsync(GraphSession session, TierAccessReviewDecisionPlan plan, JournalScope journal, CancellationToken cancellation)
        {
            await AccessReviewDecisionWriter.DecideAsync(session, journal, plan.DefinitionId, plan.InstanceId, plan.DecisionId, plan.UserPrincipalName, plan.Decision, plan.Justification, cancellation).ConfigureAwait(false);
            var instance = (await InstancesAsync(session, plan.DefinitionId.ToString(), mine: true, cancellation).ConfigureAwait(false)).First(i => string.Equals(i.Id, plan.InstanceId.ToString(), StringComparison.OrdinalIgnoreCase));
            var item = (await DecisionsAsync(session, plan.DefinitionId.ToString(), plan.InstanceId.ToString(), mine: true, cancellation).ConfigureAwait(false))
                .First(d => string.Equals(d.Id, plan.DecisionId.ToString(), StringComparison.OrdinalIgnoreCase));
            return Describe(plan.AccessPackage, plan.DefinitionId.ToString(), instance, item);
        }

        private static TierAccessReviewDecision Describe(string package, string definitionId, AccessReviewInstance instance, AccessReviewInstanceDecisionItem item) => new TierAccessReviewDecision
        {
            AccessPackage = package, DefinitionId = Guid.Parse(definitionId), InstanceId = Guid.Parse(instance.Id!), DecisionId = Guid.Parse(item.Id!),
            UserId = Guid.TryParse(item.Principal?.Id, out var user) ? user : (Guid?)null, UserPrincipalName = (item.Principal as UserIdentity)?.UserPrincipalName ?? item.Principal?.DisplayName,
            Decision = item.Decision ?? "NotReviewed", Recommendation = item.Recommendation, Justification = item.Justification,
            ReviewedBy = item.ReviewedBy?.UserPrincipalName ?? item.ReviewedBy?.DisplayName, ReviewedDateTime = item.ReviewedDateTime,
            ApplyResult = item.ApplyResult, AppliedDateTime = item.AppliedDateTime, ReviewEndDateTime = instance.EndDateTime,
        };

        /// <summary>The catalog's packages that match -Tier (by package or tier group name), by id; an administrator's view.</summary>
        private static async Task<Dictionary<string, string>> TierPackagesAsync(GraphSession session, GetTierAccessReviewRequest request, CancellationToken cancellation)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var catalog = await AccessPackageDirectory.FindCatalogAsync(session, request.Catalog, cancellation).ConfigureAwait(false);
            if (catalog == null)
            {
                return result;
            }

            var tiers = await TierGroupDirectory.ListTiersAsync(session, cancellation).ConfigureAwait(false);
            foreach (var package in await AccessPackageDirectory.PackagesAsync(session, catalog.Id!, cancellation).ConfigureAwait(false))
            {
                var group = tiers.FirstOrDefault(t => AccessPackageDirectory.MemberGroups(package).Contains(t.Group.Id!.ToLowerInvariant()))?.Name;
                if (request.Tier == null || request.Tier.Length == 0 || request.Tier.Any(t => WildcardPattern.IsMatch(t, package.DisplayName ?? "") || (group != null && WildcardPattern.IsMatch(t, group))))
                {
                    result[package.Id!] = package.DisplayName ?? package.Id!;
                }
            }

            return result;
        }

        /// <summary>An access package review's scope is a query over the package's assignments; the package id is read from it.</summary>
        private static string? PackageOf(AccessReviewScheduleDefinition definition) =>
            definition.Scope is AccessReviewQueryScope scope && scope.Query != null && PackageInScope.Match(scope.Query) is Match m && m.Success ? m.Groups[1].Value : null;

        private static string? PackageName(IEnumerable<AccessReviewInstanceDecisionItem> items) =>
            items.Select(d => d.Resource as AccessReviewInstanceDecisionItemAccessPackageAssignmentPolicyResource).FirstOrDefault(r => r != null)?.AccessPackageDisplayName;

        private static async Task<string> ReviewerNameAsync(GraphSession session, string? query, Dictionary<string, string> names, CancellationToken cancellation)
        {
            var id = query?.StartsWith("/users/", StringComparison.OrdinalIgnoreCase) == true ? query.Substring(7) : query ?? "";
            if (!names.TryGetValue(id, out var name))
            {
                name = (await AccessPackageDirectory.FindUserAsync(session, id, cancellation).ConfigureAwait(false))?.UserPrincipalName ?? id;
                names[id] = name;
            }

            return name;
        }

        private static async Task<List<AccessReviewScheduleDefinition>> DefinitionsAsync(GraphSession session, bool mine, CancellationToken cancellation)
        {
            if (mine)
            {
                var page = await session.CallAsync("list my access reviews", Read, c => c.IdentityGovernance.AccessReviews.Definitions.FilterByCurrentUserWithOn(Reviewer).GetAsFilterByCurrentUserWithOnGetResponseAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
                return await GraphPages.AllAsync<AccessReviewScheduleDefinition, Microsoft.Graph.IdentityGovernance.AccessReviews.Definitions.FilterByCurrentUserWithOn.FilterByCurrentUserWithOnGetResponse>(session, "list my access reviews", Read, page, cancellation).ConfigureAwait(false);
            }

            var all = await session.CallAsync("list access reviews", Read, c => c.IdentityGovernance.AccessReviews.Definitions.GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            return await GraphPages.AllAsync<AccessReviewScheduleDefinition, AccessReviewScheduleDefinitionCollectionResponse>(session, "list access reviews", Read, all, cancellation).ConfigureAwait(false);
        }

        private static async Task<List<AccessReviewInstance>> InstancesAsync(GraphSession session, string definitionId, bool mine, CancellationToken cancellation)
        {
            var operation = "list the instances of access review " + definitionId;
            if (mine)
            {
                var page = await session.CallAsync(operation, Read, c => c.IdentityGovernance.AccessReviews.Definitions[definitionId].Instances.FilterByCurrentUserWithOn(Reviewer).GetAsFilterByCurrentUserWithOnGetResponseAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
                return await GraphPages.AllAsync<AccessReviewInstance, Microsoft.Graph.IdentityGovernance.AccessReviews.Definitions.Item.Instances.FilterByCurrentUserWithOn.FilterByCurrentUserWithOnGetResponse>(session, operation, Read, page, cancellation).ConfigureAwait(false);
            }

            var all = await session.CallAsync(operation, Read, c => c.IdentityGovernance.AccessReviews.Definitions[definitionId].Instances.GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            return await GraphPages.AllAsync<AccessReviewInstance, AccessReviewInstanceCollectionResponse>(session, operation, Read, all, cancellation).ConfigureAwait(false);
        }

        private static async Task<List<AccessReviewInstanceDecisionItem>> DecisionsAsync(GraphSession session, string definitionId, string instanceId, bool mine, CancellationToken cancellation)
        {
            var operation = "list the decisions of access review instance " + instanceId;
            var decisions = Decisions(definitionId, instanceId);
            if (mine)
            {
                var page = await session.CallAsync(operation, Read, c => decisions(c).FilterByCurrentUserWithOn(Reviewer).GetAsFilterByCurrentUserWithOnGetResponseAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
                return await GraphPages.AllAsync<AccessReviewInstanceDecisionItem, Microsoft.Graph.IdentityGovernance.AccessReviews.Definitions.Item.Instances.Item.Decisions.FilterByCurrentUserWithOn.FilterByCurrentUserWithOnGetResponse>(session, operation, Read, page, cancellation).ConfigureAwait(false);
            }

            var all = await session.CallAsync(operation, Read, c => decisions(c).GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            return await GraphPages.AllAsync<AccessReviewInstanceDecisionItem, AccessReviewInstanceDecisionItemCollectionResponse>(session, operation, Read, all, cancellation).ConfigureAwait(false);
        }

        private static Func<Microsoft.Graph.GraphServiceClient, Microsoft.Graph.IdentityGovernance.AccessReviews.Definitions.Item.Instances.Item.Decisions.DecisionsRequestBuilder> Decisions(string definitionId, string instanceId) =>
            c => c.IdentityGovernance.AccessReviews.Definitions[definitionId].Instances[instanceId].Decisions;
    }
}
