using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// Get-LicenseTierConflict: every way users stand outside "exactly one tier", each with the command that fixes it. Reads
    /// the tier system as the reconciler does, plus the holders of each tier SKU, to find direct licences outside any tier.
    /// </summary>
    internal sealed class TierConflictFinder
    {
        /// <summary>The tier system's users to a file; each file also takes their holder records, about one per user and SKU held.</summary>
        private const int JudgedPerFile = 8192;

        private const byte JudgedRecord = 1, HolderRecord = 2;

        private readonly TierSystem _system;
        private readonly DateTimeOffset _now;
        private readonly GetLicenseTierConflictRequest _request;
        private readonly IGovernanceSink _sink;

        private TierConflictFinder(TierSystem system, DateTimeOffset now, GetLicenseTierConflictRequest request, IGovernanceSink sink)
        {
            _system = system;
            _now = now;
            _request = request;
            _sink = sink;
        }

        public static async Task RunAsync(GraphSession session, GetLicenseTierConflictRequest request, IReadOnlyList<LicenseSku> skus, IGovernanceSink sink)
        {
            var system = await TierSystem.ReadAsync(session, skus, sink.Cancellation).ConfigureAwait(false);
            var none = new Dictionary<string, HashSet<Guid>>();
            var lookAhead = SyncLicenseTierRequest.DefaultLookAhead;
            var finder = new TierConflictFinder(system, session.Now, request, sink);
            if (request.User != null && request.User.Length > 0)
            {
                await TierUserReader.ReadAsync(session, system, lookAhead, request.User, none, user => finder.Judge(user, inTierSystem: true), sink).ConfigureAwait(false);
                return;
            }

            // The tier system's users come a file at a time and go once judged; that they were judged waits on disk for the
            // SKUs' holders, so no set of every user is held.
            using var judged = new SpillBuckets(JudgedPerFile);
            await TierUserReader.ReadAsync(session, system, lookAhead, null, none, user =>
            {
                finder.Judge(user, inTierSystem: true);
                judged.Stage(NameKey.Of(user.Id), writer => writer.Write(JudgedRecord));
            }, sink).ConfigureAwait(false);
            judged.Partition();
            await finder.DirectHoldersAsync(session, judged).ConfigureAwait(false);
        }

        /// <summary>
        /// Users outside the tier system who hold a tier's SKU directly, read SKU by SKU with Graph's filter on assignedLicenses.
        /// The filter also lists every tier member holding the SKU, most of the tenant: the holders wait on disk beside the ids
        /// judged already, and each file's holders outside the tier system are judged once each.
        /// </summary>
        private async Task DirectHoldersAsync(GraphSession session, SpillBuckets judged)
        {
            foreach (var sku in _system.TierSkus)
            {
                await UserStream.ReadAsync(session, new[] { "id", "userPrincipalName", "licenseAssignmentStates" }, $"assignedLicenses/any(x:x/skuId eq {sku})", read =>
                {
                    var states = LicenseStates.Of(read);
                    judged.Add(NameKey.Of(read.Id!), writer =>
                    {
                        writer.Write(HolderRecord);
                        writer.Write(read.Id!);
                        writer.WriteOptional(read.UserPrincipalName);
                        LicenseStates.Write(writer, states);
                    });
                }, _sink).ConfigureAwait(false);
            }

            foreach (var file in judged.Drain())
            {
                // A file's records come in the order written: every id judged first, then the holders.
                var seen = new HashSet<NameKey>();
                foreach (var record in file)
                {
                    var holder = record.Reader.ReadByte() == HolderRecord;
                    if (seen.Add(record.Key) && holder)
                    {
                        Judge(new TierUser(record.Reader.ReadString(), record.Reader.ReadOptionalString()) { States = LicenseStates.Read(record.Reader) }, inTierSystem: false);
                    }
                }
            }
        }

        private void Judge(TierUser user, bool inTierSystem)
        {
            var tiers = _system.Tiers.Where(user.IsMember).ToList();
            var direct = user.Direct(_system.TierSkus);
            var goal = TierGoal.For(user, _system, _now, TimeSpan.Zero);
            if (tiers.Count > 1)
            {
                Write(user, TierConflictKind.MultipleTiers, tiers, Array.Empty<Guid>(), $"In {tiers.Count} tiers; the user belongs in {goal.Tier.Name} ({goal.Why}).",
                    $"Sync-LicenseTier -User {user.Label} moves the user to {goal.Tier.Name} alone, in the safe order.");
            }

            foreach (var tier in tiers)
            {
                JudgeTier(user, tier, direct, goal);
            }

            if (tiers.Count == 0)
            {
                JudgeOutside(user, direct, goal, inTierSystem);
            }
        }

        private void JudgeTier(TierUser user, LifecycleTier tier, IReadOnlyList<DirectLicense> direct, TierGoal goal)
        {
            var copies = direct.Where(d => tier.SkuIds.Contains(d.SkuId)).Select(d => d.SkuId).ToList();
            if (copies.Count > 0)
            {
                Write(user, TierConflictKind.TierAndDirect, new[] { tier }, copies, $"In {tier.Name} and holding {Skus(copies)} directly as well (a bridge left behind, or an old direct assignment).",
                    $"Sync-LicenseTier -User {user.Label} removes the direct copy once {tier.Name}'s licence is active for the user.");
            }

            if (!tier.IsBaseline && !tier.IsDynamic && !user.Delivered(tier).Any() && !user.Leaving(tier).Any())
            {
                Write(user, TierConflictKind.UngovernedMembership, new[] { tier }, Array.Empty<Guid>(), $"A static member of {tier.Name} that no access package assignment governs: no owner, no end date.",
                    tier.Package == null
                        ? $"Create the tier's access package (New-TierAccessPackage -TierGroup '{tier.Name}'), then Move-UserLicenseTier -User {user.Label} -Tier '{tier.Name}' -EndDate <date>."
                        : $"Move-UserLicenseTier -User {user.Label} -Tier '{tier.Name}' -EndDate <date> puts it under {tier.Package.DisplayName} with an end date.");
            }

            if (tier.IsBaseline && tier.IsDynamic && goal.Tier != tier)
            {
                Write(user, TierConflictKind.DynamicBaseline, new[] { tier, goal.Tier }, Array.Empty<Guid>(), $"Entitled to {goal.Tier.Name}, but {tier.Name}'s dynamic rule keeps the user in the baseline too.",
                    $"Exclude users of higher tiers from {tier.Name}'s rule (for example -not (user.memberOf -any (group.objectId -in ['{goal.Tier.Id}']))); Test-LicenseMembershipRule previews it.");
            }

            var error = user.ErrorFrom(tier);
            if (error != null)
            {
                var type = GroupLicenseErrorReader.ErrorTypeOf(error);
                Write(user, TierConflictKind.TierLicenseError, new[] { tier }, new[] { error.SkuId ?? Guid.Empty }, $"{tier.Name}'s {_system.SkuName(error.SkuId ?? Guid.Empty)} is {error.State} ({type}) for the user.",
                    type == "MutuallyExclusiveViolation"
                        ? $"Sync-LicenseTier -User {user.Label} moves the user out of the conflicting tier in the safe order, then reprocesses the licence."
                        : GroupLicenseErrorReader.Remedy(type, _system.SkuName(error.SkuId ?? Guid.Empty), tier.Name));
            }
        }

        private void JudgeOutside(TierUser user, IReadOnlyList<DirectLicense> direct, TierGoal goal, bool inTierSystem)
        {
            if (direct.Count > 0)
            {
                var skus = direct.Select(d => d.SkuId).ToList();
                Write(user, TierConflictKind.DirectWithoutTier, Array.Empty<LifecycleTier>(), skus, $"Holds {Skus(skus)} directly, a tier's SKU, while in no tier.",
                    inTierSystem
                        ? $"Sync-LicenseTier -User {user.Label} moves the user into {goal.Tier.Name} and then removes the direct copy."
                        : $"Move-UserLicenseTier -User {user.Label} -Tier '{goal.Tier.Name}' puts the user in a tier; Sync-LicenseTier then removes the direct copy.");
            }
            else if (inTierSystem)
            {
                Write(user, TierConflictKind.NoTier, new[] { goal.Tier }, Array.Empty<Guid>(), $"In the tier system but in no tier group{(user.HoldsAnything ? "" : ", holding no licence")}; the user belongs in {goal.Tier.Name} ({goal.Why}).",
                    $"Sync-LicenseTier -User {user.Label} puts the user in {goal.Tier.Name}.");
            }
        }

        private void Write(TierUser user, TierConflictKind kind, IEnumerable<LifecycleTier> tiers, IEnumerable<Guid> skus, string detail, string remedy)
        {
            if (_request.Kind != null && _request.Kind.Length > 0 && !_request.Kind.Contains(kind))
            {
                return;
            }

            _sink.WriteObject(new TierConflict
            {
                UserId = Guid.Parse(user.Id),
                UserPrincipalName = user.UserPrincipalName,
                Kind = kind,
                Tiers = tiers.Select(t => t.Name).Distinct().ToArray(),
                Skus = skus.Select(_system.SkuName).ToArray(),
                Detail = detail,
                Remedy = remedy,
            });
        }

        private string Skus(IEnumerable<Guid> skus) => string.Join(", ", skus.Select(_system.SkuName));
    }
}
