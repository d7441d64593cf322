using System;

namespace LicenseGovernance.Simulator.OData
{
    /// <summary>A query that Graph would reject; the handler turns it into an error envelope with this status and code.</summary>
    public sealed class ODataQueryException : Exception
    {
        public ODataQueryException(int status, string code, string message)
            : base(message)
        {
            Status = status;
            Code = code;
        }

        public int Status { get; }

        public string Code { get; }
    }
}
