using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// How every licence, membership and access package write goes out. Each waits for the session's <see cref="WritePacer"/>,
    /// and is sent with the SDK's own retries off, so that a 429 or 503 comes back here: the pacer obeys a 429's
    /// Retry-After through the session's clock and learns from it, instead of the retry handler sleeping unseen; 500, 502,
    /// 503 and 504 back off exponentially; both within a bounded number of attempts. A failure that is not an HTTP answer
    /// (the connection dropped) is never repeated, since the write may have been applied: it is thrown as the catalogue's error.
    /// </summary>
    internal static class WriteRetryPolicy
    {
        /// <summary>Attempts per write for answers other than 429 that are worth repeating (500, 502, 503, 504).</summary>
        private const int TransientAttempts = 8;

        /// <summary>429s one write may meet before it is reported as failed; the pacer should keep this far away.</summary>
        private const int ThrottleAttempts = 30;

        /// <summary>One write; its final failure is thrown as the catalogue's error, exactly as <see cref="GraphSession.CallAsync{T}"/> does.</summary>
        public static async Task<T> CallAsync<T>(GraphSession session, string operation, string capability, Func<GraphServiceClient, Action<RequestConfiguration<DefaultQueryParameters>>, Task<T>> send, CancellationToken cancellation)
        {
            var (outcome, result) = await session.CallAsync(operation, capability, _ => AttemptAsync(session, 1, send, cancellation), cancellation).ConfigureAwait(false);
            return outcome.Succeeded ? result : throw Failed(session, operation, capability, outcome);
        }

        /// <summary>Like <see cref="CallAsync{T}"/>, but a refusal that says <paramref name="alreadyDone"/> comes back as <see cref="WriteOutcome.AlreadyDone"/>.</summary>
        public static async Task<WriteOutcome> CallAsync(GraphSession session, string operation, string capability, string alreadyDone, Func<GraphServiceClient, Action<RequestConfiguration<DefaultQueryParameters>>, Task> send, CancellationToken cancellation)
        {
            var outcome = await TryAsync(session, operation, capability, alreadyDone, send, cancellation).ConfigureAwait(false);
            return outcome.Succeeded || outcome.AlreadyDone ? outcome : throw Failed(session, operation, capability, outcome);
        }

        /// <summary>One write whose final HTTP answer, success or not, is returned rather than thrown; one write of the quota.</summary>
        public static Task<WriteOutcome> TryAsync(GraphSession session, string operation, string capability, string alreadyDone, Func<GraphServiceClient, Action<RequestConfiguration<DefaultQueryParameters>>, Task> send, CancellationToken cancellation) =>
            session.CallAsync(operation, capability, async _ =>
            {
                var attempt = await AttemptAsync(session, 1, async (client, configure) =>
                {
                    await send(client, configure).ConfigureAwait(false);
                    return true;
                }, cancellation).ConfigureAwait(false);
                return attempt.Outcome.AlreadyDoneWhen(alreadyDone);
            }, cancellation);

        /// <summary>
        /// Up to 20 writes in one $batch, sent again for the items Graph throttled or could not serve until each has a final
        /// answer. Returns one outcome per request, in order.
        /// </summary>
        /// <param name="writesAfter">How many writes the caller still has to send after these, for the pacer's last stretch.</param>
        public static async Task<IReadOnlyList<WriteOutcome>> SendBatchAsync(GraphSession session, string operation, string capability, IReadOnlyList<GraphBatch.Request> requests, long writesAfter, CancellationToken cancellation)
        {
            var final = new WriteOutcome[requests.Count];
            var attempts = requests.Select(_ => new Attempts()).ToArray();
            var left = Enumerable.Range(0, requests.Count).ToList();
            while (left.Count > 0)
            {
                await session.Pacer.AcquireAsync(left.Count, writesAfter, cancellation).ConfigureAwait(false);
                var outcomes = (await GraphBatch.SendAsync(session, operation, capability, left.Select(i => requests[i]).ToList(), cancellation).ConfigureAwait(false))
                    .Select(a => a.Outcome).ToList();
                var again = new List<int>();
                for (var n = 0; n < left.Count; n++)
                {
                    if (attempts[left[n]].Again(outcomes[n]))
                    {
                        again.Add(left[n]);
                    }
                    else
                    {
                        final[left[n]] = outcomes[n];
                    }
                }

                Observe(session, outcomes, 1, again.Count == 0 ? 1 : again.Max(i => attempts[i].Transient));
                left = again;
            }

            return final;
        }

        internal static RetryHandlerOption NoRetry() => new RetryHandlerOption { MaxRetry = 0 };

        private static async Task<(WriteOutcome Outcome, T Result)> AttemptAsync<T>(GraphSession session, int writes, Func<GraphServiceClient, Action<RequestConfiguration<DefaultQueryParameters>>, Task<T>> send, CancellationToken cancellation)
        {
            var attempts = new Attempts();
            while (true)
            {
                await session.Pacer.AcquireAsync(writes, cancellation).ConfigureAwait(false);
                var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
                var result = default(T)!;
                WriteOutcome outcome;
                try
                {
                    result = await send(session.Client, r =>
                    {
                        r.Options.Add(NoRetry());
                        r.Options.Add(headers);
                    }).ConfigureAwait(false);
                    outcome = WriteOutcome.Accepted(headers.ResponseHeaders);
                }
                catch (ApiException api)
                {
                    outcome = WriteOutcome.Refused(api);
                }

                var again = attempts.Again(outcome);
                Observe(session, new[] { outcome }, writes, attempts.Transient);
                if (!again)
                {
                    return (outcome, result);
                }
            }
        }

        /// <summary>
        /// Tells the pacer what Graph answered. Throttled writes hold the pacer until their Retry-After has passed; when
        /// only transient 5xx answers came back, it holds for their Retry-After or an exponential back-off.
        /// </summary>
        private static void Observe(GraphSession session, IReadOnlyList<WriteOutcome> outcomes, int writesEach, int transientAttempts)
        {
            var retryAfter = outcomes.Max(o => o.RetryAfter);
            var throttled = outcomes.Count(o => o.Throttled);
            session.Pacer.Observe(outcomes.Count(o => o.Succeeded) * writesEach, throttled * writesEach, retryAfter, outcomes.Max(o => o.Usage));
            if (throttled == 0 && outcomes.Any(o => o.Transient))
            {
                session.Pacer.Pause(retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds(Math.Min(32, 1 << Math.Min(5, transientAttempts))));
            }
        }

        private static Exception Failed(GraphSession session, string operation, string capability, WriteOutcome outcome) =>
            Error(session, operation, capability, outcome).ToException();

        /// <summary>A refused write's catalogue error, worded as <see cref="CallAsync{T}"/> throws it (for a $batch item's outcome).</summary>
        public static GovernanceError Error(GraphSession session, string operation, string capability, WriteOutcome outcome) =>
            GraphErrorTranslator.Translate(outcome.Failure ?? new ApiException(outcome.Describe()) { ResponseStatusCode = outcome.Status }, operation, capability, session.AppOnly);

        /// <summary>The attempts one write has made, counted apart for 429s and for transient 5xx answers.</summary>
        private sealed class Attempts
        {
            private int _throttled;

            public int Transient { get; private set; }

            /// <summary>Counts <paramref name="outcome"/>; true when the write is to be sent again.</summary>
            public bool Again(WriteOutcome outcome)
            {
                if (outcome.Throttled)
                {
                    _throttled++;
                }
                else if (outcome.Transient)
                {
                    Transient++;
                }

                return outcome.Transient && Transient < TransientAttempts && _throttled < ThrottleAttempts;
            }
        }
    }
}
