using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// POST /$batch: up to 20 items run in order through the same pipeline, each throttled and faulted on its own. Graph
    /// says "individual responses might appear in a different order than the requests"
    /// (https://learn.microsoft.com/en-us/graph/json-batching), so with <see cref="SimulatorOptions.ShuffleBatchResponses"/>
    /// the answers come back in another order, which a caller matching them by position rather than by id gets wrong.
    /// </summary>
    internal static class BatchProcessor
    {
        private const int MaxItems = 20;

        public static async Task<SimResponse> ExecuteAsync(RequestContext ctx, RequestPipeline pipeline, CancellationToken cancellationToken)
        {
            var items = Parse(ctx);
            var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
            var results = new List<(string Id, SimResponse Response)>();
            foreach (var item in items)
            {
                SimResponse response;
                if (item.DependsOn.Any(d => statuses[d] < 200 || statuses[d] >= 300))
                {
                    response = GraphJson.Error(424, "FailedDependency", "Failed dependency.", ctx.RequestId, ctx.Request.Header("client-request-id"), ctx.Now);
                }
                else if (item.Error != null)
                {
                    response = GraphJson.Error(400, "BadRequest", item.Error, ctx.RequestId, ctx.Request.Header("client-request-id"), ctx.Now);
                }
                else
                {
                    var headers = new Dictionary<string, string>(item.Headers, StringComparer.OrdinalIgnoreCase);
                    if (!headers.ContainsKey("Authorization") && ctx.Request.Header("Authorization") is string authorization)
                    {
                        headers["Authorization"] = authorization;
                    }

                    var uri = new Uri(ctx.ServiceRoot + "/" + item.Url);
                    response = await pipeline.ExecuteAsync(new SimRequest(item.Method, uri, headers, item.Body), insideBatch: true, cancellationToken).ConfigureAwait(false);
                }

                statuses[item.Id] = response.Status;
                results.Add((item.Id, response));
            }

            if (ctx.Tenant.Options.ShuffleBatchResponses)
            {
                results = Shuffled(results, string.Join("\n", items.Select(i => i.Method + " " + i.Url)));
            }

            return new SimResponse(200, GraphJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("responses");
                foreach (var (id, response) in results)
                {
                    w.WriteStartObject();
                    w.WriteString("id", id);
                    w.WriteNumber("status", response.Status);
                    w.WriteStartObject("headers");
                    if (response.ContentType != null)
                    {
                        w.WriteString("Content-Type", response.ContentType);
                    }

                    foreach (var header in response.Headers)
                    {
                        w.WriteString(header.Key, header.Value);
                    }

                    w.WriteEndObject();
                    if (response.Body != null)
                    {
                        w.WritePropertyName("body");
                        if (response.ContentType == "application/json")
                        {
                            w.WriteRawValue(response.Body, skipInputValidation: true);
                        }
                        else
                        {
                            w.WriteStringValue(Encoding.UTF8.GetString(response.Body));
                        }
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }

        /// <summary>
        /// A permutation drawn from the batch's content, so a failing run repeats; never the order asked for (when there
        /// are two or more), so a test that sends a batch always sees a caller that matches by position fail.
        /// </summary>
        internal static List<T> Shuffled<T>(List<T> items, string seed)
        {
            var random = new Random(StableHash(seed));
            var shuffled = new List<T>(items);
            for (var i = shuffled.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
            }

            if (shuffled.Count > 1 && shuffled.SequenceEqual(items))
            {
                shuffled.Add(shuffled[0]);
                shuffled.RemoveAt(0);
            }

            return shuffled;
        }

        // string.GetHashCode differs between processes; a run must shuffle the same way every time.
        private static int StableHash(string text)
        {
            unchecked
            {
                var hash = (int)2166136261;
                foreach (var c in text)
                {
                    hash = (hash ^ c) * 16777619;
                }

                return hash;
            }
        }

        private static List<BatchItem> Parse(RequestContext ctx)
        {
            using var doc = GraphJson.ParseBody(ctx.Request);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array)
            {
                throw Malformed("The batch body must be a JSON object with a 'requests' array.");
            }

            var count = requests.GetArrayLength();
            if (count == 0)
            {
                throw Malformed("A batch must contain at least one request.");
            }

            if (count > MaxItems)
            {
                throw Malformed($"The number of requests in the batch ({count}) exceeds the limit of {MaxItems}.");
            }

            var items = new List<BatchItem>();
            foreach (var element in requests.EnumerateArray())
            {
                var item = new BatchItem
                {
                    Id = RequiredString(element, "id"),
                    Method = RequiredString(element, "method").ToUpperInvariant(),
                    Url = NormaliseUrl(RequiredString(element, "url")),
                };
                if (items.Any(i => i.Id == item.Id))
                {
                    throw Malformed($"The batch contains the request id '{item.Id}' more than once; ids must be unique.");
                }

                if (element.TryGetProperty("dependsOn", out var dependsOn))
                {
                    if (dependsOn.ValueKind != JsonValueKind.Array)
                    {
                        throw Malformed($"Request '{item.Id}': dependsOn must be an array of request ids.");
                    }

                    foreach (var dependency in dependsOn.EnumerateArray())
                    {
                        var id = dependency.GetString() ?? string.Empty;
                        if (!items.Any(i => i.Id == id))
                        {
                            throw Malformed($"Request '{item.Id}' depends on '{id}', which is not an earlier request in the batch.");
                        }

                        item.DependsOn.Add(id);
                    }
                }

                if (element.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
                {
                    foreach (var header in headers.EnumerateObject())
                    {
                        item.Headers[header.Name] = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
                    }
                }

                if (element.TryGetProperty("body", out var body) && body.ValueKind != JsonValueKind.Null)
                {
                    item.Headers.TryGetValue("Content-Type", out var contentType);
                    if (contentType == null)
                    {
                        item.Error = "A request with a body must set the Content-Type header.";
                    }
                    else if (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || body.ValueKind != JsonValueKind.String)
                    {
                        item.Body = Encoding.UTF8.GetBytes(body.GetRawText());
                    }
                    else
                    {
                        try
                        {
                            item.Body = Convert.FromBase64String(body.GetString()!);
                        }
                        catch (FormatException)
                        {
                            item.Error = "A non-JSON body must be base64 encoded.";
                        }
                    }
                }

                items.Add(item);
            }

            return items;
        }

        private static string NormaliseUrl(string url)
        {
            var trimmed = url.TrimStart('/');
            if (trimmed.StartsWith("v1.0/", StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed.Substring(5);
            }

            if (trimmed.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                throw Malformed("Batch request urls must be relative.");
            }

            return trimmed;
        }

        private static string RequiredString(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0
                ? v.GetString()!
                : throw Malformed($"Every batch request needs a non-empty '{name}'.");

        private static GraphServiceError Malformed(string message) => new GraphServiceError(400, "BadRequest", "Invalid batch payload format. " + message);

        private sealed class BatchItem
        {
            public string Id { get; set; } = string.Empty;

            public string Method { get; set; } = "GET";

            public string Url { get; set; } = string.Empty;

            public List<string> DependsOn { get; } = new List<string>();

            public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

            public byte[]? Body { get; set; }

            public string? Error { get; set; }
        }
    }
}
