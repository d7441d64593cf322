using System.Threading.Tasks;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Hosting
{
    public partial interface ILicenseGovernanceEngine
    {
        /// <summary>
        /// Works out what New-LicenseTierGroup (<see cref="TierGroupRequest.CreateIfMissing"/>) or Set-LicenseTierGroup would
        /// change, resolving SKU and plan names and checking every rule, without writing anything. Bad input throws.
        /// </summary>
        Task<TierGroupPlan> PlanTierGroupAsync(TierGroupRequest request, IGovernanceSink sink);

        /// <summary>Works out what Remove-LicenseTierGroup would do; refuses (throws) when members would lose their only licence, unless Force.</summary>
        Task<TierGroupPlan> PlanRemoveTierGroupAsync(RemoveTierGroupRequest request, IGovernanceSink sink);

        /// <summary>
        /// Applies a plan from <see cref="PlanTierGroupAsync"/> or <see cref="PlanRemoveTierGroupAsync"/> after checking the group
        /// has not changed since. Returns the tier as it is now, or null after a removal.
        /// </summary>
        Task<LicenseTierGroup?> ApplyTierGroupPlanAsync(TierGroupPlan plan, IGovernanceSink sink);

        /// <summary>Writes one <see cref="LicenseTierGroup"/> per tier group that matches, lowest rank first.</summary>
        Task GetTierGroupsAsync(GetTierGroupRequest request, IGovernanceSink sink);

        /// <summary>Validates a dynamic membership rule locally and previews it against every user. Writes nothing to the tenant.</summary>
        Task<LicenseRulePreview> TestMembershipRuleAsync(TestMembershipRuleRequest request, IGovernanceSink sink);

        /// <summary>Writes one <see cref="GroupLicenseError"/> per member in error (or one <see cref="GroupLicenseErrorSummary"/>).</summary>
        Task GetGroupLicenseErrorsAsync(GetGroupLicenseErrorRequest request, IGovernanceSink sink);

        /// <summary>
        /// Asks Graph to reprocess the users' group licences, asking the sink's ShouldProcess per user once it is resolved;
        /// writes one <see cref="LicenseReprocessResult"/> per user.
        /// </summary>
        Task ReprocessLicensesAsync(ReprocessRequest request, IGovernanceSink sink);
    }
}
