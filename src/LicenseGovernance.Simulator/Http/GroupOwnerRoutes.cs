using System;
using System.Collections.Generic;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>GET /groups/{id}/owners, POST /groups/{id}/owners/$ref and DELETE /groups/{id}/owners/{id}/$ref (user owners only).</summary>
    internal static class GroupOwnerRoutes
    {
        public static SimResponse List(RequestContext ctx, string id)
        {
            ctx.RequirePermission(Permissions.GroupRead);
            Paging.RejectUnsupportedOptions(ctx);
            var pageSize = Paging.PageSize(ctx);
            var properties = UserJson.Resolve(ctx.Query.Select, collection: true);
            UserJson.CheckSelection(ctx, properties);
            var store = ctx.Store;
            var now = ctx.Now;
            return store.Read(() =>
            {
                var group = store.RequireGroup(id, now);
                var owners = new List<SimulatedUser>(group.Owners.Count);
                foreach (var ownerId in group.Owners)
                {
                    var user = store.UserById(ownerId);
                    if (user != null)
                    {
                        owners.Add(user);
                    }
                }

                owners.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
                return Paging.Serve(ctx, $"groups/{id}/owners", "directoryObjects", owners, u => u.Sequence,
                    u => TenantStore.IsVisible(u.VisibleAfter, now), pageSize,
                    (w, u) => UserJson.Write(w, u, properties, store, withODataType: true));
            });
        }

        public static SimResponse AddRef(RequestContext ctx, string id)
        {
            ctx.RequirePermission(Permissions.GroupWrite);
            var ownerId = GroupRoutes.ReferencedId(ctx);
            var store = ctx.Store;
            store.Write(() =>
            {
                var group = store.RequireGroup(id, ctx.Now);
                store.AddOwnerCore(group, Guid.TryParse(ownerId, out var user) ? user : Guid.Empty);
                return 0;
            });
            return SimResponse.NoContent();
        }

        public static SimResponse RemoveRef(RequestContext ctx, string id, string ownerId)
        {
            ctx.RequirePermission(Permissions.GroupWrite);
            var store = ctx.Store;
            store.Write(() =>
            {
                var group = store.RequireGroup(id, ctx.Now);
                var owner = Guid.TryParse(ownerId, out var user) ? user : Guid.Empty;
                if (group.Owners.Count == 1 && group.Owners[0] == owner)
                {
                    // Graph: once owners are assigned to a group, the last owner cannot be removed.
                    throw GraphServiceError.BadRequest("The group must have at least one owner, hence this owner cannot be removed.");
                }

                store.RemoveOwnerCore(group, owner);
                return 0;
            });
            return SimResponse.NoContent();
        }
    }
}
