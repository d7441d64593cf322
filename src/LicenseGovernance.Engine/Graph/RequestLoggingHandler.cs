using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// Writes one line per HTTP request for -Verbose. Place it innermost in the Graph client's handler chain (after the
    /// retry and redirect handlers), so that every attempt and every redirect hop is seen.
    /// </summary>
    public sealed class RequestLoggingHandler : DelegatingHandler
    {
        private const int MaxQueryLength = 300;
        private const string Redacted = "***";

        /// <summary>Parts of query parameter names whose values must never reach a log: secrets, tokens and SAS signatures of report downloads.</summary>
        private static readonly string[] SecretNameParts = { "secret", "password", "passwd", "token", "assertion", "signature", "credential", "apikey", "api_key" };
        private static readonly string[] SecretNames = { "sig", "code", "key" };

        // One handler serves a whole connection while cmdlets come and go, so the destination travels with each operation's async flow.
        private static readonly AsyncLocal<Action<string>?> Sink = new AsyncLocal<Action<string>?>();

        /// <summary>Routes request lines to <paramref name="log"/> until the returned scope is disposed.</summary>
        public static IDisposable Use(Action<string> log)
        {
            var previous = Sink.Value;
            Sink.Value = log ?? throw new ArgumentNullException(nameof(log));
            return new Scope(previous);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var log = Sink.Value;
            if (log == null)
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            var target = request.Method.Method + " " + Describe(request.RequestUri) + RetryNote(request);
            var stopwatch = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                stopwatch.Stop();
                log($"{target} -> {(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()} ({stopwatch.ElapsedMilliseconds} ms){RetryAfterNote(response)}");
                return response;
            }
            catch (Exception ex)
            {
                stopwatch.Stop();
                log($"{target} -> failed: {ex.GetType().Name} ({stopwatch.ElapsedMilliseconds} ms)");
                throw;
            }
        }

        internal static string Describe(Uri? uri)
        {
            if (uri == null)
            {
                return "(no address)";
            }

            if (!uri.IsAbsoluteUri)
            {
                return SanitizePathAndQuery(uri.OriginalString);
            }

            var query = SanitizeQuery(uri.Query.TrimStart('?'));
            return uri.AbsolutePath + (query.Length == 0 ? "" : "?" + query);
        }

        private static string SanitizePathAndQuery(string relative)
        {
            var at = relative.IndexOf('?');
            return at < 0 ? relative : relative.Substring(0, at) + "?" + SanitizeQuery(relative.Substring(at + 1));
        }

        private static string SanitizeQuery(string query)
        {
            if (query.Length == 0)
            {
                return query;
            }

            var parts = query.Split('&').Select(pair =>
            {
                var equals = pair.IndexOf('=');
                var name = equals < 0 ? pair : pair.Substring(0, equals);
                return equals >= 0 && IsSecretName(Uri.UnescapeDataString(name)) ? name + "=" + Redacted : pair;
            });
            var sanitized = string.Join("&", parts);

            return sanitized.Length <= MaxQueryLength
                ? sanitized
                : new StringBuilder(sanitized, 0, MaxQueryLength, MaxQueryLength + 24).Append("...(+").Append(sanitized.Length - MaxQueryLength).Append(" chars)").ToString();
        }

        private static bool IsSecretName(string name)
        {
            var bare = name.TrimStart('$').ToLowerInvariant();
            return SecretNames.Contains(bare) || SecretNameParts.Any(part => bare.Contains(part));
        }

        private static string RetryNote(HttpRequestMessage request) =>
            request.Headers.TryGetValues("Retry-Attempt", out var values) ? " (retry " + values.FirstOrDefault() + ")" : "";

        private static string RetryAfterNote(HttpResponseMessage response)
        {
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter == null)
            {
                return "";
            }

            return retryAfter.Delta.HasValue
                ? $" Retry-After {retryAfter.Delta.Value.TotalSeconds:0} s"
                : $" Retry-After {retryAfter.Date:u}";
        }

        private sealed class Scope : IDisposable
        {
            private readonly Action<string>? _previous;
            private bool _disposed;

            public Scope(Action<string>? previous)
            {
                _previous = previous;
            }

            public void Dispose()
            {
                if (!_disposed)
                {
                    _disposed = true;
                    Sink.Value = _previous;
                }
            }
        }
    }
}
