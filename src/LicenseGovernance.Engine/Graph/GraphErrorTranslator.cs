using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>Turns whatever the Graph SDK throws into the module's error catalogue, naming the permission that was missing.</summary>
    public static class GraphErrorTranslator
    {
        private const string RequestDenied = "Authorization_RequestDenied";

        /// <summary>Entitlement management's 403 for a caller without the role (msgraph-metadata issue 327).</summary>
        private const string EntitlementUnauthorized = "UnAuthorized";
        private const string NonPremiumTenant = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

        /// <summary>[O] Identity governance's answer for a tenant without the licence a feature needs (lifecycle workflows, entitlement management).</summary>
        private const string NoLicense = "NoLicense";
        private const string FallbackPremiumLicense = "Microsoft Entra ID P1 or P2";

        /// <summary>
        /// Workloads outside the directory (entitlement management, lifecycle workflows, reports) word a missing permission
        /// differently from Authorization_RequestDenied; all of them mean the same to the user.
        /// </summary>
        private static readonly string[] PermissionCodes = { RequestDenied, "AccessDenied", "Forbidden", "Authorization_Denied", EntitlementUnauthorized };

        /// <param name="userCancellation">The operation's cancellation token: a cancellation it requested is the user's Ctrl+C, any other is a timeout.</param>
        public static GovernanceError Translate(Exception exception, string operation, string capabilityKey, bool appOnly, CancellationToken userCancellation = default)
        {
            if (exception == null)
            {
                throw new ArgumentNullException(nameof(exception));
            }

            exception = Unwrap(exception);

            switch (exception)
            {
                case LicenseGovernanceException governance:
                    return governance.Error;

                case OperationCanceledException when userCancellation.IsCancellationRequested:
                    return Errors.OperationCancelled(operation);

                case OperationCanceledException canceled:
                    return Errors.GraphUnreachable(operation, "it did not answer in time.", canceled);

                case AuthenticationFailedException authentication:
                    return Errors.AuthenticationFailed("the connected credential", authentication);

                case ApiException api when api.ResponseStatusCode != 0:
                    return FromResponse(api, operation, capabilityKey, appOnly);

                case HttpRequestException http:
                    return Errors.GraphUnreachable(operation, Messages(http), http);

                default:
                    return Errors.GraphRequestFailed(operation, 0, exception.GetType().Name, exception.Message, exception);
            }
        }

        private static GovernanceError FromResponse(ApiException api, string operation, string capabilityKey, bool appOnly)
        {
            var status = api.ResponseStatusCode;
            var odata = (api as ODataError)?.Error;
            var code = odata?.Code;
            var message = string.IsNullOrEmpty(odata?.Message) ? api.Message : odata!.Message;
            var capability = CapabilityCatalog.TryGet(capabilityKey);

            if (status == 401)
            {
                return Errors.TokenRejected(operation, message);
            }

            if (status == 403 && (string.Equals(code, NonPremiumTenant, StringComparison.OrdinalIgnoreCase) || string.Equals(code, NoLicense, StringComparison.OrdinalIgnoreCase)))
            {
                return Errors.TenantLicenseRequired(capability?.Name ?? operation, capability?.TenantLicense ?? FallbackPremiumLicense, message);
            }

            // Entitlement management answers a signed-in user who lacks an administrator role with its own code.
            if (status == 403 && !appOnly && string.Equals(code, EntitlementUnauthorized, StringComparison.OrdinalIgnoreCase))
            {
                return Errors.EntitlementRoleRequired(operation, message);
            }

            if (status == 403 && PermissionCodes.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                var accepted = capability?.AcceptedPermissions(appOnly) ?? Array.Empty<string>();
                return Errors.PermissionDenied(operation, accepted, message);
            }

            if (status == 429)
            {
                return Errors.Throttled(operation, RetryAfter(api.ResponseHeaders) ?? TimeSpan.Zero);
            }

            return Errors.GraphRequestFailed(operation, status, code, message, api);
        }

        private static Exception Unwrap(Exception exception)
        {
            while (exception is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
            {
                // Kiota's retry handler gives up with one inner exception per attempt; the last answer is the one to report.
                exception = aggregate.InnerExceptions.Count == 1
                    ? aggregate.InnerExceptions[0]
                    : aggregate.InnerExceptions.LastOrDefault(e => e is ApiException) ?? aggregate.InnerExceptions[aggregate.InnerExceptions.Count - 1];
            }

            return exception;
        }

        /// <summary>HttpRequestException hides the socket or TLS cause in its inner exceptions, which is the part worth reading.</summary>
        private static string Messages(Exception exception)
        {
            var parts = new List<string>();
            for (var current = exception; current != null; current = current.InnerException)
            {
                if (!parts.Contains(current.Message))
                {
                    parts.Add(current.Message);
                }
            }

            return string.Join(" ", parts);
        }

        internal static TimeSpan? RetryAfter(IDictionary<string, IEnumerable<string>>? headers)
        {
            var value = headers?
                .FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase))
                .Value?.FirstOrDefault()?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            {
                var wait = when - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }
    }
}
