using System;
using LicenseGovernance.Simulator.Throttling;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>The one place that calls the throttling engine. Rebuilds its gate when a test swaps the options object.</summary>
    internal sealed class RequestThrottle
    {
        private readonly SimulatedTenant _tenant;
        private readonly object _gate = new object();
        private ThrottlingOptions? _options;
        private ThrottleGate? _throttleGate;

        public RequestThrottle(SimulatedTenant tenant)
        {
            _tenant = tenant;
        }

        // The template matters: POST /directoryObjects/getByIds reads, whatever its verb.
        public static bool IsWrite(string method, string template) => RequestCost.IsWrite(method, template);

        public ThrottleDecision Acquire(string appId, string method, string template, QueryOptions query)
        {
            var units = RequestCost.ResourceUnits(method, template, query.Select != null, query.Expand != null, query.Top);
            var signIn = RequestCost.ReadsSignInActivity(method, template, query.Select, query.Filter);
            return Gate().TryAcquire(appId, _tenant.TenantId, units, IsWrite(method, template), signIn);
        }

        private ThrottleGate Gate()
        {
            lock (_gate)
            {
                var options = _tenant.Options.Throttling;
                if (!ReferenceEquals(options, _options) || _throttleGate == null)
                {
                    _options = options;
                    _throttleGate = new ThrottleGate(options, () => _tenant.Clock.UtcNow);
                }

                return _throttleGate;
            }
        }
    }
}
