using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// JSON batching (graph-contract 8.1): up to 20 requests in one POST /$batch, sent once with the SDK's retries off.
    /// Graph answers the items in any order, each with its own status and Retry-After, so each is matched back by its id;
    /// repeating the throttled ones is <see cref="WriteRetryPolicy.SendBatchAsync"/>'s work.
    /// </summary>
    internal static class GraphBatch
    {
        /// <summary>Graph takes at most 20 requests per $batch.</summary>
        public const int MaxRequests = 20;

        /// <summary>How often <see cref="ReadAsync"/> sends a throttled read, as Kiota's own retry handler would (first try and three more).</summary>
        private const int ReadAttempts = 4;

        /// <summary>One item of a $batch; <see cref="Body"/> writes the members of its JSON body, when it has one.</summary>
        public sealed class Request
        {
            public Request(string method, string url, Action<Utf8JsonWriter>? body)
            {
                Method = method;
                Url = url;
                Body = body;
            }

            public string Method { get; }

            public string Url { get; }

            public Action<Utf8JsonWriter>? Body { get; }
        }

        /// <summary>
        /// One answer per request, in order, with its JSON body when it has one. When the batch itself is refused (429,
        /// 503), every item carries that answer. A failure that is not an HTTP answer is thrown as the catalogue's error.
        /// </summary>
        public static Task<IReadOnlyList<(WriteOutcome Outcome, JsonElement? Body)>> SendAsync(
            GraphSession session, string operation, string capability, IReadOnlyList<Request> requests, CancellationToken cancellation) =>
            session.CallAsync(operation, capability, async client =>
            {
                var request = new RequestInformation
                {
                    HttpMethod = Method.POST,
                    URI = new Uri(client.RequestAdapter.BaseUrl!.TrimEnd('/') + "/$batch"),
                };
                request.Headers.Add("Accept", "application/json");
                request.SetStreamContent(new MemoryStream(Body(requests)), "application/json");
                request.AddRequestOptions(new IRequestOption[] { WriteRetryPolicy.NoRetry() });
                Stream? response;
                try
                {
                    response = await client.RequestAdapter.SendPrimitiveAsync<Stream>(request, cancellationToken: cancellation).ConfigureAwait(false);
                }
                catch (ApiException api)
                {
                    var whole = WriteOutcome.Refused(api);
                    return (IReadOnlyList<(WriteOutcome, JsonElement?)>)requests.Select(_ => (whole, (JsonElement?)null)).ToList();
                }

                using (response)
                {
                    return Parse(response, requests.Count);
                }
            }, cancellation);

        /// <summary>
        /// Up to 20 reads in one $batch, the items Graph throttled or could not serve sent again (after their Retry-After,
        /// on the session's clock) a few times. One answer per request, in order; a read still refused is returned as it is.
        /// </summary>
        public static async Task<IReadOnlyList<(WriteOutcome Outcome, JsonElement? Body)>> ReadAsync(
            GraphSession session, string operation, string capability, IReadOnlyList<string> urls, CancellationToken cancellation)
        {
            var answers = new (WriteOutcome Outcome, JsonElement? Body)[urls.Count];
            var left = Enumerable.Range(0, urls.Count).ToList();
            for (var attempt = 1; left.Count > 0; attempt++)
            {
                var got = await SendAsync(session, operation, capability, left.Select(i => new Request("GET", urls[i], null)).ToList(), cancellation).ConfigureAwait(false);
                for (var n = 0; n < left.Count; n++)
                {
                    answers[left[n]] = got[n];
                }

                left = left.Where((_, n) => got[n].Outcome.Transient).ToList();
                if (left.Count > 0 && attempt < ReadAttempts)
                {
                    var wait = left.Max(i => answers[i].Outcome.RetryAfter);
                    await session.WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(attempt), cancellation).ConfigureAwait(false);
                }
                else
                {
                    left.Clear();
                }
            }

            return answers;
        }

        /// <summary>Any number of reads, twenty to a $batch (as <see cref="ReadAsync"/>); one answer per URL, in order.</summary>
        public static async Task<IReadOnlyList<(WriteOutcome Outcome, JsonElement? Body)>> ReadAllAsync(
            GraphSession session, string operation, string capability, IReadOnlyList<string> urls, CancellationToken cancellation)
        {
            var answers = new List<(WriteOutcome Outcome, JsonElement? Body)>(urls.Count);
            for (var i = 0; i < urls.Count; i += MaxRequests)
            {
                answers.AddRange(await ReadAsync(session, operation, capability, urls.Skip(i).Take(MaxRequests).ToList(), cancellation).ConfigureAwait(false));
            }

            return answers;
        }

        private static byte[] Body(IReadOnlyList<Request> requests)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteStartArray("requests");
                for (var i = 0; i < requests.Count; i++)
                {
                    w.WriteStartObject();
                    w.WriteString("id", (i + 1).ToString(CultureInfo.InvariantCulture));
                    w.WriteString("method", requests[i].Method);
                    w.WriteString("url", requests[i].Url);
                    if (requests[i].Body != null)
                    {
                        w.WriteStartObject("headers");
                        w.WriteString("Content-Type", "application/json");
                        w.WriteEndObject();
                        w.WriteStartObject("body");
                        requests[i].Body!(w);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            return buffer.ToArray();
        }

        private static IReadOnlyList<(WriteOutcome, JsonElement?)> Parse(Stream? body, int count)
        {
            var answers = new (WriteOutcome, JsonElement?)?[count];
            if (body != null)
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.TryGetProperty("responses", out var responses))
                {
                    foreach (var item in responses.EnumerateArray())
                    {
                        // Graph may answer in any order; the ids say which item is which.
                        if (int.TryParse(item.GetProperty("id").GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id >= 1 && id <= count)
                        {
                            answers[id - 1] = Answer(item);
                        }
                    }
                }
            }

            // An item Graph did not answer is treated as a transient failure, to be sent again.
            return answers.Select(a => a ?? (WriteOutcome.FromResponse(503, "Graph returned no response for this batch item.", null), null)).ToList();
        }

        private static (WriteOutcome, JsonElement?) Answer(JsonElement item)
        {
            var headers = item.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object
                ? h.EnumerateObject().ToDictionary(p => p.Name, p => (IEnumerable<string>)new[] { p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText() }, StringComparer.OrdinalIgnoreCase)
                : null;
            if (!item.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
            {
                return (WriteOutcome.FromResponse(item.GetProperty("status").GetInt32(), null, headers), null);
            }

            var status = item.GetProperty("status").GetInt32();
            var error = body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : (JsonElement?)null;
            var message = Text(error, "message");
            return (WriteOutcome.FromResponse(status, message, headers, status >= 400 ? Failure(status, Text(error, "code"), message) : null), body.Clone());
        }

        private static string? Text(JsonElement? error, string property) =>
            error != null && error.Value.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        /// <summary>A refused item as the SDK would have thrown it, so the error catalogue words it as it words a single call.</summary>
        private static ODataError Failure(int status, string? code, string? message) =>
            new ODataError { ResponseStatusCode = status, Error = new MainError { Code = code, Message = message } };
    }
}
