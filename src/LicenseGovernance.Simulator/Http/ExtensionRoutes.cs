using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// Open extensions (openTypeExtension) on groups and users: /{groups|users}/{id}/extensions and .../extensions/{name}.
    /// Both kinds of object behave alike; only the permissions and the owner's lookup differ.
    /// </summary>
    internal static class ExtensionRoutes
    {
        private const string ODataType = "#microsoft.graph.openTypeExtension";

        /// <summary>Whose extensions a route serves: groups or users, with the permissions each needs.</summary>
        internal sealed class Owner
        {
            public static readonly Owner Group = new Owner("groups", Permissions.GroupRead, Permissions.GroupExtensionWrite,
                (store, id, now) => { var g = store.RequireGroup(id, now); return (g.Id, g.Extensions); });

            public static readonly Owner User = new Owner("users", Permissions.UserRead, Permissions.UserWrite,
                (store, id, now) => { var u = store.RequireUser(id, now); return (u.Id, u.Extensions); });

            private Owner(string segment, string[] read, string[] write, Func<TenantStore, string, DateTimeOffset?, (Guid Id, List<SimulatedOpenExtension> Extensions)> find)
            {
                Segment = segment;
                Read = read;
                Write = write;
                Find = find;
            }

            public string Segment { get; }

            public string[] Read { get; }

            public string[] Write { get; }

            public Func<TenantStore, string, DateTimeOffset?, (Guid Id, List<SimulatedOpenExtension> Extensions)> Find { get; }
        }

        public static SimResponse List(RequestContext ctx, Owner owner, string id)
        {
            ctx.RequirePermission(owner.Read);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var (ownerId, extensions) = owner.Find(store, id, ctx.Now);
                return new SimResponse(200, GraphJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("@odata.context", ctx.ServiceRoot + $"/$metadata#{owner.Segment}('{ownerId}')/extensions");
                    w.WriteStartArray("value");
                    foreach (var extension in extensions)
                    {
                        WriteExtension(w, extension, null);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
            });
        }

        public static SimResponse Get(RequestContext ctx, Owner owner, string id, string name)
        {
            ctx.RequirePermission(owner.Read);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var (ownerId, extensions) = owner.Find(store, id, ctx.Now);
                var extension = TenantStore.FindExtensionCore(extensions, name) ?? throw NotFound();
                return new SimResponse(200, GraphJson.Write(w => WriteExtension(w, extension, EntityContext(ctx, owner, ownerId))));
            });
        }

        public static SimResponse Create(RequestContext ctx, Owner owner, string id)
        {
            ctx.RequirePermission(owner.Write);
            using var doc = GraphJson.ParseBody(ctx.Request);
            var extension = Read(doc.RootElement, requireName: true);
            var store = ctx.Store;
            return store.Write(() =>
            {
                var (ownerId, extensions) = owner.Find(store, id, ctx.Now);
                TenantStore.AddExtensionCore(extensions, extension);
                return new SimResponse(201, GraphJson.Write(w => WriteExtension(w, extension, EntityContext(ctx, owner, ownerId))));
            });
        }

        /// <summary>On directory objects a PATCH replaces the custom properties: those left out of the body are removed.</summary>
        public static SimResponse Update(RequestContext ctx, Owner owner, string id, string name)
        {
            ctx.RequirePermission(owner.Write);
            using var doc = GraphJson.ParseBody(ctx.Request);
            var replacement = Read(doc.RootElement, requireName: false);
            var store = ctx.Store;
            store.Write(() =>
            {
                var extension = TenantStore.FindExtensionCore(owner.Find(store, id, ctx.Now).Extensions, name) ?? throw NotFound();
                extension.Properties = replacement.Properties;
                return 0;
            });
            return SimResponse.NoContent();
        }

        public static SimResponse Delete(RequestContext ctx, Owner owner, string id, string name)
        {
            ctx.RequirePermission(owner.Write);
            var store = ctx.Store;
            store.Write(() =>
            {
                var extensions = owner.Find(store, id, ctx.Now).Extensions;
                extensions.Remove(TenantStore.FindExtensionCore(extensions, name) ?? throw NotFound());
                return 0;
            });
            return SimResponse.NoContent();
        }

        private static string EntityContext(RequestContext ctx, Owner owner, Guid ownerId) => ctx.ServiceRoot + $"/$metadata#{owner.Segment}('{ownerId}')/extensions/$entity";

        private static SimulatedOpenExtension Read(JsonElement body, bool requireName)
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                throw GraphServiceError.BadRequest("The request body must be a JSON object.");
            }

            // The extensions navigation is typed as the abstract extension, so the body must say which kind it is.
            var type = body.TryGetProperty("@odata.type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.TrimStart('#') : null;
            if (!string.Equals(type, "microsoft.graph.openTypeExtension", StringComparison.OrdinalIgnoreCase))
            {
                throw GraphServiceError.BadRequest("The '@odata.type' of an extension must be 'microsoft.graph.openTypeExtension'.");
            }

            var extension = new SimulatedOpenExtension();
            if (body.TryGetProperty("extensionName", out var name) && name.ValueKind == JsonValueKind.String)
            {
                extension.ExtensionName = name.GetString()!;
            }
            else if (requireName)
            {
                throw GraphServiceError.BadRequest("A value is required for property 'extensionName' of resource 'openTypeExtension'.");
            }

            foreach (var property in body.EnumerateObject().Where(p => p.Name != "extensionName" && p.Name != "id" && !p.Name.StartsWith("@odata.", StringComparison.Ordinal)))
            {
                extension.Properties[property.Name] = property.Value.Clone();
            }

            return extension;
        }

        public static void WriteExtension(Utf8JsonWriter w, SimulatedOpenExtension extension, string? context)
        {
            w.WriteStartObject();
            if (context != null)
            {
                w.WriteString("@odata.context", context);
            }

            w.WriteString("@odata.type", ODataType);
            w.WriteString("extensionName", extension.ExtensionName);
            w.WriteString("id", extension.ExtensionName);
            foreach (var property in extension.Properties)
            {
                w.WritePropertyName(property.Key);
                property.Value.WriteTo(w);
            }

            w.WriteEndObject();
        }

        private static GraphServiceError NotFound() => new GraphServiceError(404, "ResourceNotFound", "Extension with given id not found.");
    }
}
