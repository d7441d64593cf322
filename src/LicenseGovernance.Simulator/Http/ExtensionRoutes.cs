using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>Open extensions (openTypeExtension) on groups: /groups/{id}/extensions and /groups/{id}/extensions/{name}.</summary>
    internal static class ExtensionRoutes
    {
        private const string ODataType = "#microsoft.graph.openTypeExtension";

        public static SimResponse List(RequestContext ctx, string id)
        {
            ctx.RequirePermission(Permissions.GroupRead);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var group = store.RequireGroup(id, ctx.Now);
                return new SimResponse(200, GraphJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("@odata.context", ctx.ServiceRoot + $"/$metadata#groups('{group.Id}')/extensions");
                    w.WriteStartArray("value");
                    foreach (var extension in group.Extensions)
                    {
                        WriteExtension(w, extension, null);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
            });
        }

        public static SimResponse Get(RequestContext ctx, string id, string name)
        {
            ctx.RequirePermission(Permissions.GroupRead);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var group = store.RequireGroup(id, ctx.Now);
                var extension = TenantStore.FindExtensionCore(group, name) ?? throw NotFound();
                return new SimResponse(200, GraphJson.Write(w => WriteExtension(w, extension, EntityContext(ctx, group))));
            });
        }

        public static SimResponse Create(RequestContext ctx, string id)
        {
            ctx.RequirePermission(Permissions.GroupExtensionWrite);
            using var doc = GraphJson.ParseBody(ctx.Request);
            var extension = Read(doc.RootElement, requireName: true);
            var store = ctx.Store;
            return store.Write(() =>
            {
                var group = store.RequireGroup(id, ctx.Now);
                store.AddExtensionCore(group, extension);
                return new SimResponse(201, GraphJson.Write(w => WriteExtension(w, extension, EntityContext(ctx, group))));
            });
        }

        /// <summary>On directory objects a PATCH replaces the custom properties: those left out of the body are removed.</summary>
        public static SimResponse Update(RequestContext ctx, string id, string name)
        {
            ctx.RequirePermission(Permissions.GroupExtensionWrite);
            using var doc = GraphJson.ParseBody(ctx.Request);
            var replacement = Read(doc.RootElement, requireName: false);
            var store = ctx.Store;
            store.Write(() =>
            {
                var group = store.RequireGroup(id, ctx.Now);
                var extension = TenantStore.FindExtensionCore(group, name) ?? throw NotFound();
                extension.Properties = replacement.Properties;
                return 0;
            });
            return SimResponse.NoContent();
        }

        public static SimResponse Delete(RequestContext ctx, string id, string name)
        {
            ctx.RequirePermission(Permissions.GroupExtensionWrite);
            var store = ctx.Store;
            store.Write(() =>
            {
                var group = store.RequireGroup(id, ctx.Now);
                group.Extensions.Remove(TenantStore.FindExtensionCore(group, name) ?? throw NotFound());
                return 0;
            });
            return SimResponse.NoContent();
        }

        private static string EntityContext(RequestContext ctx, SimulatedGroup group) => ctx.ServiceRoot + $"/$metadata#groups('{group.Id}')/extensions/$entity";

        private static SimulatedOpenExtension Read(JsonElement body, bool requireName)
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                throw GraphServiceError.BadRequest("The request body must be a JSON object.");
            }

            // The extensions navigation is typed as the abstract extension, so the body must say which kind it is.
            var type = body.TryGetProperty("@odata.type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.TrimStart('#') : null;
            if (!string.Equals(type, "microsoft.graph.openTypeExtension", System.StringComparison.OrdinalIgnoreCase))
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

            foreach (var property in body.EnumerateObject().Where(p => p.Name != "extensionName" && p.Name != "id" && !p.Name.StartsWith("@odata.", System.StringComparison.Ordinal)))
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
