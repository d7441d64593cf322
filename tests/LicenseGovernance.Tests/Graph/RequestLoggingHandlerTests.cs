using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using LicenseGovernance.Engine.Graph;
using Xunit;

namespace LicenseGovernance.Tests.Graph
{
    public class RequestLoggingHandlerTests
    {
        private const string Bearer = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-payload.signature";

        [Fact]
        public async Task Logs_method_path_query_status_and_time()
        {
            var lines = await Send(HttpMethod.Get, "https://graph.microsoft.com/v1.0/users?$select=id,displayName&$top=5", HttpStatusCode.OK);

            var line = Assert.Single(lines);
            Assert.Matches(@"^GET /v1\.0/users\?\$select=id,displayName&\$top=5 -> 200 OK \(\d+ ms\)$", line);
        }

        [Fact]
        public async Task Never_logs_the_bearer_token_or_secret_query_values()
        {
            var lines = await Send(
                HttpMethod.Post,
                "https://login.example.test/oauth2/token?client_secret=TopSecret1&client_assertion=Assert1&sig=SasSig1&grant_type=client_credentials&access_token=Tok1",
                HttpStatusCode.BadRequest,
                request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Bearer));

            var line = Assert.Single(lines);
            Assert.DoesNotContain(Bearer, line);
            Assert.DoesNotContain("Authorization", line, StringComparison.OrdinalIgnoreCase);
            foreach (var secret in new[] { "TopSecret1", "Assert1", "SasSig1", "Tok1" })
            {
                Assert.DoesNotContain(secret, line);
            }

            Assert.Contains("client_secret=***", line);
            Assert.Contains("grant_type=client_credentials", line);
            Assert.Contains("-> 400", line);
        }

        [Fact]
        public async Task Notes_retries_and_retry_after()
        {
            var lines = await Send(HttpMethod.Get, "https://graph.microsoft.com/v1.0/subscribedSkus", (HttpStatusCode)429,
                request => request.Headers.Add("Retry-Attempt", "2"),
                response => response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(10)));

            var line = Assert.Single(lines);
            Assert.Contains("(retry 2)", line);
            Assert.Contains("-> 429", line);
            Assert.Contains("Retry-After 10 s", line);
        }

        [Fact]
        public async Task Truncates_very_long_queries()
        {
            var filter = string.Join(" or ", Enumerable.Range(0, 200).Select(i => $"id eq '{Guid.NewGuid()}'"));

            var line = Assert.Single(await Send(HttpMethod.Get, "https://graph.microsoft.com/v1.0/users?$filter=" + Uri.EscapeDataString(filter), HttpStatusCode.OK));

            Assert.True(line.Length < 500, line);
            Assert.Contains("chars)", line);
        }

        [Fact]
        public async Task Logs_a_failed_request_and_rethrows()
        {
            var lines = new List<string>();
            using var invoker = new HttpMessageInvoker(new RequestLoggingHandler { InnerHandler = new FakeHandler(_ => throw new HttpRequestException("refused")) });

            using (RequestLoggingHandler.Use(lines.Add))
            {
                await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:1/v1.0/users"), default));
            }

            Assert.Equal("GET /v1.0/users -> failed: HttpRequestException", WithoutTiming(Assert.Single(lines)));
        }

        [Fact]
        public async Task Logs_nothing_outside_a_scope_and_restores_the_previous_sink()
        {
            var outer = new List<string>();
            var inner = new List<string>();
            using var invoker = new HttpMessageInvoker(new RequestLoggingHandler { InnerHandler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent)) });

            await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://graph.microsoft.com/v1.0/a"), default);
            using (RequestLoggingHandler.Use(outer.Add))
            {
                using (RequestLoggingHandler.Use(inner.Add))
                {
                    await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://graph.microsoft.com/v1.0/b"), default);
                }

                await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "https://graph.microsoft.com/v1.0/c"), default);
            }

            await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://graph.microsoft.com/v1.0/d"), default);

            Assert.StartsWith("GET /v1.0/b ", Assert.Single(inner));
            Assert.StartsWith("DELETE /v1.0/c ", Assert.Single(outer));
        }

        private static string WithoutTiming(string line) => System.Text.RegularExpressions.Regex.Replace(line, @" \(\d+ ms\)$", "");

        private static async Task<List<string>> Send(
            HttpMethod method, string url, HttpStatusCode status,
            Action<HttpRequestMessage>? prepare = null, Action<HttpResponseMessage>? respond = null)
        {
            var lines = new List<string>();
            using var invoker = new HttpMessageInvoker(new RequestLoggingHandler
            {
                InnerHandler = new FakeHandler(_ =>
                {
                    var response = new HttpResponseMessage(status);
                    respond?.Invoke(response);
                    return response;
                }),
            });
            using var request = new HttpRequestMessage(method, url);
            prepare?.Invoke(request);

            using (RequestLoggingHandler.Use(lines.Add))
            {
                (await invoker.SendAsync(request, default)).Dispose();
            }

            return lines;
        }

        private sealed class FakeHandler : HttpMessageHandler
        {
            private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

            public FakeHandler(Func<HttpRequestMessage, HttpResponseMessage> respond)
            {
                _respond = respond;
            }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(_respond(request));
        }
    }
}
