using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Simulator.Faults;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Throttling;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// The single request path shared by the in-process handler, the loopback listener and $batch items:
    /// authentication, routing, faults, throttling, permissions, then the route.
    /// </summary>
    internal sealed class RequestPipeline
    {
        private readonly SimulatedTenant _tenant;
        private readonly RequestThrottle _throttle;

        public RequestPipeline(SimulatedTenant tenant)
        {
            _tenant = tenant;
            _throttle = new RequestThrottle(tenant);
        }

        public async Task<SimResponse> SendAsync(SimRequest request, CancellationToken cancellationToken)
        {
            var latency = _tenant.Options.AddedLatency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
            }

            var clockTime = _tenant.Options.ClockTimePerRequest;
            if (clockTime > TimeSpan.Zero)
            {
                _tenant.Clock.Advance(clockTime);
            }

            return await ExecuteAsync(request, insideBatch: false, cancellationToken).ConfigureAwait(false);
        }

        internal async Task<SimResponse> ExecuteAsync(SimRequest request, bool insideBatch, CancellationToken cancellationToken)
        {
            _tenant.Statistics.RecordRequest(insideBatch);

            // Queued licensing and membership work that has fallen due lands before the request reads the tenant.
            _tenant.Store.RunDueWork();
            var requestId = Guid.NewGuid().ToString();
            var clientRequestId = request.Header("client-request-id");
            SimResponse response;
            try
            {
                response = await RouteAsync(request, insideBatch, requestId, cancellationToken).ConfigureAwait(false);
            }
            catch (GraphServiceError e)
            {
                response = GraphJson.Error(e.Status, e.Code, e.Message, requestId, clientRequestId, _tenant.Clock.UtcNow);
            }
            catch (Exception e) when (!(e is OperationCanceledException) && !(e is SimulatedResponseLostException))
            {
                // A simulator defect must reach the client as a Graph-shaped 500, not tear down its HttpClient call.
                response = GraphJson.Error(500, "InternalServerError", e.GetType().Name + ": " + e.Message, requestId, clientRequestId, _tenant.Clock.UtcNow);
            }

            response.With("request-id", requestId);
            response.With("client-request-id", clientRequestId ?? requestId);
            return response;
        }

        private async Task<SimResponse> RouteAsync(SimRequest request, bool insideBatch, string requestId, CancellationToken cancellationToken)
        {
            var path = request.Uri.AbsolutePath;
            if (path.StartsWith(Usage.ReportDownloads.PathPrefix, StringComparison.Ordinal) && request.Method == "GET")
            {
                // A report's pre-authenticated download: outside /v1.0 and without a token, as Graph's report links are.
                return ReportRoutes.Download(_tenant, request);
            }

            var version = path.IndexOf("/v1.0", StringComparison.OrdinalIgnoreCase);
            if (version < 0 || (path.Length > version + 5 && path[version + 5] != '/'))
            {
                throw new GraphServiceError(400, "BadRequest", "Invalid version: the simulated tenant serves only v1.0.");
            }

            var serviceRoot = request.Uri.GetLeftPart(UriPartial.Authority) + path.Substring(0, version + 5);
            var relativePath = path.Substring(version + 5);
            var token = TokenClaims.Validate(request.Header("Authorization"), _tenant.TenantId, _tenant.Clock.UtcNow);
            var segments = Router.Segments(relativePath);
            var route = Router.Match(request.Method, segments);
            var query = QueryOptions.Parse(request.Uri.Query);
            var ctx = new RequestContext(_tenant, request, serviceRoot, segments, query, token, requestId);
            // A $batch envelope is no write of its own: the writes among its items are counted one by one (a batch of reads writes nothing).
            var isWrite = route.Template != "/$batch" && RequestThrottle.IsWrite(request.Method, route.Template);
            _tenant.Statistics.RecordRoute(request.Method, route.Template, isWrite);

            var fault = _tenant.Faults.Next(request.Method, relativePath, insideBatch);
            if (fault != null)
            {
                switch (fault.Kind)
                {
                    case FaultKind.Latency:
                        await Task.Delay(fault.Delay, cancellationToken).ConfigureAwait(false);
                        break;
                    case FaultKind.TooManyRequests:
                        _tenant.Statistics.RecordThrottled();
                        return TooManyRequests(ctx, fault.RetryAfter, scope: null, information: null);
                    case FaultKind.ServiceUnavailable:
                        var unavailable = GraphJson.Error(503, "ServiceUnavailable", "The service is temporarily unavailable. Please retry later.", requestId, request.Header("client-request-id"), ctx.Now);
                        return fault.RetryAfter > TimeSpan.Zero ? unavailable.With("Retry-After", Seconds(fault.RetryAfter)) : unavailable;
                }
            }

            // The tenant applies the request, and the client never hears back: a killed process or a dropped connection.
            var lost = fault?.Kind == FaultKind.ResponseLost && !insideBatch;

            if (route.Template == "/$batch")
            {
                // The envelope itself is free: each item is throttled on its own, as Graph does.
                return insideBatch
                    ? throw GraphServiceError.BadRequest("A $batch request cannot contain another $batch request.")
                    : Unless(lost, await BatchProcessor.ExecuteAsync(ctx, this, cancellationToken).ConfigureAwait(false));
            }

            var decision = _throttle.Acquire(token.AppId, request.Method, route.Template, query);
            if (!decision.Allowed)
            {
                _tenant.Statistics.RecordThrottled();
                return TooManyRequests(ctx, decision.RetryAfter, decision.Scope, decision.Information)
                    .With("x-ms-resource-unit", decision.ResourceUnits.ToString(CultureInfo.InvariantCulture));
            }

            SimResponse response;
            try
            {
                response = route.Handler(ctx);
            }
            catch (GraphServiceError e)
            {
                _tenant.Statistics.RecordServed(request.Method, route.Template, e.Status);
                throw;
            }

            _tenant.Statistics.RecordServed(request.Method, route.Template, response.Status);
            return Unless(lost, WithUsage(response, decision));
        }

        private static SimResponse Unless(bool lost, SimResponse response) => lost ? throw new SimulatedResponseLostException() : response;

        private static SimResponse WithUsage(SimResponse response, ThrottleDecision decision)
        {
            response.With("x-ms-resource-unit", decision.ResourceUnits.ToString(CultureInfo.InvariantCulture));
            if (decision.UsageFraction >= 0.8)
            {
                response.With("x-ms-throttle-limit-percentage", decision.UsageFraction.ToString("0.0#", CultureInfo.InvariantCulture));
            }

            return response;
        }

        private static SimResponse TooManyRequests(RequestContext ctx, TimeSpan retryAfter, string? scope, string? information)
        {
            var response = GraphJson.Error(429, "TooManyRequests", "Please retry again later.", ctx.RequestId, ctx.Request.Header("client-request-id"), ctx.Now)
                .With("Retry-After", Seconds(retryAfter));
            if (scope != null)
            {
                response.With("x-ms-throttle-scope", scope);
            }

            if (information != null)
            {
                response.With("x-ms-throttle-information", information);
            }

            return response;
        }

        // Directory responses carry whole seconds; rounding up keeps a client from retrying before the window reopens.
        private static string Seconds(TimeSpan value) => Math.Max(1, (int)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
