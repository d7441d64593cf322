using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Tiers
{
    /// <summary>Invoke-LicenseReprocess: asks Entra to retry users' group licences and, when asked, waits to see how it went.</summary>
    internal static class LicenseReprocessor
    {
        private static readonly string[] UserSelect = { "id", "userPrincipalName", "licenseAssignmentStates" };

        public static async Task RunAsync(GraphSession session, ReprocessRequest request, Journal.JournalScope journal, IGovernanceSink sink)
        {
            if (request.Wait && (request.WaitTimeoutSeconds < ReprocessRequest.MinWaitTimeoutSeconds || request.WaitTimeoutSeconds > ReprocessRequest.MaxWaitTimeoutSeconds))
            {
                throw Errors.ReprocessTimeoutInvalid(request.WaitTimeoutSeconds).ToException();
            }

            var cancellation = sink.Cancellation;
            var targets = new List<User>();
            TierGroupState? group = null;
            if (!string.IsNullOrWhiteSpace(request.Group))
            {
                group = await TierGroupDirectory.RequireAsync(session, request.Group!.Trim(), cancellation).ConfigureAwait(false);
                targets.AddRange(await TierGroupDirectory.MembersWithLicenseErrorsAsync(session, group.Group.Id!, cancellation).ConfigureAwait(false));
                if (targets.Count == 0)
                {
                    sink.WriteWarning($"No member of '{group.Name}' has a licence error, so there is nothing to reprocess.");
                    return;
                }
            }

            var fromGroup = new HashSet<string>(targets.Select(t => t.Id!), StringComparer.OrdinalIgnoreCase);
            foreach (var input in request.User ?? Array.Empty<string>())
            {
                var user = await session.CallOrNotFoundAsync("read user " + input, "ReadUsers",
                    c => c.Users[input.Trim()].GetAsync(r => r.QueryParameters.Select = UserSelect, cancellation), cancellation).ConfigureAwait(false);
                if (user == null)
                {
                    sink.WriteError(Errors.UserNotFound(input));
                }
                else if (!targets.Exists(t => t.Id == user.Id))
                {
                    targets.Add(user);
                }
            }

            var requestedAt = session.Now;
            var requested = new List<User>();
            foreach (var user in targets)
            {
                var name = user.UserPrincipalName ?? user.Id!;
                if (!sink.ShouldProcess(name, "Reprocess group-based licence assignments"))
                {
                    continue;
                }

                await UserLicenseWriter.ReprocessAsync(session, journal, user.Id!, user.UserPrincipalName, LicenseStates.Of(user), cancellation).ConfigureAwait(false);
                sink.WriteVerbose($"Asked Entra to reprocess the group licences of {name}.");
                requested.Add(user);
            }

            if (!request.Wait)
            {
                foreach (var user in requested)
                {
                    sink.WriteObject(new LicenseReprocessResult { UserId = Guid.Parse(user.Id!), UserPrincipalName = user.UserPrincipalName, Outcome = ReprocessOutcome.Requested });
                }

                return;
            }

            var expectations = await ExpectationsAsync(session, requested, group?.Group, fromGroup, sink).ConfigureAwait(false);
            await WaitAsync(session, requested, expectations, requestedAt, TimeSpan.FromSeconds(request.WaitTimeoutSeconds), sink).ConfigureAwait(false);
        }

        /// <summary>
        /// Waits for Entra's answer to the reprocess, user by user, through the licensing watcher: Active once every licence
        /// the user should hold from the groups in question is Active; Error once Entra has visibly worked on an error since
        /// the request (the state updated after it, or the group seen processing and then complete); Pending otherwise.
        /// </summary>
        private static async Task WaitAsync(GraphSession session, List<User> users, IReadOnlyList<LicenseExpectation> expectations, DateTimeOffset requestedAt, TimeSpan timeout, IGovernanceSink sink)
        {
            var watch = new LicenseWatch(expectations, ProgressActivity.Reprocess, "Waiting for Entra to reprocess licences")
            {
                Timings = LicenseWatchTimings.Default.WithTimeout(timeout),
                ChangedAt = requestedAt,
            };
            var report = await GroupLicensingWatcher.WatchAsync(session, watch, sink).ConfigureAwait(false);
            var byUser = report.Results.ToLookup(r => r.Expectation.UserId, StringComparer.OrdinalIgnoreCase);
            foreach (var user in users)
            {
                var results = byUser[user.Id!].ToList();
                sink.WriteObject(new LicenseReprocessResult
                {
                    UserId = Guid.Parse(user.Id!),
                    UserPrincipalName = user.UserPrincipalName,
                    Outcome = OutcomeOf(results),
                    RemainingErrors = results.SelectMany(r => r.States).Where(s => LicenseStates.InError(s)).Select(e => e.SkuId + "=" + GroupLicenseErrorReader.ErrorTypeOf(e)).ToArray(),
                });
            }
        }

        /// <summary>Pending while any of the user's groups is; then Error if any reported one; Active only when all are active.</summary>
        private static ReprocessOutcome OutcomeOf(IReadOnlyCollection<LicenseWatchResult> results) =>
            results.Any(r => r.Outcome == LicenseWatchOutcome.Pending) ? ReprocessOutcome.Pending
            : results.Any(r => r.Outcome == LicenseWatchOutcome.Error) ? ReprocessOutcome.Error
            : ReprocessOutcome.Active;

        /// <summary>
        /// What each user should end up holding: for -Group, that group's licences; for a named user, the licences of every
        /// licensed group it is a direct member of (group-based licensing does not flow through nested groups).
        /// </summary>
        private static async Task<List<LicenseExpectation>> ExpectationsAsync(GraphSession session, List<User> users, Group? group, HashSet<string> fromGroup, IGovernanceSink sink)
        {
            var expectations = new List<LicenseExpectation>();
            foreach (var user in users)
            {
                if (group != null && fromGroup.Contains(user.Id!))
                {
                    expectations.Add(LicenseExpectation.AllOf(user.Id!, group));
                    continue;
                }

                var licensed = await TierGroupDirectory.LicensedGroupsOfAsync(session, user, sink.Cancellation).ConfigureAwait(false);
                if (licensed.Count == 0)
                {
                    sink.WriteWarning($"{user.UserPrincipalName ?? user.Id} is a direct member of no licensed group, so there is no group licence to wait for.");
                }

                expectations.AddRange(licensed.Select(g => LicenseExpectation.AllOf(user.Id!, g)));
            }

            return expectations;
        }
    }
}
