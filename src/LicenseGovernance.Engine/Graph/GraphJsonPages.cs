using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// Collections the SDK has no request builder for (an eDiscovery case's legalHolds and their userSources in this SDK
    /// version): read as JSON, every page followed, errors translated as for any other call.
    /// </summary>
    internal static class GraphJsonPages
    {
        private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping =
            new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

        /// <param name="path">Relative to the service root, for example "/security/cases/ediscoveryCases".</param>
        public static async Task<List<JsonElement>> AllAsync(GraphSession session, string operation, string capability, string path, CancellationToken cancellation)
        {
            var items = new List<JsonElement>();
            string? next = session.Client.RequestAdapter.BaseUrl!.TrimEnd('/') + path;
            while (next != null)
            {
                var url = next;
                using var page = await session.CallAsync(operation, capability, c => PageAsync(c.RequestAdapter, url, cancellation), cancellation).ConfigureAwait(false);
                if (page.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in value.EnumerateArray())
                    {
                        items.Add(item.Clone());
                    }
                }

                next = page.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            }

            return items;
        }

        /// <summary>A string property of a JSON item, or null.</summary>
        public static string? Text(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static async Task<JsonDocument> PageAsync(IRequestAdapter adapter, string url, CancellationToken cancellation)
        {
            var request = new RequestInformation { HttpMethod = Method.GET, URI = new Uri(url) };
            request.Headers.Add("Accept", "application/json");
            using var stream = await adapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, cancellation).ConfigureAwait(false);
            return stream == null ? JsonDocument.Parse("{}") : await JsonDocument.ParseAsync(stream, cancellationToken: cancellation).ConfigureAwait(false);
        }
    }
}
