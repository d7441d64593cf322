using System;

namespace LicenseGovernance.Simulator.Model
{
    /// <summary>A Graph error (status, code, message) raised by tenant rules; the HTTP layer turns it into the §0 envelope.</summary>
    public sealed class GraphServiceError : Exception
    {
        public GraphServiceError(int status, string code, string message)
            : base(message)
        {
            Status = status;
            Code = code;
        }

        public int Status { get; }

        public string Code { get; }

        internal static GraphServiceError BadRequest(string message) => new GraphServiceError(400, "Request_BadRequest", message);

        /// <summary>A $ref or @odata.bind naming an object that does not exist (or has not replicated yet).</summary>
        internal static GraphServiceError ReferenceMissing() => BadRequest("The source resource object or one of the objects being referenced do not exist.");

        internal static GraphServiceError NotFound(string idOrName) =>
            new GraphServiceError(404, "Request_ResourceNotFound", $"Resource '{idOrName}' does not exist or one of its queried reference-property objects are not present.");

        internal static GraphServiceError UnsupportedQuery(string message) => new GraphServiceError(400, "Request_UnsupportedQuery", message);
    }
}
