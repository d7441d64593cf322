using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.OData;

namespace LicenseGovernance.Simulator.Http
{
    internal static class UserRoutes
    {
        public static SimResponse List(RequestContext ctx)
        {
            Paging.RejectUnsupportedOptions(ctx);
            var pageSize = Paging.PageSize(ctx);
            var properties = UserJson.Resolve(ctx.Query.Select, collection: true);
            UserJson.CheckSelection(ctx, properties);
            var filter = QueryFilter.Parse(ctx.Query.Filter, FilterEntity.User, ctx.IsAdvancedQuery);
            if (filter != null && filter.ReferencesSignInActivity)
            {
                UserJson.RequireSignInActivityAccess(ctx);
            }

            // Selected or filtered, signInActivity comes from its own store, which serves smaller pages (research-17 §1).
            if (properties.Contains("signInActivity") || (filter != null && filter.ReferencesSignInActivity))
            {
                pageSize = Math.Min(pageSize, ctx.Tenant.Options.SignInActivityMaxPageSize);
            }

            var now = ctx.Now;
            var store = ctx.Store;
            var fragment = ctx.Query.Select == null ? "users" : "users(" + string.Join(",", ctx.Query.Select) + ")";
            return store.Read(() => Paging.Serve(
                ctx,
                "users",
                fragment,
                store.UserList,
                u => u.Sequence,
                u => TenantStore.IsVisible(u.VisibleAfter, now) && (filter == null || filter.Matches(new UserFilterView(u, store))),
                pageSize,
                (w, u) => UserJson.Write(w, u, properties, store)));
        }

        public static SimResponse Count(RequestContext ctx)
        {
            ctx.RequirePermission(Permissions.UserReadBasic);
            if (!ctx.IsEventual)
            {
                throw GraphServiceError.BadRequest("$count is not currently supported.");
            }

            var filter = QueryFilter.Parse(ctx.Query.Filter, FilterEntity.User, advancedQuery: true);
            var now = ctx.Now;
            var store = ctx.Store;
            var count = store.Read(() => store.UserList.Count(u => TenantStore.IsVisible(u.VisibleAfter, now) && (filter == null || filter.Matches(new UserFilterView(u, store)))));
            return SimResponse.Text(count.ToString(CultureInfo.InvariantCulture));
        }

        public static SimResponse Get(RequestContext ctx, string key)
        {
            var properties = UserJson.Resolve(ctx.Query.Select, collection: false);
            UserJson.CheckSelection(ctx, properties);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var user = store.RequireUser(key, ctx.Now);
                return new SimResponse(200, GraphJson.Write(w => UserJson.Write(w, user, properties, store, context: ctx.ServiceRoot + "/$metadata#users/$entity")));
            });
        }

        public static SimResponse Manager(RequestContext ctx, string key)
        {
            ctx.RequirePermission(Permissions.UserRead);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var user = store.RequireUser(key, ctx.Now);
                var manager = user.ManagerId.HasValue ? store.FindUserCore(user.ManagerId.Value.ToString(), ctx.Now) : null;
                if (manager == null)
                {
                    throw GraphServiceError.NotFound("manager");
                }

                return new SimResponse(200, GraphJson.Write(w => UserJson.Write(w, manager, UserJson.Resolve(ctx.Query.Select, false), store, withODataType: true, context: ctx.ServiceRoot + "/$metadata#directoryObjects/$entity")));
            });
        }

        public static SimResponse MemberOf(RequestContext ctx, string key)
        {
            ctx.RequirePermission(Permissions.GroupRead);
            Paging.RejectUnsupportedOptions(ctx);
            var pageSize = Paging.PageSize(ctx);
            var properties = GroupJson.Resolve(ctx.Query.Select);
            var store = ctx.Store;
            var now = ctx.Now;
            return store.Read(() =>
            {
                var user = store.RequireUser(key, now);
                var groups = store.GroupList.Where(g => user.MemberOf.Contains(g.Id)).ToList();
                return Paging.Serve(ctx, $"users/{key}/memberOf", "directoryObjects", groups, g => g.Sequence, g => TenantStore.IsVisible(g.VisibleAfter, now), pageSize, (w, g) => GroupJson.Write(w, g, properties, withODataType: true));
            });
        }

        public static SimResponse LicenseDetails(RequestContext ctx, string key)
        {
            ctx.RequirePermission(Permissions.LicenseDetailsRead);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var user = store.RequireUser(key, ctx.Now);
                var body = GraphJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("@odata.context", ctx.ServiceRoot + $"/$metadata#users('{user.Id}')/licenseDetails");
                    w.WriteStartArray("value");
                    foreach (var license in UserLicensing.AssignedLicenses(user))
                    {
                        var sku = store.FindSkuCore(license.SkuId);
                        if (sku == null)
                        {
                            continue;
                        }

                        w.WriteStartObject();
                        w.WriteString("id", LicenseDetailsId(user.Id, sku.SkuId));
                        w.WriteString("skuId", GraphJson.Guid(sku.SkuId));
                        w.WriteString("skuPartNumber", sku.SkuPartNumber);
                        w.WriteStartArray("servicePlans");
                        foreach (var plan in sku.ServicePlans)
                        {
                            w.WriteStartObject();
                            w.WriteString("servicePlanId", GraphJson.Guid(plan.ServicePlanId));
                            w.WriteString("servicePlanName", plan.ServicePlanName);
                            w.WriteString("provisioningStatus", license.DisabledPlans.Contains(plan.ServicePlanId) ? "Disabled" : plan.ProvisioningStatus);
                            w.WriteString("appliesTo", plan.AppliesTo);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return new SimResponse(200, body);
            });
        }

        public static SimResponse AssignLicense(RequestContext ctx, string key)
        {
            ctx.RequirePermission(Permissions.LicenseAssign);
            var (add, remove) = LicenseBody.Parse(ctx.Request);
            var store = ctx.Store;
            return store.Write(() =>
            {
                var user = store.AssignUserLicensesCore(store.RequireUser(key, ctx.Now), add, remove);
                return new SimResponse(200, GraphJson.Write(w => UserJson.Write(w, user, UserJson.DefaultProperties, store, context: ctx.ServiceRoot + "/$metadata#users/$entity")));
            });
        }

        public static SimResponse ReprocessLicenseAssignment(RequestContext ctx, string key)
        {
            ctx.RequirePermission(Permissions.UserWrite);
            var store = ctx.Store;
            return store.Write(() =>
            {
                var user = store.RequireUser(key, ctx.Now);

                // Graph answers at once with the user; the groups process it later, as after any other change.
                store.GroupLicensing.Reprocess(user);

                return new SimResponse(200, GraphJson.Write(w => UserJson.Write(w, user, UserJson.DefaultProperties, store, context: ctx.ServiceRoot + "/$metadata#users/$entity")));
            });
        }

        public static SimResponse RevokeSignInSessions(RequestContext ctx, string key)
        {
            ctx.RequirePermission(Permissions.RevokeSessions);
            var store = ctx.Store;
            store.Write(() =>
            {
                // Refresh tokens and session cookies issued before now stop working: the state is the new validity start.
                var user = store.RequireUser(key, ctx.Now);
                user.SignInSessionsValidFromDateTime = ctx.Now;
                user.SignInSessionsRevoked++;
                return 0;
            });
            return new SimResponse(200, GraphJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("@odata.context", ctx.ServiceRoot + "/$metadata#Edm.Boolean");
                w.WriteBoolean("value", true);
                w.WriteEndObject();
            }));
        }

        public static SimResponse Update(RequestContext ctx, string key)
        {
            using var doc = GraphJson.ParseBody(ctx.Request);
            var names = doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.EnumerateObject().Select(p => p.Name).ToList() : new List<string>();
            var accepted = new List<string>(Permissions.UserWrite);
            if (names.All(n => n == "accountEnabled"))
            {
                accepted.AddRange(Permissions.UserEnableDisable);
            }

            ctx.RequirePermission(accepted.ToArray());
            if (names.Contains("employeeLeaveDateTime"))
            {
                ctx.RequirePermission(Permissions.LifeCycleWrite);
            }

            var store = ctx.Store;
            store.Write(() =>
            {
                var user = store.RequireUser(key, ctx.Now);
                var patch = UserPatch.Read(doc.RootElement, user);
                store.UpdateUser(user.Id, patch);
                return 0;
            });
            return SimResponse.NoContent();
        }

        public static SimResponse Create(RequestContext ctx)
        {
            ctx.RequirePermission(Permissions.UserWrite);
            using var doc = GraphJson.ParseBody(ctx.Request);
            var root = doc.RootElement;
            foreach (var required in new[] { "accountEnabled", "displayName", "mailNickname", "userPrincipalName", "passwordProfile" })
            {
                if (!root.TryGetProperty(required, out var v) || v.ValueKind == JsonValueKind.Null)
                {
                    throw GraphServiceError.BadRequest($"A value is required for property '{required}' of resource 'User'.");
                }
            }

            var store = ctx.Store;
            var now = ctx.Now;
            var user = new SimulatedUser
            {
                Id = store.NewId(),
                UserPrincipalName = root.GetProperty("userPrincipalName").GetString() ?? string.Empty,
                CreatedDateTime = now,
                VisibleAfter = ctx.Tenant.Options.ReadAfterWriteDelay > TimeSpan.Zero ? now + ctx.Tenant.Options.ReadAfterWriteDelay : (DateTimeOffset?)null,
            };
            UserPatch.Read(root, user)(user);
            store.Write(() => store.AddUserCore(user));
            return new SimResponse(201, GraphJson.Write(w => UserJson.Write(w, user, UserJson.DefaultProperties, store, context: ctx.ServiceRoot + "/$metadata#users/$entity")));
        }

        private static string LicenseDetailsId(Guid userId, Guid skuId)
        {
            // Observed ids are opaque url-safe strings; derive one from user and SKU so it is stable across calls.
            var bytes = userId.ToByteArray().Concat(skuId.ToByteArray()).ToArray();
            return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }
    }
}
