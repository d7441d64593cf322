using System;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>Licence tiers through entitlement management: tier packages and their policies, assignments and requests.</summary>
    internal static class AccessPackageService
    {
        public static Task<TierAccessPackagePlan> PlanAsync(GraphSession session, TierAccessPackageRequest request, IGovernanceSink sink) =>
            TierAccessPackageProvisioner.PlanAsync(session, request, sink.Cancellation);

        public static async Task<TierAccessPackage> ApplyAsync(GraphSession session, TierAccessPackagePlan plan, JournalScope journal, IGovernanceSink sink)
        {
            var (packageId, result) = await TierAccessPackageProvisioner.ApplyAsync(session, plan, journal, sink.Cancellation).ConfigureAwait(false);
            var catalog = await AccessPackageDirectory.FindCatalogAsync(session, plan.Request.Catalog, sink.Cancellation).ConfigureAwait(false);
            var package = (await AccessPackageDirectory.PackagesAsync(session, catalog!.Id!, sink.Cancellation).ConfigureAwait(false)).First(p => p.Id == packageId);
            var tiers = await TierGroupDirectory.ListTiersAsync(session, sink.Cancellation).ConfigureAwait(false);
            var described = await TierAccessPackageDescriber.DescribeAsync(session, catalog, package, tiers, sink.Cancellation).ConfigureAwait(false);
            described.Result = result;
            return described;
        }

        public static async Task GetAsync(GraphSession session, GetTierAccessPackageRequest request, IGovernanceSink sink)
        {
            var catalog = await AccessPackageDirectory.FindCatalogAsync(session, request.Catalog, sink.Cancellation).ConfigureAwait(false);
            if (catalog == null)
            {
                if (request.Tier != null && request.Tier.Length > 0)
                {
                    sink.WriteError(Errors.TierAccessPackageNotFound(string.Join(", ", request.Tier), request.Catalog, Array.Empty<string>()));
                }

                return;
            }

            var packages = await AccessPackageDirectory.PackagesAsync(session, catalog.Id!, sink.Cancellation).ConfigureAwait(false);
            var tiers = await TierGroupDirectory.ListTiersAsync(session, sink.Cancellation).ConfigureAwait(false);
            var patterns = request.Tier == null || request.Tier.Length == 0 ? null : request.Tier;
            var matched = new bool[patterns?.Length ?? 0];
            foreach (var package in packages.OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase))
            {
                var groupName = tiers.FirstOrDefault(t => AccessPackageDirectory.MemberGroups(package).Contains(t.Group.Id!.ToLowerInvariant()))?.Name;
                if (patterns != null)
                {
                    var hit = false;
                    for (var i = 0; i < patterns.Length; i++)
                    {
                        if (WildcardPattern.IsMatch(patterns[i], package.DisplayName ?? "") || (groupName != null && WildcardPattern.IsMatch(patterns[i], groupName)))
                        {
                            matched[i] = hit = true;
                        }
                    }

                    if (!hit)
                    {
                        continue;
                    }
                }

                sink.WriteObject(await TierAccessPackageDescriber.DescribeAsync(session, catalog, package, tiers, sink.Cancellation).ConfigureAwait(false));
            }

            for (var i = 0; i < matched.Length; i++)
            {
                if (!matched[i] && !WildcardPattern.HasWildcard(patterns![i]))
                {
                    sink.WriteError(TierRankGuard.RankGiven(patterns[i], tiers)
                        ?? Errors.TierAccessPackageNotFound(patterns[i], request.Catalog, NameMatcher.Closest(patterns[i], packages.Select(p => p.DisplayName ?? ""))));
                }
            }
        }
    }
}
