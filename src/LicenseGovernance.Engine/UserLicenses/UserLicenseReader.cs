using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.UserLicenses
{
    /// <summary>
    /// Get-UserLicense: what each user holds, how and why. The licence groups, access packages with their assignments and
    /// the tier records are read once; users are read page by page and written as they arrive, so a whole-tenant run
    /// holds no more than a page of users (and, when it walks the tier system, the ids of the users already written).
    /// </summary>
    internal sealed class UserLicenseReader
    {
        private static readonly string[] UserSelect = DirectAssignmentReader.UserSelect;

        private readonly GraphSession _session;
        private readonly GetUserLicenseRequest _request;
        private readonly IGovernanceSink _sink;
        private readonly UserLicenseDescriber _describer;
        private readonly TierLookup _tiers;
        private readonly TierGroupState? _tier;

        private UserLicenseReader(GraphSession session, GetUserLicenseRequest request, IGovernanceSink sink, UserLicenseDescriber describer, TierLookup tiers, TierGroupState? tier)
        {
            _session = session;
            _request = request;
            _sink = sink;
            _describer = describer;
            _tiers = tiers;
            _tier = tier;
        }

        public static async Task WriteAsync(GraphSession session, GetUserLicenseRequest request, IReadOnlyList<LicenseSku> tenantSkus, IGovernanceSink sink)
        {
            var named = request.Sku != null && request.Sku.Length > 0;
            if (request.Unlicensed && named)
            {
                throw Errors.UnlicensedWithSku().ToException();
            }

            var skus = named ? LicenseSelection.FilterSkus(tenantSkus, request.Sku!, sink.WriteError) : tenantSkus;
            if (skus.Count == 0)
            {
                return;
            }

            var sources = await LicenseSources.ReadAsync(session, tenantSkus, sink.Cancellation).ConfigureAwait(false);
            if (sources.PackagesRefused != null)
            {
                sink.WriteWarning("Access packages could not be read (" + sources.PackagesRefused.Message + ") Licences from groups are shown as Group even where an " +
                    "access package delivers the membership, and no tier is known from an assignment. Grant EntitlementManagement.Read.All to see them.");
            }

            var tiers = new TierLookup(await TierGroupDirectory.TiersAmongAsync(session, sources.Groups, sink.Cancellation).ConfigureAwait(false), sources);
            var tier = request.Tier == null ? null : tiers.Require(request.Tier);
            var reader = new UserLicenseReader(session, request, sink, new UserLicenseDescriber(skus, sources, tiers), tiers, tier);
            await reader.ReadAsync(named ? skus : null).ConfigureAwait(false);
        }

        private async Task ReadAsync(IReadOnlyList<LicenseSku>? skus)
        {
            if (_request.User != null && _request.User.Length > 0)
            {
                await UserStream.ReadNamedOrAllAsync(_session, UserSelect, _request.User, null, u => Handle(u, null), _sink).ConfigureAwait(false);
            }
            else if (_tier != null || _request.Unlicensed)
            {
                await WalkTierSystemAsync().ConfigureAwait(false);
            }
            else
            {
                // One SKU narrows the listing on the service side; otherwise Graph leaves out the unlicensed (an advanced query).
                var filter = skus?.Count == 1 ? TierGroupDirectory.SkuFilter(skus[0].SkuId) : DirectAssignmentReader.LicensedUsersFilter;
                await UserStream.ReadAsync(_session, UserSelect, filter, u => Handle(u, null), _sink).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The users of the tier system: each tier group's members, highest rank first (so a user in two tiers is met first in
        /// the higher), then the holders of the tiers' access packages who are not members yet, read fifteen to a request.
        /// </summary>
        private async Task WalkTierSystemAsync()
        {
            var walk = (_tier == null ? _tiers.Tiers : new[] { _tier }).Reverse().ToList();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < walk.Count; i++)
            {
                var tier = walk[i];
                Progress($"Members of {tier.Name}", i, walk.Count + 1);
                await TierGroupDirectory.ForEachUserMemberAsync(_session, tier.Group.Id!, UserSelect, u =>
                {
                    if (seen.Add(u.Id!))
                    {
                        Handle(u, tier);
                    }
                }, _sink.Cancellation).ConfigureAwait(false);
            }

            Progress("Access package holders", walk.Count, walk.Count + 1);
            foreach (var tier in walk)
            {
                var holders = _tiers.PackageHolders(tier).Where(seen.Add).ToList();
                foreach (var chunk in Chunked.Of(holders, UsersById.PerRequest))
                {
                    _sink.Cancellation.ThrowIfCancellationRequested();
                    foreach (var user in await UsersById.ReadAsync(_session, "read the holders of " + tier.Name + "'s access packages", chunk, UserSelect, _sink.Cancellation).ConfigureAwait(false))
                    {
                        Handle(user, tier);
                    }
                }
            }

            _sink.WriteProgress(new GovernanceProgress(ProgressActivity.UserLicenses, "Reading the tier system", "Done", 100, completed: true));
        }

        private void Progress(string status, int done, int total) =>
            _sink.WriteProgress(new GovernanceProgress(ProgressActivity.UserLicenses, "Reading the tier system", status, GovernanceProgress.Percent(done, total)));

        private void Handle(User user, TierGroupState? listedFrom)
        {
            var tier = _describer.TierOf(user, listedFrom);
            if (_tier != null && tier != _tier)
            {
                return;
            }

            if (_request.Unlicensed)
            {
                if (UserLicenseDescriber.HoldsNothing(user))
                {
                    _sink.WriteObject(_describer.Unlicensed(user, tier));
                }

                return;
            }

            foreach (var row in _describer.Describe(user, tier))
            {
                _sink.WriteObject(row);
            }
        }
    }
}
