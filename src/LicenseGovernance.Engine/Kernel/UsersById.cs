using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>Users read by id with an <c>id in (...)</c> filter, which Graph takes with at most fifteen values.</summary>
    internal static class UsersById
    {
        public const int PerRequest = 15;

        /// <summary>Up to <see cref="PerRequest"/> users in one request; one Graph does not know is simply not among them.</summary>
        public static async Task<List<User>> ReadAsync(GraphSession session, string operation, IEnumerable<string> ids, string[] select, CancellationToken cancellation)
        {
            var filter = "id in (" + string.Join(",", ids.Select(id => "'" + id + "'")) + ")";
            var page = await session.CallAsync(operation, "ReadUsers", c => c.Users.GetAsync(r =>
            {
                r.QueryParameters.Filter = filter;
                r.QueryParameters.Select = select;
            }, cancellation), cancellation).ConfigureAwait(false);
            return page?.Value ?? new List<User>();
        }
    }
}
