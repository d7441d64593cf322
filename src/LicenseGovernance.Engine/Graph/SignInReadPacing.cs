using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// Sends every read that selects or filters signInActivity (list pages, nextLink pages, users by id, probes) through
    /// the session pacer's read budget, and answers Graph's 429 on them here by waiting its Retry-After and sending again.
    /// It sits inside the SDK's retry handler, which would otherwise sleep through three Retry-Afters unseen by the pacer
    /// (and, on the simulator, without moving its clock) and then give up.
    /// </summary>
    internal sealed class SignInReadPacing : DelegatingHandler
    {
        /// <summary>429s one read may meet before the last is handed back; the budget should keep this far away.</summary>
        private const int ThrottleAttempts = 30;

        /// <summary>The session's pacer, set when the session is built (the client, and so this handler, come first).</summary>
        public WritePacer? Pacer { get; set; }

        public static bool ReadsSignInActivity(HttpRequestMessage request) =>
            request.Method == HttpMethod.Get && request.RequestUri != null &&
            request.RequestUri.AbsolutePath.IndexOf("/users", StringComparison.OrdinalIgnoreCase) >= 0 &&
            Uri.UnescapeDataString(request.RequestUri.Query).IndexOf("signInActivity", StringComparison.OrdinalIgnoreCase) >= 0;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var pacer = Pacer;
            if (pacer == null || !ReadsSignInActivity(request))
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            for (var attempt = 1; ; attempt++)
            {
                await pacer.AcquireSignInReadAsync(cancellationToken).ConfigureAwait(false);
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var throttled = (int)response.StatusCode == 429;
                pacer.ObserveSignInRead(throttled, RetryAfter(response));
                if (!throttled || attempt == ThrottleAttempts)
                {
                    return response;
                }

                response.Dispose();
            }
        }

        private static TimeSpan RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta != null)
            {
                return header.Delta.Value;
            }

            return header?.Date != null ? header.Date.Value - DateTimeOffset.UtcNow : TimeSpan.Zero;
        }
    }
}
