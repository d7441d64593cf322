using System.Collections.Generic;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Tiers
{
    /// <summary>Licence tiers as groups: planning and applying tier group changes, reading tiers, rule previews, licence errors, reprocessing.</summary>
    internal sealed class TierGroupService
    {
        private readonly SkuDirectory _skus;
        private readonly System.Func<GraphSession, string, IGovernanceSink, Journal.JournalScope> _journal;

        public TierGroupService(SkuDirectory skus, System.Func<GraphSession, string, IGovernanceSink, Journal.JournalScope> journal)
        {
            _skus = skus;
            _journal = journal;
        }

        public async Task<TierGroupPlan> PlanAsync(GraphSession session, TierGroupRequest request, IGovernanceSink sink) =>
            await TierGroupPlanner.PlanAsync(session, request, await TenantSkusAsync(session, sink).ConfigureAwait(false), sink.Cancellation).ConfigureAwait(false);

        public Task<TierGroupPlan> PlanRemoveAsync(GraphSession session, RemoveTierGroupRequest request, IGovernanceSink sink) =>
            TierGroupPlanner.PlanRemoveAsync(session, request, () => TenantSkusAsync(session, sink), sink.Cancellation);

        public async Task<LicenseTierGroup?> ApplyAsync(GraphSession session, TierGroupPlan plan, IGovernanceSink sink)
        {
            var command = plan.Action == TierGroupAction.Create ? "New-LicenseTierGroup" : plan.Action == TierGroupAction.Remove ? "Remove-LicenseTierGroup" : "Set-LicenseTierGroup";
            var id = await TierGroupApplier.ApplyAsync(session, plan, _journal(session, command, sink), sink).ConfigureAwait(false);
            if (id == null)
            {
                return null;
            }

            var state = await TierGroupDirectory.RequireAsync(session, id, sink.Cancellation).ConfigureAwait(false);
            return await TierGroupDescriber.DescribeAsync(session, state, await TenantSkusAsync(session, sink).ConfigureAwait(false), sink.Cancellation).ConfigureAwait(false);
        }

        public async Task GetAsync(GraphSession session, GetTierGroupRequest request, IGovernanceSink sink)
        {
            var tiers = await TierGroupDirectory.ListTiersAsync(session, sink.Cancellation).ConfigureAwait(false);
            var skus = await TenantSkusAsync(session, sink).ConfigureAwait(false);
            var patterns = request.Name == null || request.Name.Length == 0 ? null : request.Name;
            var matched = new HashSet<string>();
            foreach (var tier in tiers)
            {
                if (patterns != null && !TierNameFilter.Matches(patterns, tier, matched))
                {
                    continue;
                }

                sink.WriteObject(await TierGroupDescriber.DescribeAsync(session, tier, skus, sink.Cancellation).ConfigureAwait(false));
            }

            foreach (var missing in TierNameFilter.Unmatched(patterns, matched))
            {
                // A group by that name that is no tier is a different mistake from a typo, with a different way out.
                var groups = await TierGroupDirectory.FindAsync(session, missing, sink.Cancellation).ConfigureAwait(false);
                sink.WriteError(groups.Count > 0
                    ? Errors.NotATierGroup(groups[0].Name)
                    : Errors.GroupNotFound(missing, Kernel.NameMatcher.Closest(missing, TierNameFilter.Names(tiers))));
            }
        }

        public async Task<LicenseRulePreview> TestRuleAsync(GraphSession session, TestMembershipRuleRequest request, IGovernanceSink sink) =>
            await MembershipRulePreviewer.PreviewAsync(session, request, await TenantSkusAsync(session, sink).ConfigureAwait(false), sink).ConfigureAwait(false);

        public async Task GetErrorsAsync(GraphSession session, GetGroupLicenseErrorRequest request, IGovernanceSink sink) =>
            await GroupLicenseErrorReader.WriteAsync(session, request, await TenantSkusAsync(session, sink).ConfigureAwait(false), sink).ConfigureAwait(false);

        public Task ReprocessAsync(GraphSession session, ReprocessRequest request, IGovernanceSink sink) =>
            LicenseReprocessor.RunAsync(session, request, _journal(session, "Invoke-LicenseReprocess", sink), sink);

        private Task<IReadOnlyList<LicenseSku>> TenantSkusAsync(GraphSession session, IGovernanceSink sink) => _skus.ReadAsync(session, sink.Cancellation);
    }
}
