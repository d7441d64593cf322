using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Licensing;
using LicenseGovernance.Simulator.Membership;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.OData;

namespace LicenseGovernance.Simulator.Http
{
    internal static class GroupRoutes
    {
        private const int MaxMembersPerPatch = 20;

        public static SimResponse List(RequestContext ctx)
        {
            ctx.RequirePermission(Permissions.GroupRead);
            var withExtensions = ExpandsExtensions(ctx);
            Paging.RejectUnsupportedOptions(ctx, allowExpand: withExtensions);
            var pageSize = Paging.PageSize(ctx);
            var properties = GroupJson.Resolve(ctx.Query.Select);
            var filter = QueryFilter.Parse(ctx.Query.Filter, FilterEntity.Group, ctx.IsAdvancedQuery);
            var store = ctx.Store;
            var now = ctx.Now;
            var fragment = ctx.Query.Select == null ? "groups" : "groups(" + string.Join(",", ctx.Query.Select) + ")";
            return store.Read(() => Paging.Serve(
                ctx, "groups", fragment, store.GroupList, g => g.Sequence,
                g => TenantStore.IsVisible(g.VisibleAfter, now) && (filter == null || filter.Matches(new GroupFilterView(g, store))),
                pageSize,
                (w, g) => GroupJson.Write(w, g, properties, withExtensions: withExtensions)));
        }

        public static SimResponse Get(RequestContext ctx, string id)
        {
            ctx.RequirePermission(Permissions.GroupRead);
            var withExtensions = ExpandsExtensions(ctx);
            if (ctx.Query.Expand != null && !withExtensions)
            {
                throw GraphServiceError.UnsupportedQuery("The simulated tenant supports only $expand=extensions on groups.");
            }

            var properties = GroupJson.Resolve(ctx.Query.Select);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var group = store.RequireGroup(id, ctx.Now);
                return new SimResponse(200, GraphJson.Write(w => GroupJson.Write(w, group, properties, context: ctx.ServiceRoot + "/$metadata#groups/$entity", withExtensions: withExtensions)));
            });
        }

        public static SimResponse Create(RequestContext ctx)
        {
            ctx.RequirePermission(Permissions.GroupCreate);
            using var doc = GraphJson.ParseBody(ctx.Request);
            var root = doc.RootElement;
            var store = ctx.Store;
            var now = ctx.Now;
            var group = new SimulatedGroup
            {
                Id = store.NewId(),
                DisplayName = RequiredString(root, "displayName"),
                MailEnabled = RequiredBool(root, "mailEnabled"),
                MailNickname = RequiredString(root, "mailNickname"),
                SecurityEnabled = RequiredBool(root, "securityEnabled"),
                CreatedDateTime = now,
                VisibleAfter = ctx.Tenant.Options.ReadAfterWriteDelay > TimeSpan.Zero ? now + ctx.Tenant.Options.ReadAfterWriteDelay : (DateTimeOffset?)null,
            };
            if (group.DisplayName.Length > 256)
            {
                throw GraphServiceError.BadRequest("Invalid value specified for property 'displayName' of resource 'Group'.");
            }

            if (group.MailNickname.Length > 64 || group.MailNickname.Any(c => c > 127 || "@()\\/[]';:<>, ".IndexOf(c) >= 0 || char.IsControl(c)))
            {
                throw GraphServiceError.BadRequest("Invalid value specified for property 'mailNickname' of resource 'Group'.");
            }

            ApplyOptional(root, group);
            DynamicMembershipProcessor.Validate(group);
            if (group.IsDynamic && group.IsAssignableToRole)
            {
                throw GraphServiceError.BadRequest("Invalid value specified for property 'isAssignableToRole' of resource 'Group'.");
            }

            if (group.IsDynamic && group.MembershipRuleProcessingState == null)
            {
                // Reported behaviour (graph-contract §3.2, unverified): without an explicit state a dynamic group comes up Paused.
                group.MembershipRuleProcessingState = "Paused";
            }

            var binds = MemberBinds(root);
            store.Write(() =>
            {
                var members = binds.Select(b => store.FindMemberCandidate(b, null) ?? throw GraphServiceError.ReferenceMissing()).ToList();
                store.CreateGroupCore(group, members);
                return 0;
            });
            return new SimResponse(201, GraphJson.Write(w => GroupJson.Write(w, group, GroupJson.DefaultProperties, context: ctx.ServiceRoot + "/$metadata#groups/$entity")));
        }

        public static SimResponse Update(RequestContext ctx, string id)
        {
            using var doc = GraphJson.ParseBody(ctx.Request);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw GraphServiceError.BadRequest("The request body must be a JSON object.");
            }

            // The SDK's Group model always carries @odata.type, which says nothing about what changes.
            var onlyMembers = root.EnumerateObject().All(p => p.Name == "members@odata.bind" || p.Name == "@odata.type");
            ctx.RequirePermission(onlyMembers ? Permissions.GroupMemberWrite : Permissions.GroupWrite);
            var binds = MemberBinds(root);
            if (binds.Count > MaxMembersPerPatch)
            {
                throw GraphServiceError.BadRequest($"Unable to update the specified properties: at most {MaxMembersPerPatch} members can be added in one request.");
            }

            var store = ctx.Store;
            store.Write(() =>
            {
                var group = store.FindGroupCore(id, ctx.Now) ?? throw GraphServiceError.NotFound(id);
                var members = binds.Select(b => store.FindMemberCandidate(b, ctx.Now) ?? throw GraphServiceError.ReferenceMissing()).ToList();
                if (members.Count > 0)
                {
                    RequireRoleAssignablePermission(ctx, group);
                }

                var changes = new List<Action<SimulatedGroup>>();
                var rule = group.MembershipRule;
                var types = group.GroupTypes;
                foreach (var property in root.EnumerateObject())
                {
                    var value = property.Value;
                    switch (property.Name)
                    {
                        case "displayName":
                            var name = value.GetString() ?? throw GraphServiceError.BadRequest("Invalid value specified for property 'displayName' of resource 'Group'.");
                            changes.Add(g => g.DisplayName = name);
                            break;
                        case "description":
                            var description = value.ValueKind == JsonValueKind.Null ? null : value.GetString();
                            changes.Add(g => g.Description = description);
                            break;
                        case "membershipRule":
                            rule = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                            var newRule = rule;
                            changes.Add(g => g.MembershipRule = newRule);
                            break;
                        case "membershipRuleProcessingState":
                            var state = ProcessingState(value);
                            changes.Add(g => g.MembershipRuleProcessingState = state);
                            break;
                        case "mailNickname":
                            var nickname = value.GetString();
                            changes.Add(g => g.MailNickname = nickname ?? g.MailNickname);
                            break;
                        case "visibility":
                            var visibility = value.GetString();
                            changes.Add(g => g.Visibility = visibility);
                            break;
                        case "groupTypes":
                            // Adding or removing DynamicMembership turns a group dynamic or static (Unified cannot change).
                            var newTypes = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(t => t.GetString() ?? "").ToList()
                                : throw GraphServiceError.BadRequest("Invalid value specified for property 'groupTypes' of resource 'Group'.");
                            if (newTypes.Contains("Unified", StringComparer.OrdinalIgnoreCase) != group.GroupTypes.Contains("Unified", StringComparer.OrdinalIgnoreCase))
                            {
                                throw GraphServiceError.BadRequest("Invalid value specified for property 'groupTypes' of resource 'Group'.");
                            }

                            types = newTypes;
                            changes.Add(g => g.GroupTypes = newTypes.ToList());
                            break;
                        case "members@odata.bind": break;
                        // The SDK sends the type annotation on every PATCH, as Graph allows.
                        case "@odata.type": break;
                        default: throw GraphServiceError.BadRequest($"Property '{property.Name}' cannot be updated on a group by the simulated tenant.");
                    }
                }

                // The rule is checked before anything changes, so a refused PATCH leaves the group as it was.
                DynamicMembershipProcessor.Validate(new SimulatedGroup { GroupTypes = types, MembershipRule = rule });
                if (changes.Count > 0)
                {
                    store.UpdateGroupCore(group, g => changes.ForEach(c => c(g)));
                }

                if (members.Count > 0)
                {
                    RefuseMastered(group);
                    store.AddMembersCore(group, members);
                }

                return 0;
            });
            return SimResponse.NoContent();
        }

        public static SimResponse Delete(RequestContext ctx, string id)
        {
            ctx.RequirePermission(Permissions.GroupWrite);
            var store = ctx.Store;
            store.Write(() =>
            {
                store.RemoveGroupCore(store.RequireGroup(id, ctx.Now));
                return 0;
            });
            return SimResponse.NoContent();
        }

        public static SimResponse AddMemberRef(RequestContext ctx, string id)
        {
            ctx.RequirePermission(Permissions.GroupMemberWrite);
            var memberId = ReferencedId(ctx);
            var store = ctx.Store;
            store.Write(() =>
            {
                // A group or user that has not replicated yet is reported as a missing reference, not as a 404.
                var group = store.FindGroupCore(id, ctx.Now) ?? (store.FindGroupCore(id, null) != null ? throw GraphServiceError.ReferenceMissing() : throw GraphServiceError.NotFound(id));
                var member = store.FindMemberCandidate(memberId, ctx.Now) ?? throw GraphServiceError.ReferenceMissing();
                RefuseMastered(group);
                RequireRoleAssignablePermission(ctx, group);
                store.AddMembersCore(group, new[] { member });
                return 0;
            });
            return SimResponse.NoContent();
        }

        public static SimResponse RemoveMemberRef(RequestContext ctx, string id, string memberId)
        {
            ctx.RequirePermission(Permissions.GroupMemberWrite);
            var store = ctx.Store;
            store.Write(() =>
            {
                var group = store.RequireGroup(id, ctx.Now);
                if (!Guid.TryParse(memberId, out var member))
                {
                    throw GraphServiceError.NotFound(memberId);
                }

                RefuseMastered(group);
                RequireRoleAssignablePermission(ctx, group);
                store.RemoveMemberCore(group, member);
                return 0;
            });
            return SimResponse.NoContent();
        }

        /// <summary>Graph's 403 for a membership change of a role-assignable group without RoleManagement.ReadWrite.Directory.</summary>
        private static void RequireRoleAssignablePermission(RequestContext ctx, SimulatedGroup group)
        {
            if (group.IsAssignableToRole)
            {
                ctx.RequirePermission(Permissions.RoleAssignableGroupMemberWrite);
            }
        }

        /// <summary>Graph's 400 for a membership change of a group that Graph does not master (synced from AD, or mail-enabled security).</summary>
        private static void RefuseMastered(SimulatedGroup group)
        {
            if (group.OnPremisesSyncEnabled == true)
            {
                throw GraphServiceError.BadRequest("Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.");
            }

            if (group.MembershipMasteredElsewhere)
            {
                throw GraphServiceError.BadRequest("Unable to update the specified properties for objects that have originated within an external service.");
            }
        }

        /// <summary>
        /// GET /groups/{id}/members (users and nested groups), its casts to users or groups, and membersWithLicenseErrors
        /// (users whose licence from this group is in error).
        /// </summary>
        public static SimResponse Members(RequestContext ctx, string id, MemberView view)
        {
            ctx.RequirePermission(Permissions.GroupRead);
            var cast = view == MemberView.Users || view == MemberView.Groups;
            if (cast && (ctx.Query.Filter != null || ctx.Query.Count) && !ctx.IsAdvancedQuery)
            {
                throw GraphServiceError.UnsupportedQuery("Unsupported Query.");
            }

            Paging.RejectUnsupportedOptions(ctx);
            var pageSize = Paging.PageSize(ctx);
            string[] userProperties;
            string[] groupProperties;
            if (view == MemberView.Groups)
            {
                userProperties = Array.Empty<string>();
                groupProperties = GroupJson.Resolve(ctx.Query.Select);
            }
            else
            {
                userProperties = UserJson.Resolve(ctx.Query.Select, collection: true);
                UserJson.CheckSelection(ctx, userProperties);
                groupProperties = GroupJson.ResolveForDirectoryObjects(ctx.Query.Select);
            }

            var filter = QueryFilter.Parse(ctx.Query.Filter, view == MemberView.Groups ? FilterEntity.Group : FilterEntity.User, ctx.IsAdvancedQuery);
            var store = ctx.Store;
            var now = ctx.Now;
            return store.Read(() =>
            {
                var group = store.RequireGroup(id, now);
                if (view == MemberView.Groups && group.IsUnified)
                {
                    throw GraphServiceError.UnsupportedQuery("The type cast 'microsoft.graph.group' is not supported on the members of a Microsoft 365 group.");
                }

                var members = new List<(long Sequence, SimulatedUser? User, SimulatedGroup? Group)>(group.Members.Count);
                foreach (var memberId in group.Members)
                {
                    var user = view == MemberView.Groups ? null : store.UserById(memberId);
                    var nested = view == MemberView.All || view == MemberView.Groups ? store.GroupById(memberId) : null;
                    if (user != null)
                    {
                        members.Add((user.Sequence, user, null));
                    }
                    else if (nested != null)
                    {
                        members.Add((nested.Sequence, null, nested));
                    }
                }

                members.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
                var path = $"groups/{id}/" + view switch
                {
                    MemberView.WithLicenseErrors => "membersWithLicenseErrors",
                    MemberView.Users => "members/microsoft.graph.user",
                    MemberView.Groups => "members/microsoft.graph.group",
                    _ => "members",
                };
                return Paging.Serve(
                    ctx, path, view == MemberView.Users ? "users" : view == MemberView.Groups ? "groups" : "directoryObjects", members, m => m.Sequence,
                    m => m.User != null
                        ? TenantStore.IsVisible(m.User.VisibleAfter, now)
                            && (view != MemberView.WithLicenseErrors || GroupLicenseProcessor.HasLicenseError(group, m.User))
                            && (filter == null || filter.Matches(new UserFilterView(m.User, store)))

                        // A $filter on /members is read as a user filter, so it leaves nested groups out.
                        : TenantStore.IsVisible(m.Group!.VisibleAfter, now)
                            && (view == MemberView.Groups ? filter == null || filter.Matches(new GroupFilterView(m.Group, store)) : filter == null),
                    pageSize,
                    (w, m) =>
                    {
                        if (m.User != null)
                        {
                            UserJson.Write(w, m.User, userProperties, store, withODataType: true);
                        }
                        else
                        {
                            GroupJson.Write(w, m.Group!, groupProperties, withODataType: true);
                        }
                    });
            });
        }

        public static SimResponse AppRoleAssignments(RequestContext ctx, string id)
        {
            ctx.RequirePermission(Permissions.AppRoleAssignmentRead);
            Paging.RejectUnsupportedOptions(ctx);
            var pageSize = Paging.PageSize(ctx);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var group = store.RequireGroup(id, ctx.Now);
                var items = group.AppRoleAssignments.Select((a, i) => (Sequence: (long)i + 1, Assignment: a)).ToList();
                return Paging.Serve(
                    ctx, $"groups/{id}/appRoleAssignments", $"groups('{group.Id}')/appRoleAssignments", items, a => a.Sequence, _ => true, pageSize,
                    (w, item) =>
                    {
                        var a = item.Assignment;
                        w.WriteStartObject();
                        w.WriteString("id", a.Id);
                        w.WriteNull("deletedDateTime");
                        w.WriteString("appRoleId", GraphJson.Guid(a.AppRoleId));
                        w.WriteString("createdDateTime", GraphJson.Date(a.CreatedDateTime));
                        w.WriteString("principalDisplayName", a.PrincipalDisplayName);
                        w.WriteString("principalId", GraphJson.Guid(a.PrincipalId));
                        w.WriteString("principalType", a.PrincipalType);
                        w.WriteString("resourceDisplayName", a.ResourceDisplayName);
                        w.WriteString("resourceId", GraphJson.Guid(a.ResourceId));
                        w.WriteEndObject();
                    });
            });
        }

        public static SimResponse AssignLicense(RequestContext ctx, string id)
        {
            ctx.RequirePermission(Permissions.GroupLicenseAssign);
            var (add, remove) = LicenseBody.Parse(ctx.Request);
            var store = ctx.Store;
            return store.Write(() =>
            {
                var group = store.AssignGroupLicensesCore(store.RequireGroup(id, ctx.Now), add, remove);
                return new SimResponse(202, GraphJson.Write(w => GroupJson.Write(w, group, GroupJson.DefaultProperties, context: ctx.ServiceRoot + "/$metadata#groups/$entity")));
            });
        }

        /// <summary>Open extensions are read with the group through $expand=extensions, one request for many groups.</summary>
        private static bool ExpandsExtensions(RequestContext ctx) => string.Equals(ctx.Query.Expand?.Trim(), "extensions", StringComparison.OrdinalIgnoreCase);

        private static void ApplyOptional(JsonElement root, SimulatedGroup group)
        {
            if (root.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String)
            {
                group.Description = description.GetString();
            }

            if (root.TryGetProperty("groupTypes", out var types) && types.ValueKind == JsonValueKind.Array)
            {
                group.GroupTypes = types.EnumerateArray().Select(t => t.GetString() ?? string.Empty).ToList();
            }

            if (root.TryGetProperty("membershipRule", out var rule) && rule.ValueKind == JsonValueKind.String)
            {
                group.MembershipRule = rule.GetString();
            }

            if (root.TryGetProperty("membershipRuleProcessingState", out var state) && state.ValueKind != JsonValueKind.Null)
            {
                group.MembershipRuleProcessingState = ProcessingState(state);
            }

            if (root.TryGetProperty("isAssignableToRole", out var assignable) && assignable.ValueKind == JsonValueKind.True)
            {
                group.IsAssignableToRole = true;
            }

            if (root.TryGetProperty("visibility", out var visibility) && visibility.ValueKind == JsonValueKind.String)
            {
                group.Visibility = visibility.GetString();
            }
        }

        private static string ProcessingState(JsonElement value)
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return text == "On" || text == "Paused" ? text : throw GraphServiceError.BadRequest("Invalid value specified for property 'membershipRuleProcessingState' of resource 'Group'.");
        }

        private static List<string> MemberBinds(JsonElement root)
        {
            if (!root.TryGetProperty("members@odata.bind", out var binds))
            {
                return new List<string>();
            }

            if (binds.ValueKind != JsonValueKind.Array)
            {
                throw GraphServiceError.BadRequest("Invalid value specified for property 'members@odata.bind' of resource 'Group'.");
            }

            return binds.EnumerateArray().Select(b => LastSegment(b.GetString() ?? string.Empty)).ToList();
        }

        /// <summary>The id a POST .../$ref body names: the last segment of its @odata.id URL.</summary>
        internal static string ReferencedId(RequestContext ctx)
        {
            using var doc = GraphJson.ParseBody(ctx.Request);
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("@odata.id", out var reference) || reference.ValueKind != JsonValueKind.String)
            {
                throw GraphServiceError.BadRequest("A value is required for property '@odata.id'.");
            }

            return LastSegment(reference.GetString()!);
        }

        private static string LastSegment(string url)
        {
            var trimmed = url.TrimEnd('/');
            return trimmed.Substring(trimmed.LastIndexOf('/') + 1);
        }

        private static string RequiredString(JsonElement root, string name) =>
            root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0
                ? v.GetString()!
                : throw GraphServiceError.BadRequest($"A value is required for property '{name}' of resource 'Group'.");

        private static bool RequiredBool(JsonElement root, string name) =>
            root.TryGetProperty(name, out var v) && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False)
                ? v.GetBoolean()
                : throw GraphServiceError.BadRequest($"A value is required for property '{name}' of resource 'Group'.");

    }

    internal static class SkuRoutes
    {
        public static SimResponse List(RequestContext ctx)
        {
            ctx.RequirePermission(Permissions.SubscribedSkusRead);
            if (ctx.Query.Top.HasValue)
            {
                throw GraphServiceError.UnsupportedQuery("This resource does not support custom page sizes. Please remove the $top query option.");
            }

            if (ctx.Query.Filter != null)
            {
                throw GraphServiceError.UnsupportedQuery("Unsupported Query.");
            }

            var store = ctx.Store;
            return store.Read(() => new SimResponse(200, GraphJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("@odata.context", ctx.ServiceRoot + "/$metadata#subscribedSkus");
                w.WriteStartArray("value");
                foreach (var sku in store.SkuList)
                {
                    SkuJson.Write(w, sku, ctx.Tenant.TenantId, ctx.Query.Select);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            })));
        }

        public static SimResponse Get(RequestContext ctx, string id)
        {
            ctx.RequirePermission(Permissions.SubscribedSkusRead);
            var store = ctx.Store;
            var prefix = ctx.Tenant.TenantId + "_";
            return store.Read(() =>
            {
                var sku = id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && Guid.TryParse(id.Substring(prefix.Length), out var skuId) ? store.FindSkuCore(skuId) : null;
                if (sku == null)
                {
                    throw GraphServiceError.NotFound(id);
                }

                return new SimResponse(200, GraphJson.Write(w => SkuJson.Write(w, sku, ctx.Tenant.TenantId, ctx.Query.Select)));
            });
        }
    }
}
