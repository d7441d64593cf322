using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Hosting;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// Reads every user that matches, page by page, handing each to the caller as its page arrives and keeping no
    /// page once it is handled, so memory stays flat however large the tenant is.
    /// </summary>
    public static class UserStream
    {
        /// <summary>Graph's largest page for /users; reads of signInActivity page by <see cref="Graph.SignInReadLimits.PageSize"/> (500) instead.</summary>
        public const int MaxPageSize = 999;

        /// <summary>
        /// Reads the users named by user principal name or id, when any are named, and otherwise every user that matches
        /// <paramref name="filter"/>: a command's <c>-User</c> and its listing in one place. A name Graph does not know is
        /// written as <c>UserNotFound</c> and the rest go on; a name given twice is read once.
        /// </summary>
        public static async Task ReadNamedOrAllAsync(GraphSession session, IReadOnlyCollection<string> select, IReadOnlyCollection<string>? named, string? filter, Action<User> onUser, IGovernanceSink sink)
        {
            if (named == null || named.Count == 0)
            {
                await ReadAsync(session, select, filter, onUser, sink).ConfigureAwait(false);
                return;
            }

            var cancellation = sink.Cancellation;
            var selected = new List<string>(select).ToArray();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var input in named)
            {
                var key = input.Trim();
                if (!seen.Add(key))
                {
                    continue;
                }

                var user = await session.CallOrNotFoundAsync("read user " + key, "ReadUsers",
                    c => c.Users[key].GetAsync(r => r.QueryParameters.Select = selected, cancellation), cancellation).ConfigureAwait(false);
                if (user == null)
                {
                    sink.WriteError(Errors.UserNotFound(input));
                }
                else
                {
                    onUser(user);
                }
            }
        }

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
