using System.Net.Http;

namespace LicenseGovernance.Simulator.Faults
{
    /// <summary>Raised to the client by a <see cref="FaultKind.ResponseLost"/> fault after the tenant applied the request.</summary>
    public sealed class SimulatedResponseLostException : HttpRequestException
    {
        public SimulatedResponseLostException()
            : base("The connection was closed before the response arrived (simulated).")
        {
        }
    }
}
