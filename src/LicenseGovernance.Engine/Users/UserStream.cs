using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Sessions;
using LicenseGovernance.Hosting;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Users
{
    /// <summary>
    /// Reads every user that matches, page by page, handing each to the caller as its page arrives and keeping no
    /// page once it is handled, so memory stays flat however large the tenant is.
    /// </summary>
    public static class UserStream
    {
        /// <summary>Graph's largest page for /users; 120 when signInActivity is selected (the service caps it).</summary>
        public const int MaxPageSize = 999;

        /// <returns>The number of users handed to <paramref name="onUser"/>.</returns>
        public static async Task<long> ReadAsync(GraphSession session, IReadOnlyCollection<string> select, string? filter, Action<User> onUser, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var first = await session.CallAsync("list users", "ReadUsers", c => c.Users.GetAsync(r =>
            {
                r.QueryParameters.Select = new List<string>(select).ToArray();
                r.QueryParameters.Top = MaxPageSize;
                r.QueryParameters.Filter = filter;
                // $count with ConsistencyLevel gives the total up front, so progress can show a percentage.
                r.QueryParameters.Count = true;
                r.Headers.Add("ConsistencyLevel", "eventual");
            }, cancellation), cancellation).ConfigureAwait(false);

            if (first == null)
            {
                return 0;
            }

            var total = first.OdataCount ?? -1;
            long seen = 0;
            await GraphPages.ForEachAsync<User, UserCollectionResponse>(session, "list users", "ReadUsers", first, user =>
            {
                onUser(user);
                seen++;
                if (seen % MaxPageSize == 0)
                {
                    sink.WriteProgress(new GovernanceProgress(ProgressActivity.ListUsers, "Reading users", $"{seen:N0} of {(total < 0 ? "?" : total.ToString("N0"))}", GovernanceProgress.Percent(seen, total)));
                }

                return true;
            }, cancellation, request =>
            {
                request.Headers.Add("ConsistencyLevel", new[] { "eventual" });
                return request;
            }).ConfigureAwait(false);

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.ListUsers, "Reading users", $"{seen:N0} users", 100, completed: true));
            return seen;
        }
    }
}
