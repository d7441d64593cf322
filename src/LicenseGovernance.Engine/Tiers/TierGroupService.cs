using System;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Sessions;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Tiers
{
    /// <summary>Licence tiers as groups: planning and applying tier group changes, reading tiers, rule previews, licence errors.</summary>
    internal sealed class TierGroupService
    {
        private readonly Skus.SkuDirectory _skus;

        public TierGroupService(Skus.SkuDirectory skus)
        {
            _skus = skus;
        }

        public Task<TierGroupPlan> PlanAsync(GraphSession session, TierGroupRequest request, IGovernanceSink sink) => throw new NotImplementedException();

        public Task<TierGroupPlan> PlanRemoveAsync(GraphSession session, RemoveTierGroupRequest request, IGovernanceSink sink) => throw new NotImplementedException();

        public Task<LicenseTierGroup?> ApplyAsync(GraphSession session, TierGroupPlan plan, IGovernanceSink sink) => throw new NotImplementedException();

        public Task GetAsync(GraphSession session, GetTierGroupRequest request, IGovernanceSink sink) => throw new NotImplementedException();

        public Task<LicenseRulePreview> TestRuleAsync(GraphSession session, TestMembershipRuleRequest request, IGovernanceSink sink) => throw new NotImplementedException();

        public Task GetErrorsAsync(GraphSession session, GetGroupLicenseErrorRequest request, IGovernanceSink sink) => throw new NotImplementedException();

        public Task ReprocessAsync(GraphSession session, ReprocessRequest request, IGovernanceSink sink) => throw new NotImplementedException();
    }
}
