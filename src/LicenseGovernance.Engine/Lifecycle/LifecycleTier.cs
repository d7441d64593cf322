using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>A tier as tier moves see it: its group and rank, its licences and mailbox plans, and the packages that hand it out.</summary>
    internal sealed class LifecycleTier
    {
        public LifecycleTier(TierGroupState state, IReadOnlyList<LicenseSku> skus, IReadOnlyList<AccessPackage> packages)
        {
            Group = state.Group;
            Id = state.Group.Id!.ToLowerInvariant();
            Name = state.Name;
            Rank = state.Record!.Tier;
            IsBaseline = state.Record.Baseline;
            IsDynamic = state.IsDynamic;
            Licenses = state.Licenses.Where(l => l.SkuId.HasValue)
                .Select(l => new DirectLicense(l.SkuId!.Value, skus.FirstOrDefault(s => s.SkuId == l.SkuId)?.SkuPartNumber, LicenseStates.Plans(l.DisabledPlans)))
                .ToList();
            SkuIds = new HashSet<Guid>(Licenses.Select(l => l.SkuId));
            MailboxPlans = MailboxPlansOf(Licenses, skus);
            Packages = packages.Where(p => AccessPackageDirectory.MemberGroups(p).Contains(Id)).ToList();
            PackageIds = new HashSet<string>(Packages.Select(p => p.Id!), StringComparer.OrdinalIgnoreCase);
            Package = AccessPackageDirectory.TierPackage(Packages, Id);
        }

        public Group Group { get; }

        /// <summary>The group's id, lower case as Graph writes it in assignedByGroup.</summary>
        public string Id { get; }

        public string Name { get; }

        public int Rank { get; }

        public bool IsBaseline { get; }

        public bool IsDynamic { get; }

        /// <summary>The group's licences with its disabled plans: what a direct bridge of this tier copies.</summary>
        public IReadOnlyList<DirectLicense> Licenses { get; }

        public HashSet<Guid> SkuIds { get; }

        /// <summary>The Exchange mailbox plans the tier's licences leave on (EXCHANGE_S_DESKLESS, EXCHANGE_S_ENTERPRISE, ...).</summary>
        public HashSet<string> MailboxPlans { get; }

        /// <summary>Every package granting the group's Member role (an assignment of any of them is an entitlement).</summary>
        public IReadOnlyList<AccessPackage> Packages { get; }

        public HashSet<string> PackageIds { get; }

        /// <summary>The regular package an administrator's move requests (not the exception package); null when the tier has none.</summary>
        public AccessPackage? Package { get; }

        /// <summary>
        /// Whether this tier's licences cannot sit beside licences leaving <paramref name="mailboxPlans"/> on: both give a
        /// mailbox, of different plans (F3's and E5's Exchange plans), which group-based licensing refuses as MutuallyExclusiveViolation.
        /// </summary>
        public bool ExclusiveWith(ICollection<string> mailboxPlans) =>
            MailboxPlans.Count > 0 && mailboxPlans.Count > 0 && !MailboxPlans.SetEquals(mailboxPlans);

        /// <summary>What a user holds once Entra has applied this tier: each of its SKUs Active from its group.</summary>
        public LicenseExpectation Expectation(string userId) =>
            new LicenseExpectation(userId, Id, Licenses.Select(l => new ExpectedLicense(l.SkuId)).ToList());

        /// <summary>The name of one of the tier's packages, by id (the id itself for a package it no longer has).</summary>
        public string PackageName(string packageId) => Packages.FirstOrDefault(p => string.Equals(p.Id, packageId, StringComparison.OrdinalIgnoreCase))?.DisplayName ?? packageId;

        public override string ToString() => Name;

        /// <summary>The mailbox plans that the licences leave on, by the tenant's service plan names.</summary>
        public static HashSet<string> MailboxPlansOf(IEnumerable<DirectLicense> licenses, IReadOnlyList<LicenseSku> skus)
        {
            var plans = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var license in licenses)
            {
                var sku = skus.FirstOrDefault(s => s.SkuId == license.SkuId);
                foreach (var plan in sku?.ServicePlans ?? Array.Empty<LicenseServicePlan>())
                {
                    if (Kernel.MailboxPlans.IsMailboxPlan(plan.ServicePlanName) && !license.DisabledPlans.Contains(plan.ServicePlanId))
                    {
                        plans.Add(plan.ServicePlanName);
                    }
                }
            }

            return plans;
        }
    }
}
