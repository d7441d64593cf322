using System.Threading.Tasks;
using LicenseGovernance.Engine.Tiers;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public Task<TierGroupPlan> PlanTierGroupAsync(TierGroupRequest request, IGovernanceSink sink) => WithGraph(sink, s => Tiers().PlanAsync(s, request, sink));

        public Task<TierGroupPlan> PlanRemoveTierGroupAsync(RemoveTierGroupRequest request, IGovernanceSink sink) => WithGraph(sink, s => Tiers().PlanRemoveAsync(s, request, sink));

        public Task<LicenseTierGroup?> ApplyTierGroupPlanAsync(TierGroupPlan plan, IGovernanceSink sink) => WithGraph(sink, s => Tiers().ApplyAsync(s, plan, sink));

        public Task GetTierGroupsAsync(GetTierGroupRequest request, IGovernanceSink sink) => WithGraph(sink, s => Tiers().GetAsync(s, request, sink));

        public Task<LicenseRulePreview> TestMembershipRuleAsync(TestMembershipRuleRequest request, IGovernanceSink sink) => WithGraph(sink, s => Tiers().TestRuleAsync(s, request, sink));

        public Task GetGroupLicenseErrorsAsync(GetGroupLicenseErrorRequest request, IGovernanceSink sink) => WithGraph(sink, s => Tiers().GetErrorsAsync(s, request, sink));

        public Task ReprocessLicensesAsync(ReprocessRequest request, IGovernanceSink sink) => WithGraph(sink, s => Tiers().ReprocessAsync(s, request, sink));

        private TierGroupService Tiers() => new TierGroupService(Skus(), BeginJournal);
    }
}
