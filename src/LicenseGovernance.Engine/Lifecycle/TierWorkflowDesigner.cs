using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models.IdentityGovernance;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// Document 000's workflows where Graph v1.0 can express them. A workflow's tasks cannot depend on which of its groups
    /// fired, so "remove conflicting tiers on upgrade" is one workflow per tier: added to that tier, end the assignments of
    /// every other tier's access packages (one task per package). "Restore the baseline" is one workflow: removed from any
    /// tier above the baseline, request the baseline's package, or add the user to the baseline group when it has none.
    /// </summary>
    internal static class TierWorkflowDesigner
    {
        /// <summary>Marks the workflows this module writes, and keeps their names apart from the tenant's own.</summary>
        public const string Prefix = "LicenseGovernance: ";

        /// <param name="tiers">Every tier, lowest rank first, with exactly one baseline among them.</param>
        /// <param name="packages">Per tier group id (lower case), the packages granting its Member role.</param>
        public static List<DesiredWorkflow> Design(IReadOnlyList<TierGroupState> tiers, IReadOnlyDictionary<string, List<TierPackage>> packages, bool scheduled, List<string> warnings)
        {
            var workflows = new List<DesiredWorkflow>();
            foreach (var tier in tiers)
            {
                var tasks = tiers.Where(t => t != tier).SelectMany(t => PackagesOf(t, packages)).Select(p => DesiredTask.RemovePackage(p.Id, p.Name)).ToList();
                if (tasks.Count > 0)
                {
                    workflows.Add(new DesiredWorkflow(Prefix + "remove other tiers on joining " + tier.Name, TierWorkflowKind.RemoveConflictingTiers,
                        $"Document 000, workflow 1 (New-TierLifecycleWorkflow): a user added to {tier.Name} loses the other tiers' access package assignments. Sync-LicenseTier closes the gap it leaves.",
                        MembershipChangeType.Add, new[] { (tier.Group.Id!, tier.Name) }, tasks, scheduled));
                }
            }

            foreach (var tier in tiers.Where(t => PackagesOf(t, packages).Count == 0))
            {
                warnings.Add($"'{tier.Name}' has no access package, so no workflow takes it away on an upgrade: document 000 removes tiers by ending their access package assignments. Create one with New-TierAccessPackage.");
            }

            var restore = Restore(tiers, packages, scheduled, warnings);
            if (restore != null)
            {
                workflows.Add(restore);
            }

            return workflows;
        }

        private static DesiredWorkflow? Restore(IReadOnlyList<TierGroupState> tiers, IReadOnlyDictionary<string, List<TierPackage>> packages, bool scheduled, List<string> warnings)
        {
            var baseline = tiers.Single(t => t.Record!.Baseline);
            if (baseline.IsDynamic)
            {
                warnings.Add($"The baseline '{baseline.Name}' has dynamic membership: everyone its rule selects holds it already, so no restore workflow is made.");
                return null;
            }

            var package = PackagesOf(baseline, packages).FirstOrDefault(p => p.PolicyId != null);
            var task = package != null ? DesiredTask.RequestPackage(package.Id, package.PolicyId!, package.Name) : DesiredTask.AddToGroup(baseline.Group.Id!, baseline.Name);
            var scope = tiers.Where(t => t != baseline).Select(t => (t.Group.Id!, t.Name)).ToList();
            return new DesiredWorkflow(Prefix + "restore baseline " + baseline.Name + " on leaving a tier", TierWorkflowKind.RestoreBaseline,
                $"Document 000, workflow 2 (New-TierLifecycleWorkflow): a user removed from a tier above the baseline gets {baseline.Name} back. Sync-LicenseTier closes the gap it leaves.",
                MembershipChangeType.Remove, scope, new[] { task }, scheduled);
        }

        private static List<TierPackage> PackagesOf(TierGroupState tier, IReadOnlyDictionary<string, List<TierPackage>> packages) =>
            packages.TryGetValue(tier.Group.Id!.ToLowerInvariant(), out var list) ? list : new List<TierPackage>();
    }
}
