using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>What Graph answered to one write (a request, or one item of a $batch), after <see cref="WriteRetryPolicy"/> is done with it.</summary>
    internal sealed class WriteOutcome
    {
        private WriteOutcome(int status, string? message, TimeSpan retryAfter, double? usage, ApiException? failure, bool alreadyDone)
        {
            Status = status;
            Message = message;
            RetryAfter = retryAfter;
            Usage = usage;
            Failure = failure;
            AlreadyDone = alreadyDone;
        }

        public int Status { get; }

        public string? Message { get; }

        public TimeSpan RetryAfter { get; }

        /// <summary>x-ms-throttle-limit-percentage, or null when absent.</summary>
        public double? Usage { get; }

        /// <summary>The SDK's exception for a refused request (for a $batch item, one made from its answer), which the error catalogue translates.</summary>
        public ApiException? Failure { get; }

        /// <summary>
        /// Graph refused the write because the tenant already is as it asked (an existing member added, a missing one
        /// removed, a licence no longer held removed): nothing changed, and nothing failed either.
        /// </summary>
        public bool AlreadyDone { get; }

        public bool Succeeded => Status >= 200 && Status < 300;

        public bool Throttled => Status == 429;

        /// <summary>Worth sending again as it is: throttling and the transient 5xx answers Kiota itself would retry.</summary>
        public bool Transient => Status == 429 || Status == 503 || Status == 504 || Status == 500 || Status == 502;

        /// <summary>For the journal and the results: the status and Graph's message.</summary>
        public string Describe() => $"{Status}: {Message}";

        public static WriteOutcome Accepted(IDictionary<string, IEnumerable<string>>? headers) =>
            new WriteOutcome(200, null, TimeSpan.Zero, UsageOf(headers), null, alreadyDone: false);

        public static WriteOutcome Refused(ApiException api)
        {
            var message = api is ODataError odata ? odata.Error?.Message ?? odata.Message : api.Message;
            return FromResponse(api.ResponseStatusCode, message, api.ResponseHeaders, api);
        }

        public static WriteOutcome FromResponse(int status, string? message, IDictionary<string, IEnumerable<string>>? headers, ApiException? failure = null) =>
            new WriteOutcome(status, message, GraphErrorTranslator.RetryAfter(headers) ?? TimeSpan.Zero, UsageOf(headers), failure, alreadyDone: false);

        /// <summary>This outcome, marked <see cref="AlreadyDone"/> when it is a 400 whose message says <paramref name="phrase"/>.</summary>
        public WriteOutcome AlreadyDoneWhen(string? phrase) =>
            phrase != null && Status == 400 && Message?.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) >= 0
                ? new WriteOutcome(Status, Message, RetryAfter, Usage, Failure, alreadyDone: true)
                : this;

        private static double? UsageOf(IDictionary<string, IEnumerable<string>>? headers)
        {
            var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "x-ms-throttle-limit-percentage", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null;
        }
    }
}
