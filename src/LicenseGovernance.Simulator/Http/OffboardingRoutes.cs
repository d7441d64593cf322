using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// What offboarding needs beyond the directory: a user's mailbox settings (userPurpose), the user's OneDrive and
    /// sharing its root (driveItem invite), eDiscovery cases with legal holds and their user sources, and sendMail.
    /// The small collections (cases, holds, sources, permissions) come in one page.
    /// </summary>
    internal static class OffboardingRoutes
    {
        private const string DrivePrefix = "b!";

        /// <summary>GET /users/{id}/mailboxSettings, or one setting of it (…/mailboxSettings/userPurpose).</summary>
        public static SimResponse MailboxSettings(RequestContext ctx, string key, string? setting)
        {
            ctx.RequirePermission(Permissions.MailboxSettingsRead);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var user = store.RequireUser(key, ctx.Now);
                var purpose = store.MailboxPurposeCore(user) ?? throw NoMailbox(user);
                return new SimResponse(200, GraphJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("@odata.context", ctx.ServiceRoot + $"/$metadata#users('{user.Id}')/mailboxSettings" + (setting == null ? "" : "/" + setting));
                    if (setting == null)
                    {
                        w.WriteString("timeZone", "UTC");
                        w.WriteString("userPurpose", purpose);
                    }
                    else
                    {
                        w.WriteString("value", purpose);
                    }

                    w.WriteEndObject();
                }));
            });
        }

        /// <summary>GET /users/{id}/drive: every member of the tenant has a provisioned OneDrive; guests have none.</summary>
        public static SimResponse Drive(RequestContext ctx, string key)
        {
            ctx.RequirePermission(Permissions.FilesRead);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var user = RequireDriveOwner(store, key, ctx.Now);
                return new SimResponse(200, GraphJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("@odata.context", ctx.ServiceRoot + "/$metadata#drives/$entity");
                    w.WriteString("id", DriveId(user));
                    w.WriteString("driveType", "business");
                    w.WriteString("name", "OneDrive");
                    w.WriteString("webUrl", $"https://{ctx.Tenant.DefaultDomain.Split('.')[0]}-my.sharepoint.com/personal/{user.UserPrincipalName.Replace('@', '_').Replace('.', '_')}/Documents");
                    w.WriteStartObject("owner");
                    w.WriteStartObject("user");
                    w.WriteString("id", GraphJson.Guid(user.Id));
                    w.WriteString("displayName", user.DisplayName);
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                }));
            });
        }

        /// <summary>GET /drives/{id}/items/root/permissions (or /drives/{id}/root/permissions).</summary>
        public static SimResponse RootPermissions(RequestContext ctx, string driveId)
        {
            ctx.RequirePermission(Permissions.FilesRead);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var owner = DriveOwner(store, driveId, ctx.Now);
                return Collection(ctx, $"drives('{driveId}')/items('root')/permissions", owner.DrivePermissions, WritePermission);
            });
        }

        /// <summary>
        /// POST …/root/invite: recipients of the organisation only (by e-mail or object id), roles read or write. Each
        /// call adds a permission, as Graph does; sendInvitation is recorded, no mail is sent.
        /// </summary>
        public static SimResponse Invite(RequestContext ctx, string driveOrUser, bool byUser)
        {
            ctx.RequirePermission(Permissions.FilesWrite);
            using var doc = GraphJson.ParseBody(ctx.Request);
            var body = doc.RootElement;
            var roles = Strings(body, "roles");
            if (roles.Count == 0 || roles.Any(r => r != "read" && r != "write"))
            {
                throw GraphServiceError.BadRequest("Invalid request: roles must hold read or write.");
            }

            if (!body.TryGetProperty("recipients", out var recipients) || recipients.ValueKind != JsonValueKind.Array || recipients.GetArrayLength() == 0)
            {
                throw GraphServiceError.BadRequest("Invalid request: at least one recipient is required.");
            }

            var requireSignIn = Flag(body, "requireSignIn");
            var sendInvitation = Flag(body, "sendInvitation");
            var store = ctx.Store;
            var granted = store.Write(() =>
            {
                var owner = byUser ? RequireDriveOwner(store, driveOrUser, ctx.Now) : DriveOwner(store, driveOrUser, ctx.Now);
                return recipients.EnumerateArray().Select(r => Recipient(store, r, ctx.Now)).ToList()
                    .Select(user => store.GrantDriveCore(owner, user, roles, requireSignIn, sendInvitation)).ToList();
            });
            return Collection(ctx, "Collection(permission)", granted, WritePermission);
        }

        /// <summary>POST /me/sendMail (delegated only) or /users/{id}/sendMail: the message is kept in the tenant's sent mail.</summary>
        public static SimResponse SendMail(RequestContext ctx, string? key)
        {
            ctx.RequirePermission(Permissions.MailSend);
            if (key == null && ctx.Token.UserPrincipalName == null)
            {
                throw GraphServiceError.BadRequest("/me request is only valid with delegated authentication flow.");
            }

            // The v1.0 schema spells this action's parameters Message and SaveToSentItems; Graph reads either case.
            using var doc = GraphJson.ParseBody(ctx.Request);
            if (!Property(doc.RootElement, "message", out var message) || message.ValueKind != JsonValueKind.Object)
            {
                throw GraphServiceError.BadRequest("Empty Payload. JSON content expected.");
            }

            var to = message.TryGetProperty("toRecipients", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(r => r.TryGetProperty("emailAddress", out var e) && e.TryGetProperty("address", out var a) ? a.GetString() ?? "" : "").Where(a => a.Length > 0).ToList()
                : new List<string>();
            if (to.Count == 0)
            {
                throw GraphServiceError.BadRequest("At least one recipient is required, but none were found.");
            }

            var store = ctx.Store;
            store.Write(() =>
            {
                var sender = store.RequireUser(key ?? ctx.Token.UserPrincipalName!, ctx.Now);
                if (store.MailboxPurposeCore(sender) == null)
                {
                    throw NoMailbox(sender);
                }

                store.SentMailList.Add(new SimulatedMail
                {
                    From = sender.Mail ?? sender.UserPrincipalName,
                    To = to,
                    Subject = message.TryGetProperty("subject", out var s) ? s.GetString() ?? "" : "",
                    Body = message.TryGetProperty("body", out var b) && b.TryGetProperty("content", out var c) ? c.GetString() ?? "" : "",
                    SavedToSentItems = !Property(doc.RootElement, "saveToSentItems", out var save) || save.ValueKind != JsonValueKind.False,
                    SentDateTime = ctx.Now,
                });
                return 0;
            });
            return new SimResponse(202);
        }

        public static SimResponse Cases(RequestContext ctx)
        {
            ctx.RequirePermission(Permissions.EdiscoveryRead);
            var store = ctx.Store;
            return store.Read(() => Collection(ctx, "security/cases/ediscoveryCases", store.EdiscoveryCaseList, (w, c) =>
            {
                w.WriteString("id", GraphJson.Guid(c.Id));
                w.WriteString("displayName", c.DisplayName);
                w.WriteString("status", c.Status);
                w.WriteString("createdDateTime", GraphJson.Date(c.CreatedDateTime));
            }));
        }

        public static SimResponse LegalHolds(RequestContext ctx, string caseId)
        {
            ctx.RequirePermission(Permissions.EdiscoveryRead);
            var store = ctx.Store;
            return store.Read(() => Collection(ctx, $"security/cases/ediscoveryCases('{caseId}')/legalHolds", Case(store, caseId).LegalHolds, (w, h) =>
            {
                w.WriteString("id", GraphJson.Guid(h.Id));
                w.WriteString("displayName", h.DisplayName);
                w.WriteBoolean("isEnabled", h.IsEnabled);
                w.WriteString("status", h.Status);
                w.WriteString("createdDateTime", GraphJson.Date(h.CreatedDateTime));
            }));
        }

        public static SimResponse UserSources(RequestContext ctx, string caseId, string holdId)
        {
            ctx.RequirePermission(Permissions.EdiscoveryRead);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var hold = Case(store, caseId).LegalHolds.FirstOrDefault(h => string.Equals(GraphJson.Guid(h.Id), holdId, StringComparison.OrdinalIgnoreCase))
                    ?? throw GraphServiceError.NotFound(holdId);
                return Collection(ctx, $"security/cases/ediscoveryCases('{caseId}')/legalHolds('{holdId}')/userSources", hold.UserSources, (w, email) =>
                {
                    w.WriteString("id", GraphJson.Guid(hold.Id) + "-" + email);
                    w.WriteString("email", email);
                    w.WriteString("includedSources", "mailbox,site");
                    w.WriteString("holdStatus", "applied");
                });
            });
        }

        private static SimulatedEdiscoveryCase Case(TenantStore store, string caseId) =>
            store.EdiscoveryCaseList.FirstOrDefault(c => string.Equals(GraphJson.Guid(c.Id), caseId, StringComparison.OrdinalIgnoreCase))
            ?? throw GraphServiceError.NotFound(caseId);

        private static string DriveId(SimulatedUser user) => DrivePrefix + user.Id.ToString("N");

        private static SimulatedUser RequireDriveOwner(TenantStore store, string key, DateTimeOffset now)
        {
            var user = store.RequireUser(key, now);
            return user.UserType == "Guest" ? throw new GraphServiceError(404, "itemNotFound", "The user's OneDrive is not provisioned.") : user;
        }

        private static SimulatedUser DriveOwner(TenantStore store, string driveId, DateTimeOffset now) =>
            driveId.StartsWith(DrivePrefix, StringComparison.Ordinal) && Guid.TryParseExact(driveId.Substring(DrivePrefix.Length), "N", out var id)
                ? RequireDriveOwner(store, id.ToString(), now)
                : throw new GraphServiceError(404, "itemNotFound", "The drive does not exist.");

        private static SimulatedUser Recipient(TenantStore store, JsonElement recipient, DateTimeOffset now)
        {
            var key = recipient.TryGetProperty("objectId", out var id) ? id.GetString() : recipient.TryGetProperty("email", out var email) ? email.GetString() : null;
            var user = key == null ? null : store.FindUserCore(key, now) ?? store.UserList.FirstOrDefault(u => string.Equals(u.Mail, key, StringComparison.OrdinalIgnoreCase));
            return user ?? throw GraphServiceError.BadRequest($"Invalid request: the recipient '{key}' is not a user of the organisation.");
        }

        private static void WritePermission(System.Text.Json.Utf8JsonWriter w, SimulatedDrivePermission p)
        {
            w.WriteString("id", p.Id);
            GraphJson.StringArray(w, "roles", p.Roles);
            w.WriteStartObject("grantedToV2");
            w.WriteStartObject("user");
            w.WriteString("id", GraphJson.Guid(p.UserId));
            w.WriteString("email", p.Email);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        private static SimResponse Collection<T>(RequestContext ctx, string contextFragment, IEnumerable<T> items, Action<System.Text.Json.Utf8JsonWriter, T> write) =>
            new SimResponse(200, GraphJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("@odata.context", ctx.ServiceRoot + "/$metadata#" + contextFragment);
                w.WriteStartArray("value");
                foreach (var item in items)
                {
                    w.WriteStartObject();
                    write(w, item);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));

        private static GraphServiceError NoMailbox(SimulatedUser user) =>
            new GraphServiceError(404, "MailboxNotEnabledForRESTAPI", $"The mailbox of {user.UserPrincipalName} is either inactive, soft-deleted, or is hosted on-premise.");

        private static List<string> Strings(JsonElement body, string name) =>
            body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : new List<string>();

        private static bool Property(JsonElement body, string name, out JsonElement value)
        {
            value = default;
            if (body.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in body.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }

            return false;
        }

        private static bool Flag(JsonElement body, string name) => body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
    }
}
