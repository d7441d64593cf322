using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Licensing;

namespace LicenseGovernance.Engine.Simulation
{
    /// <summary>
    /// A simulated user's licence history, read from the tenant's licence timeline (every change to which SKU each user
    /// holds by which source, in the order applied), named as Graph names things: SKU part numbers and group names. The gaps
    /// are computed the way the module's tests judge "no gap": periods in which a user who had a licence in scope held none.
    /// </summary>
    internal static class LicenseTimelineReader
    {
        public const string AnyLicense = "Any licence";
        public const string MailboxLicense = "Exchange mailbox licence";

        public static async Task WriteAsync(GraphSession session, SimulatedTenant tenant, GetLicenseTimelineRequest request, IReadOnlyList<LicenseSku> skus, IGovernanceSink sink)
        {
            var cancellation = sink.Cancellation;
            var sku = request.Sku == null ? null
                : LicenseSelection.ResolveOne(skus, request.Sku);
            var user = await AccessPackageDirectory.FindUserAsync(session, request.User.Trim(), cancellation).ConfigureAwait(false)
                ?? throw Errors.UserNotFound(request.User).ToException();
            var subject = (Id: Guid.Parse(user.Id!), Name: user.UserPrincipalName ?? user.Id!);
            if (request.Gaps)
            {
                foreach (var gap in Scopes(sku, skus).SelectMany(s => Gaps(tenant, subject, s, session.Now)))
                {
                    sink.WriteObject(gap);
                }

                return;
            }

            var events = tenant.Store.LicenseHistory(subject.Id).Where(e => sku == null || e.SkuId == sku.SkuId).ToList();
            var groups = await GroupNamesAsync(session, events.Where(e => e.AssignedByGroup != null).Select(e => e.AssignedByGroup!.Value).Distinct(), cancellation).ConfigureAwait(false);
            foreach (var e in events)
            {
                sink.WriteObject(new LicenseSimulatorTimelineEntry
                {
                    UserId = subject.Id,
                    UserPrincipalName = subject.Name,
                    When = e.At == DateTimeOffset.MinValue ? e.Since : e.At,
                    Sku = skus.FirstOrDefault(s => s.SkuId == e.SkuId)?.SkuPartNumber ?? e.SkuId.ToString(),
                    SkuId = e.SkuId,
                    Source = e.AssignedByGroup == null ? "Direct" : groups[e.AssignedByGroup.Value],
                    SourceGroupId = e.AssignedByGroup,
                    Change = e.At == DateTimeOffset.MinValue ? LicenseTimelineChange.Held : e.Gained ? LicenseTimelineChange.Gained : LicenseTimelineChange.Lost,
                });
            }
        }

        /// <summary>The one SKU asked for; otherwise any licence, and any SKU with an Exchange mailbox plan.</summary>
        private static IEnumerable<(string Name, LicenseGapScope Kind, Func<Guid, bool> InScope)> Scopes(LicenseSku? sku, IReadOnlyList<LicenseSku> skus)
        {
            if (sku != null)
            {
                yield return (sku.SkuPartNumber, LicenseGapScope.Sku, id => id == sku.SkuId);
                yield break;
            }

            var mailbox = new HashSet<Guid>(skus.Where(s => s.ServicePlans.Any(p => MailboxPlans.IsMailboxPlan(p.ServicePlanName))).Select(s => s.SkuId));
            yield return (AnyLicense, LicenseGapScope.AnyLicense, _ => true);
            yield return (MailboxLicense, LicenseGapScope.MailboxLicense, mailbox.Contains);
        }

        private static IEnumerable<LicenseSimulatorTimelineGap> Gaps(SimulatedTenant tenant, (Guid Id, string Name) subject, (string Name, LicenseGapScope Kind, Func<Guid, bool> InScope) scope, DateTimeOffset now) =>
            tenant.Store.LicenseTimeline.PeriodsWithout(subject.Id, scope.InScope).Select(p =>
            {
                var duration = (p.End ?? now) - p.Start;
                return new LicenseSimulatorTimelineGap
                {
                    UserId = subject.Id,
                    UserPrincipalName = subject.Name,
                    Scope = scope.Name,
                    ScopeKind = scope.Kind,
                    Start = p.Start,
                    End = p.End,
                    Duration = duration,
                    Seconds = duration.TotalSeconds,
                };
            });

        /// <summary>Each group's display name; a group deleted since is named by its id.</summary>
        private static async Task<Dictionary<Guid, string>> GroupNamesAsync(GraphSession session, IEnumerable<Guid> ids, CancellationToken cancellation)
        {
            var names = new Dictionary<Guid, string>();
            foreach (var id in ids)
            {
                var group = await session.CallOrNotFoundAsync("read group " + id, "ReadGroups",
                    c => c.Groups[id.ToString()].GetAsync(r => r.QueryParameters.Select = new[] { "id", "displayName" }, cancellation), cancellation).ConfigureAwait(false);
                names[id] = group?.DisplayName ?? id.ToString();
            }

            return names;
        }
    }
}
