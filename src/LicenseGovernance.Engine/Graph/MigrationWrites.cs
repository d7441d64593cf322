using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>What Graph answered to one write (a request, or one item of a $batch).</summary>
    internal sealed class WriteOutcome
    {
        public WriteOutcome(int status, string? message, TimeSpan retryAfter, double? usage)
        {
            Status = status;
            Message = message;
            RetryAfter = retryAfter;
            Usage = usage;
        }

        public int Status { get; }

        public string? Message { get; }

        public TimeSpan RetryAfter { get; }

        /// <summary>x-ms-throttle-limit-percentage, or null when absent.</summary>
        public double? Usage { get; }

        public bool Succeeded => Status >= 200 && Status < 300;

        public bool Throttled => Status == 429;

        /// <summary>Worth sending again as it is: throttling and the transient 5xx answers Kiota itself would retry.</summary>
        public bool Transient => Status == 429 || Status == 503 || Status == 504 || Status == 500 || Status == 502;
    }

    /// <summary>
    /// The migration's writes, sent with the SDK's own retries off: a 429 or 503 comes back here, so the pacer obeys its
    /// Retry-After through the session's clock and learns from it, instead of the retry handler sleeping unseen.
    /// A failure that is not an HTTP answer (the connection dropped) is left to the caller as an exception.
    /// </summary>
    internal static class MigrationWrites
    {
        /// <summary>Graph takes at most 20 members per PATCH and 20 requests per $batch.</summary>
        public const int ChunkSize = 20;

        /// <summary>PATCH /groups/{id} with members@odata.bind: one write for up to 20 members, all or none.</summary>
        public static Task<WriteOutcome> AddMembersAsync(GraphSession session, string groupId, IReadOnlyList<string> userIds, CancellationToken cancellation) =>
            session.CallAsync("add members to group " + groupId, "ManageGroupMembers", async client =>
            {
                var baseUrl = client.RequestAdapter.BaseUrl!.TrimEnd('/');
                var body = new Group
                {
                    OdataType = null,
                    AdditionalData = new Dictionary<string, object> { ["members@odata.bind"] = userIds.Select(id => baseUrl + "/directoryObjects/" + id).ToList() },
                };
                var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
                try
                {
                    await client.Groups[groupId].PatchAsync(body, r =>
                    {
                        r.Options.Add(NoRetry());
                        r.Options.Add(headers);
                    }, cancellation).ConfigureAwait(false);
                    return new WriteOutcome(204, null, TimeSpan.Zero, Usage(headers.ResponseHeaders));
                }
                catch (ApiException api)
                {
                    return FromException(api);
                }
            }, cancellation);

        /// <summary>POST /groups/{id}/members/$ref for one member; "already exist" counts as done.</summary>
        public static Task<WriteOutcome> AddMemberAsync(GraphSession session, string groupId, string userId, CancellationToken cancellation) =>
            session.CallAsync("add a member to group " + groupId, "ManageGroupMembers", async client =>
            {
                var baseUrl = client.RequestAdapter.BaseUrl!.TrimEnd('/');
                try
                {
                    await client.Groups[groupId].Members.Ref.PostAsync(new ReferenceCreate { OdataId = baseUrl + "/directoryObjects/" + userId }, r => r.Options.Add(NoRetry()), cancellation).ConfigureAwait(false);
                    return new WriteOutcome(204, null, TimeSpan.Zero, null);
                }
                catch (ApiException api)
                {
                    var outcome = FromException(api);
                    return AlreadyMember(outcome) ? new WriteOutcome(204, outcome.Message, TimeSpan.Zero, null) : outcome;
                }
            }, cancellation);

        public static bool AlreadyMember(WriteOutcome outcome) =>
            outcome.Status == 400 && outcome.Message?.IndexOf("already exist", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>
        /// One $batch of up to 20 assignLicense items, each removing the SKU's direct assignment from one user. Returns one
        /// outcome per user, in order; when the batch itself is refused (429, 503), every item carries that answer.
        /// </summary>
        public static async Task<IReadOnlyList<WriteOutcome>> RemoveDirectAsync(GraphSession session, IReadOnlyList<string> userIds, Guid skuId, CancellationToken cancellation)
        {
            Action<Utf8JsonWriter>? body = w =>
            {
                w.WriteStartArray("addLicenses");
                w.WriteEndArray();
                w.WriteStartArray("removeLicenses");
                w.WriteStringValue(skuId.ToString());
                w.WriteEndArray();
            };
            var answers = await SendBatchAsync(session, "remove direct licences", "AssignUserLicense",
                userIds.Select(id => Item("POST", "/users/" + id + "/assignLicense", body)).ToList(), cancellation).ConfigureAwait(false);
            return answers.Select(a => a.Outcome).ToList();
        }

        /// <summary>The SKUs each user holds now (GET items of one $batch); null for a user Graph did not answer about.</summary>
        public static async Task<IReadOnlyList<HashSet<Guid>?>> HeldSkusAsync(GraphSession session, IReadOnlyList<string> userIds, CancellationToken cancellation)
        {
            var answers = await SendBatchAsync(session, "read users' licences", "ReadUsers",
                userIds.Select(id => Item("GET", "/users/" + id + "?$select=id,assignedLicenses", null)).ToList(), cancellation).ConfigureAwait(false);
            return answers.Select(a =>
            {
                if (!a.Outcome.Succeeded || a.Body == null || !a.Body.Value.TryGetProperty("assignedLicenses", out var licenses))
                {
                    return null;
                }

                var held = new HashSet<Guid>();
                foreach (var license in licenses.EnumerateArray())
                {
                    if (license.TryGetProperty("skuId", out var id) && Guid.TryParse(id.GetString(), out var skuId))
                    {
                        held.Add(skuId);
                    }
                }

                return held;
            }).ToList();
        }

        private static Task<IReadOnlyList<(WriteOutcome Outcome, JsonElement? Body)>> SendBatchAsync(
            GraphSession session, string operation, string capability, IReadOnlyList<(string Method, string Url, Action<Utf8JsonWriter>? Body)> items, CancellationToken cancellation) =>
            session.CallAsync(operation, capability, async client =>
            {
                var request = new RequestInformation
                {
                    HttpMethod = Method.POST,
                    URI = new Uri(client.RequestAdapter.BaseUrl!.TrimEnd('/') + "/$batch"),
                };
                request.Headers.Add("Accept", "application/json");
                request.SetStreamContent(new MemoryStream(BatchBody(items)), "application/json");
                request.AddRequestOptions(new IRequestOption[] { NoRetry() });
                Stream? response;
                try
                {
                    response = await client.RequestAdapter.SendPrimitiveAsync<Stream>(request, cancellationToken: cancellation).ConfigureAwait(false);
                }
                catch (ApiException api)
                {
                    var whole = FromException(api);
                    return (IReadOnlyList<(WriteOutcome, JsonElement?)>)items.Select(_ => (whole, (JsonElement?)null)).ToList();
                }

                using (response)
                {
                    return ParseBatch(response, items.Count);
                }
            }, cancellation);

        private static (string Method, string Url, Action<Utf8JsonWriter>? Body) Item(string method, string url, Action<Utf8JsonWriter>? body) => (method, url, body);

        private static byte[] BatchBody(IReadOnlyList<(string Method, string Url, Action<Utf8JsonWriter>? Body)> items)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteStartArray("requests");
                for (var i = 0; i < items.Count; i++)
                {
                    w.WriteStartObject();
                    w.WriteString("id", (i + 1).ToString(CultureInfo.InvariantCulture));
                    w.WriteString("method", items[i].Method);
                    w.WriteString("url", items[i].Url);
                    if (items[i].Body != null)
                    {
                        w.WriteStartObject("headers");
                        w.WriteString("Content-Type", "application/json");
                        w.WriteEndObject();
                        w.WriteStartObject("body");
                        items[i].Body!(w);
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            return buffer.ToArray();
        }

        private static IReadOnlyList<(WriteOutcome, JsonElement?)> ParseBatch(Stream? body, int count)
        {
            var outcomes = new WriteOutcome?[count];
            var bodies = new JsonElement?[count];
            if (body != null)
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.TryGetProperty("responses", out var responses))
                {
                    foreach (var item in responses.EnumerateArray())
                    {
                        // Graph may answer in any order; the ids say which item is which.
                        if (!int.TryParse(item.GetProperty("id").GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || id < 1 || id > count)
                        {
                            continue;
                        }

                        var status = item.GetProperty("status").GetInt32();
                        var headers = item.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object
                            ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.OrdinalIgnoreCase)
                            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                        string? message = null;
                        if (item.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.Object)
                        {
                            bodies[id - 1] = b.Clone();
                            if (b.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var m))
                            {
                                message = m.GetString();
                            }
                        }

                        headers.TryGetValue("Retry-After", out var retryAfter);
                        headers.TryGetValue("x-ms-throttle-limit-percentage", out var usage);
                        outcomes[id - 1] = new WriteOutcome(status, message, RetryAfter(retryAfter), Number(usage));
                    }
                }
            }

            // An item Graph did not answer is treated as a transient failure, to be sent again.
            return outcomes.Select((o, i) => (o ?? new WriteOutcome(503, "Graph returned no response for this batch item.", TimeSpan.Zero, null), bodies[i])).ToList();
        }

        private static WriteOutcome FromException(ApiException api)
        {
            var headers = api.ResponseHeaders ?? new Dictionary<string, IEnumerable<string>>();
            string? Header(string name) => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
            var message = api is ODataError odata ? odata.Error?.Message ?? odata.Message : api.Message;
            return new WriteOutcome(api.ResponseStatusCode, message, RetryAfter(Header("Retry-After")), Number(Header("x-ms-throttle-limit-percentage")));
        }

        private static double? Usage(IDictionary<string, IEnumerable<string>>? headers)
        {
            if (headers == null)
            {
                return null;
            }

            var value = headers.FirstOrDefault(h => string.Equals(h.Key, "x-ms-throttle-limit-percentage", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
            return Number(value);
        }

        private static double? Number(string? value) =>
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null;

        /// <summary>Retry-After in seconds or as an HTTP date; zero when absent.</summary>
        private static TimeSpan RetryAfter(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return TimeSpan.Zero;
            }

            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Max(0, seconds));
            }

            return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at - DateTimeOffset.UtcNow : TimeSpan.Zero;
        }

        private static RetryHandlerOption NoRetry() => new RetryHandlerOption { MaxRetry = 0 };
    }
}
