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
        internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

        private static readonly string[] UserSelect = { "id", "userPrincipalName", "licenseAssignmentStates" };

        public static async Task RunAsync(GraphSession session, ReprocessRequest request, Journal.JournalScope journal, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var targets = new List<User>();
            if (!string.IsNullOrWhiteSpace(request.Group))
            {
                var group = await TierGroupDirectory.RequireAsync(session, request.Group!.Trim(), cancellation).ConfigureAwait(false);
                targets.AddRange(await TierGroupDirectory.MembersWithLicenseErrorsAsync(session, group.Group.Id!, cancellation).ConfigureAwait(false));
                if (targets.Count == 0)
                {
                    sink.WriteWarning($"No member of '{group.Name}' has a licence error, so there is nothing to reprocess.");
                    return;
                }
            }

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

            var requested = new List<User>();
            foreach (var user in targets)
            {
                var name = user.UserPrincipalName ?? user.Id!;
                if (!sink.ShouldProcess(name, "Reprocess group-based licence assignments"))
                {
                    continue;
                }

                await UserLicenseWriter.ReprocessAsync(session, journal, user, cancellation).ConfigureAwait(false);
                sink.WriteVerbose($"Asked Entra to reprocess the group licences of {name}.");
                requested.Add(user);
            }

            if (!request.Wait)
            {
                foreach (var user in requested)
                {
                    sink.WriteObject(new LicenseReprocessResult { UserId = Guid.Parse(user.Id!), UserPrincipalName = user.UserPrincipalName, Outcome = "Requested" });
                }

                return;
            }

            await WaitAsync(session, requested, TimeSpan.FromSeconds(Math.Max(1, request.WaitTimeoutSeconds)), sink).ConfigureAwait(false);
        }

        /// <summary>
        /// A user is settled once no group licence is in error (Active), or once Entra has visibly worked on the errors
        /// since the request and they remain (Error): each error state updated after the request, or every group they come
        /// from seen processing and then complete. Graph documents neither signal for a reprocess, so whoever shows
        /// neither by the deadline is Pending rather than guessed at.
        /// </summary>
        private static async Task WaitAsync(GraphSession session, List<User> users, TimeSpan timeout, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var requestedAt = session.Now;
            var deadline = requestedAt + timeout;
            var pending = users.ToList();
            var total = pending.Count;
            var seenProcessing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (pending.Count > 0)
            {
                var states = new Dictionary<string, IReadOnlyList<LicenseAssignmentState>>();
                foreach (var user in pending)
                {
                    var current = await session.CallOrNotFoundAsync("read user " + user.Id, "ReadUsers",
                        c => c.Users[user.Id!].GetAsync(r => r.QueryParameters.Select = UserSelect, cancellation), cancellation).ConfigureAwait(false);
                    states[user.Id!] = LicenseStates.Of(current).Where(s => s.AssignedByGroup != null && LicenseStates.InError(s, s.AssignedByGroup)).ToList();
                }

                var complete = await ProcessingCompleteAsync(session, states.Values.SelectMany(e => e).Select(e => e.AssignedByGroup!).Distinct(StringComparer.OrdinalIgnoreCase), seenProcessing, sink).ConfigureAwait(false);
                foreach (var user in pending.ToList())
                {
                    var errors = states[user.Id!];
                    string? outcome = null;
                    if (errors.Count == 0)
                    {
                        outcome = "Active";
                    }
                    else if (errors.All(e => e.LastUpdatedDateTime >= requestedAt) || errors.All(e => seenProcessing.Contains(e.AssignedByGroup!) && complete.Contains(e.AssignedByGroup!)))
                    {
                        outcome = "Error";
                    }
                    else if (session.Now >= deadline)
                    {
                        outcome = "Pending";
                    }

                    if (outcome != null)
                    {
                        pending.Remove(user);
                        sink.WriteObject(new LicenseReprocessResult
                        {
                            UserId = Guid.Parse(user.Id!),
                            UserPrincipalName = user.UserPrincipalName,
                            Outcome = outcome,
                            RemainingErrors = errors.Select(e => e.SkuId + "=" + GroupLicenseErrorReader.ErrorTypeOf(e)).ToArray(),
                        });
                    }
                }

                if (pending.Count == 0)
                {
                    break;
                }

                sink.WriteProgress(new GovernanceProgress(ProgressActivity.Reprocess, "Waiting for Entra to reprocess licences",
                    $"{total - pending.Count} of {total} user(s) settled", GovernanceProgress.Percent(total - pending.Count, total)));
                await session.WaitAsync(PollInterval, cancellation).ConfigureAwait(false);
            }

            sink.WriteProgress(new GovernanceProgress(ProgressActivity.Reprocess, "Waiting for Entra to reprocess licences", $"{total} user(s)", 100, completed: true));
        }

        /// <summary>The groups that report ProcessingComplete now; the others are remembered as seen processing.</summary>
        private static async Task<HashSet<string>> ProcessingCompleteAsync(GraphSession session, IEnumerable<string> groupIds, HashSet<string> seenProcessing, IGovernanceSink sink)
        {
            var complete = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var id in groupIds)
            {
                var group = await session.CallOrNotFoundAsync("read group " + id, "ReadGroups",
                    c => c.Groups[id].GetAsync(r => r.QueryParameters.Select = new[] { "id", "licenseProcessingState" }, sink.Cancellation), sink.Cancellation).ConfigureAwait(false);
                if (string.Equals(group?.LicenseProcessingState?.State, "ProcessingComplete", StringComparison.OrdinalIgnoreCase))
                {
                    complete.Add(id);
                }
                else
                {
                    seenProcessing.Add(id);
                }
            }

            return complete;
        }
    }
}
