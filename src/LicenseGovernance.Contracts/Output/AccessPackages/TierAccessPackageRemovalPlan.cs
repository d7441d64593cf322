using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Hosting;

namespace LicenseGovernance
{
    /// <summary>
    /// What Remove-TierAccessPackage would do, worked out before anything is written: under -Force each holder's move in
    /// the safe order (which ends their assignment), then the Graph objects deleted once no assignment is left.
    /// </summary>
    public sealed class TierAccessPackageRemovalPlan : IChangePlan
    {
        public string PackageName { get; set; } = "";
        public Guid PackageId { get; set; }
        public string Catalog { get; set; } = "";
        /// <summary>The group whose Member role the package grants.</summary>
        public string? TierGroup { get; set; }
        public bool Force { get; set; }
        public int WaitTimeoutSeconds { get; set; }
        /// <summary>Each user with a live assignment of the package, and their move (Outcome Planned, with its steps).</summary>
        public ItemList<TierMoveResult> Holders { get; set; } = new ItemList<TierMoveResult>();
        /// <summary>The Graph objects deleted, in order, once the package has no assignment left.</summary>
        public ItemList<AccessPackageChange> Changes { get; set; } = new ItemList<AccessPackageChange>();
        public ItemList<string> Warnings { get; set; } = new ItemList<string>();

        string IChangePlan.Target => PackageName;

        string IChangePlan.Description => string.Join(Environment.NewLine, Lines());

        IReadOnlyList<string> IChangePlan.Warnings => Warnings;

        bool IChangePlan.IsNoChange => false;

        private IEnumerable<string> Lines()
        {
            yield return $"Delete access package '{PackageName}'" + (TierGroup == null ? "" : $" of {TierGroup}") + $" (catalog {Catalog}).";
            if (Holders.Count > 0)
            {
                yield return $"First end its {Holders.Count} assignment(s), each holder moved in the safe order:";
                foreach (var holder in Holders)
                {
                    yield return $"  {holder.UserPrincipalName ?? holder.UserId.ToString()}: from {(holder.FromTier.Length == 0 ? "no tier" : holder.FromTier)} to {holder.ToTier}: " +
                        (holder.Steps.Count > 0 ? string.Join("; ", holder.Steps) : holder.Detail);
                }
            }

            yield return "Then, once no assignment is left:";
            foreach (var change in Changes.Select(c => c.ToString()))
            {
                yield return change;
            }
        }
    }
}
