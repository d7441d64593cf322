using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Serialization.Json;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>A group as the tier code sees it: the group, and its tier record when it is a tier.</summary>
    internal sealed class TierGroupState
    {
        public TierGroupState(Group group, TierRecord? record)
        {
            Group = group;
            Record = record;
        }

        public Group Group { get; }

        public TierRecord? Record { get; }

        public Guid Id => Guid.Parse(Group.Id!);

        public string Name => Group.DisplayName ?? Group.Id!;

        public bool IsTier => Record != null;

        public bool IsDynamic => Group.GroupTypes?.Any(t => string.Equals(t, "DynamicMembership", StringComparison.OrdinalIgnoreCase)) == true;

        public IReadOnlyList<AssignedLicense> Licenses => Group.AssignedLicenses ?? new List<AssignedLicense>();

        /// <summary>
        /// Everything a tier plan depends on, in one string: a plan made against one fingerprint is applied only while the
        /// group still has it, so two administrators cannot silently undo each other.
        /// </summary>
        public string Fingerprint() =>
            string.Join("|",
                Group.Description ?? "",
                IsDynamic ? "dynamic:" + (Group.MembershipRule ?? "") : "static",
                Record?.ToString() ?? "no tier",
                string.Join(";", Licenses.OrderBy(l => l.SkuId).Select(l => l.SkuId + ":" + string.Join(",", (l.DisabledPlans ?? new List<Guid?>()).OrderBy(p => p)))));
    }

    /// <summary>Finds groups by name or id, lists tiers and reads members, through Graph.</summary>
    internal static class TierGroupDirectory
    {
        public static readonly string[] GroupSelect =
        {
            "id", "displayName", "description", "groupTypes", "membershipRule", "membershipRuleProcessingState", "mailEnabled",
            "securityEnabled", "assignedLicenses", "licenseProcessingState",
        };

        /// <summary>Every group with that display name (or the group with that id); empty when there is none.</summary>
        public static async Task<IReadOnlyList<TierGroupState>> FindAsync(GraphSession session, string nameOrId, CancellationToken cancellation)
        {
            var groups = new List<Group>();
            if (Guid.TryParse(nameOrId, out var id))
            {
                var group = await session.CallOrNotFoundAsync("read group " + nameOrId, "ReadGroups",
                    c => c.Groups[id.ToString()].GetAsync(r => r.QueryParameters.Select = GroupSelect, cancellation), cancellation).ConfigureAwait(false);
                if (group != null)
                {
                    groups.Add(group);
                }
            }
            else
            {
                var filter = "displayName eq '" + nameOrId.Replace("'", "''") + "'";
                await ForEachGroupAsync(session, "find group " + nameOrId, GroupSelect, filter, groups.Add, cancellation).ConfigureAwait(false);
            }

            var result = new List<TierGroupState>();
            foreach (var group in groups)
            {
                result.Add(new TierGroupState(group, await ReadRecordAsync(session, group.Id!, cancellation).ConfigureAwait(false)));
            }

            return result;
        }

        /// <summary>The one group meant by <paramref name="nameOrId"/>; throws GroupNotFound (with the closest tier names) or GroupNameAmbiguous.</summary>
        public static async Task<TierGroupState> RequireAsync(GraphSession session, string nameOrId, CancellationToken cancellation)
        {
            var found = await FindAsync(session, nameOrId, cancellation).ConfigureAwait(false);
            if (found.Count == 1)
            {
                return found[0];
            }

            if (found.Count > 1)
            {
                throw Errors.GroupNameAmbiguous(nameOrId, found.Select(g => g.Group.Id!)).ToException();
            }

            var tiers = await ListTiersAsync(session, cancellation).ConfigureAwait(false);
            throw Errors.GroupNotFound(nameOrId, NameMatcher.Closest(nameOrId, tiers.Select(t => t.Name))).ToException();
        }

        /// <summary>
        /// Every tier group, lowest rank first. Tiers always carry a licence, so only licensed groups are asked for their
        /// tier record: Graph can neither filter groups by an open extension nor is expanding extensions on a group list documented.
        /// </summary>
        public static async Task<IReadOnlyList<TierGroupState>> ListTiersAsync(GraphSession session, CancellationToken cancellation) =>
            await TiersAmongAsync(session, await ListLicensedGroupsAsync(session, cancellation).ConfigureAwait(false), cancellation).ConfigureAwait(false);

        /// <summary>Every group that carries a licence, with the properties a tier needs: every group of the tenant is listed.</summary>
        public static async Task<IReadOnlyList<Group>> ListLicensedGroupsAsync(GraphSession session, CancellationToken cancellation)
        {
            var licensed = new List<Group>();
            await ForEachGroupAsync(session, "list groups", GroupSelect, null, g =>
            {
                if (g.AssignedLicenses != null && g.AssignedLicenses.Count > 0)
                {
                    licensed.Add(g);
                }
            }, cancellation).ConfigureAwait(false);
            return licensed;
        }

        /// <summary>
        /// Every group that carries one of <paramref name="skus"/> (the tenant's), each once, listed per SKU with the
        /// documented <c>assignedLicenses/any(x:x/skuId eq …)</c> filter, so the unlicensed groups of the tenant are never
        /// read. (<c>assignedLicenses/$count ne 0</c> is documented for users only.) Should Graph refuse the filter on
        /// groups, every group is listed and the licensed ones kept, as <see cref="ListLicensedGroupsAsync(GraphSession, CancellationToken)"/> does.
        /// </summary>
        public static async Task<IReadOnlyList<Group>> ListLicensedGroupsAsync(GraphSession session, IEnumerable<LicenseSku> skus, CancellationToken cancellation)
        {
            var licensed = new Dictionary<string, Group>(StringComparer.OrdinalIgnoreCase);
            try
            {
                foreach (var sku in skus.Select(s => s.SkuId).Distinct())
                {
                    await ForEachGroupAsync(session, "list groups licensed with " + sku, GroupSelect, SkuFilter(sku), g => licensed[g.Id!] = g, cancellation).ConfigureAwait(false);
                }
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id == ErrorIds.GraphRequestFailed && ex.Error.Inner is ApiException { ResponseStatusCode: 400 })
            {
                return await ListLicensedGroupsAsync(session, cancellation).ConfigureAwait(false);
            }

            return licensed.Values.ToList();
        }

        /// <summary>The filter that narrows a listing of users or groups to the holders of one SKU (no advanced query needed).</summary>
        public static string SkuFilter(Guid skuId) => $"assignedLicenses/any(x:x/skuId eq {skuId})";

        /// <summary>
        /// The tier groups among <paramref name="licensed"/> (from <see cref="ListLicensedGroupsAsync(GraphSession, CancellationToken)"/>),
        /// lowest rank first. Each group's tier record is one read, twenty to a $batch.
        /// </summary>
        public static async Task<IReadOnlyList<TierGroupState>> TiersAmongAsync(GraphSession session, IEnumerable<Group> licensed, CancellationToken cancellation)
        {
            var groups = licensed.ToList();
            var answers = await GraphBatch.ReadAllAsync(session, "read the tier records of licensed groups", "ReadGroups",
                groups.Select(g => "/groups/" + g.Id + "/extensions/" + TierRecord.ExtensionName).ToList(), cancellation).ConfigureAwait(false);
            var tiers = new List<TierGroupState>();
            for (var i = 0; i < groups.Count; i++)
            {
                var (outcome, body) = answers[i];
                if (outcome.Status == 404)
                {
                    continue;
                }

                if (!outcome.Succeeded || body == null)
                {
                    throw WriteRetryPolicy.Error(session, "read the tier record of group " + groups[i].Id, "ReadGroups", outcome).ToException();
                }

                var record = TierRecord.From(new JsonParseNode(body.Value).GetObjectValue(Extension.CreateFromDiscriminatorValue));
                if (record != null)
                {
                    tiers.Add(new TierGroupState(groups[i], record));
                }
            }

            return tiers.OrderBy(t => t.Record!.Tier).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        /// <summary>
        /// Every group that matches <paramref name="filter"/> (all when null), page by page. Deliberately without
        /// ConsistencyLevel or $count: the hasMembersWithLicenseErrors filter is refused as an advanced query.
        /// </summary>
        public static async Task ForEachGroupAsync(GraphSession session, string operation, string[] select, string? filter, Action<Group> onGroup, CancellationToken cancellation)
        {
            var first = await session.CallAsync(operation, "ReadGroups",
                c => c.Groups.GetAsync(r =>
                {
                    r.QueryParameters.Select = select;
                    r.QueryParameters.Filter = filter;
                    r.QueryParameters.Top = 999;
                }, cancellation), cancellation).ConfigureAwait(false);
            await GraphPages.ForEachAsync<Group, GroupCollectionResponse>(session, operation, "ReadGroups", first, g =>
            {
                onGroup(g);
                return true;
            }, cancellation).ConfigureAwait(false);
        }

        public static async Task<TierRecord?> ReadRecordAsync(GraphSession session, string groupId, CancellationToken cancellation)
        {
            var extension = await session.CallOrNotFoundAsync("read the tier record of group " + groupId, "ReadGroups",
                c => c.Groups[groupId].Extensions[TierRecord.ExtensionName].GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            return TierRecord.From(extension);
        }

        /// <summary>The group's user members with the properties asked for, all in one list (for groups a command must hold whole).</summary>
        public static async Task<List<User>> UserMembersAsync(GraphSession session, string groupId, string[] select, CancellationToken cancellation)
        {
            var users = new List<User>();
            await ForEachUserMemberAsync(session, groupId, select, users.Add, cancellation).ConfigureAwait(false);
            return users;
        }

        /// <summary>The group's user members, handed on page by page and kept nowhere, so memory stays flat for any group size.</summary>
        public static async Task ForEachUserMemberAsync(GraphSession session, string groupId, string[] select, Action<User> onUser, CancellationToken cancellation)
        {
            var first = await session.CallAsync("list members of group " + groupId, "ReadGroups",
                c => c.Groups[groupId].Members.GraphUser.GetAsync(r =>
                {
                    r.QueryParameters.Select = select;
                    r.QueryParameters.Top = 999;
                }, cancellation), cancellation).ConfigureAwait(false);
            await GraphPages.ForEachAsync<User, UserCollectionResponse>(session, "list members of group " + groupId, "ReadGroups", first, u =>
            {
                onUser(u);
                return true;
            }, cancellation).ConfigureAwait(false);
        }

        /// <summary>Members whose licence from this group is in an error state, with their licence states, in one list.</summary>
        public static async Task<List<User>> MembersWithLicenseErrorsAsync(GraphSession session, string groupId, CancellationToken cancellation)
        {
            var users = new List<User>();
            await ForEachMemberWithLicenseErrorAsync(session, groupId, users.Add, cancellation).ConfigureAwait(false);
            return users;
        }

        /// <summary>Members whose licence from this group is in an error state, handed on page by page and kept nowhere.</summary>
        public static async Task ForEachMemberWithLicenseErrorAsync(GraphSession session, string groupId, Action<User> onUser, CancellationToken cancellation)
        {
            var first = await session.CallAsync("list members with licence errors of group " + groupId, "ReadGroups",
                c => c.Groups[groupId].MembersWithLicenseErrors.GetAsync(r =>
                {
                    r.QueryParameters.Select = new[] { "id", "userPrincipalName", "licenseAssignmentStates" };
                    r.QueryParameters.Top = 999;
                }, cancellation), cancellation).ConfigureAwait(false);
            await GraphPages.ForEachAsync<DirectoryObject, DirectoryObjectCollectionResponse>(session, "list members with licence errors of group " + groupId, "ReadGroups", first, o =>
            {
                if (o is User u)
                {
                    onUser(u);
                }

                return true;
            }, cancellation).ConfigureAwait(false);
        }

        /// <summary>
        /// The licensed groups <paramref name="user"/> is a direct member of: the only groups whose licences reach it, since
        /// group-based licensing does not flow through nested groups.
        /// </summary>
        public static async Task<List<Group>> LicensedGroupsOfAsync(GraphSession session, User user, CancellationToken cancellation)
        {
            var operation = "list the groups of " + (user.UserPrincipalName ?? user.Id);
            var first = await session.CallAsync(operation, "ReadGroups", c => c.Users[user.Id!].MemberOf.GetAsync(r =>
            {
                r.QueryParameters.Select = new[] { "id", "assignedLicenses" };
                r.QueryParameters.Top = 999;
            }, cancellation), cancellation).ConfigureAwait(false);
            var licensed = new List<Group>();
            await GraphPages.ForEachAsync<DirectoryObject, DirectoryObjectCollectionResponse>(session, operation, "ReadGroups", first, o =>
            {
                if (o is Group g && g.AssignedLicenses?.Count > 0)
                {
                    licensed.Add(g);
                }

                return true;
            }, cancellation).ConfigureAwait(false);
            return licensed;
        }
    }
}
