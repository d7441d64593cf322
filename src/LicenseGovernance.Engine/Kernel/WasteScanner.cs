using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Hosting;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// Finds zombie licences (seats held by disabled, departed, inactive or never-signed-in users) and measures each SKU's
    /// seats against them. Users are read page by page and handed on as each page arrives; nothing per user is kept.
    /// </summary>
    internal static class WasteScanner
    {
        internal const string SignInActivity = "signInActivity";
        internal const string LeaveDate = "employeeLeaveDateTime";

        internal static readonly string[] BaseSelect = { "id", "userPrincipalName", "displayName", "userType", "accountEnabled", "createdDateTime", "licenseAssignmentStates" };

        /// <summary>Graph's largest /users page without signInActivity; with it, the session's <see cref="SignInReadLimits.PageSize"/> (500).</summary>
        internal const int PageSize = 999;

        /// <summary>Every zombie licence and every SKU's utilization, in one scan (for the health score and reports).</summary>
        /// <param name="sink">Sees the scan's progress and warnings as it reads.</param>
        /// <param name="onEveryUser">As for <see cref="ScanAsync"/>.</param>
        /// <param name="sources">As for <see cref="ScanAsync"/>.</param>
        public static async Task<WasteMeasurement> MeasureAsync(GraphSession session, IReadOnlyList<LicenseSku> skus, ZombieQuery query, IGovernanceSink sink, Action<User>? onEveryUser = null,
            LicenseSources? sources = null)
        {
            var zombies = new Dictionary<(Guid, string), ZombieTally>();
            var scan = await ScanAsync(session, skus, query, z => ZombieTally.Add(zombies, z), sink, onEveryUser, sources).ConfigureAwait(false);
            return new WasteMeasurement(Utilization(scan), zombies.Values.ToList(), scan.Warnings);
        }

        /// <summary>
        /// Resolves the query's SKUs (throwing before any user is read; callers validate the query first), then hands each
        /// zombie licence to <paramref name="onZombie"/> as its page arrives. Warnings (what could not be judged) are in the
        /// result, and also written to the sink as soon as they are known.
        /// </summary>
        /// <param name="onEveryUser">
        /// When given, sees every user listed (guests and the unlicensed included, so the listing is then not narrowed to one
        /// SKU), for callers that count something else in the same pass instead of listing the users again.
        /// </param>
        /// <param name="sources">The licence groups and access packages when the caller has read them already (the health
        /// score needs them too); read here otherwise.</param>
        public static async Task<ZombieScan> ScanAsync(GraphSession session, IReadOnlyList<LicenseSku> tenantSkus, ZombieQuery query, Action<ZombieLicense> onZombie, IGovernanceSink sink,
            Action<User>? onEveryUser = null, LicenseSources? sources = null)
        {
            var cancellation = sink.Cancellation;
            var skus = query.Sku != null && query.Sku.Count > 0 ? LicenseSelection.FilterSkus(tenantSkus, query.Sku, sink.WriteError) : tenantSkus;
            var scan = new ZombieScan(skus, session.Now);
            if (skus.Count == 0)
            {
                return scan;
            }

            void Warn(string message)
            {
                scan.Warnings.Add(message);
                sink.WriteWarning(message);
            }

            sources ??= await LicenseSources.ReadAsync(session, tenantSkus, cancellation).ConfigureAwait(false);
            if (sources.PackagesRefused != null)
            {
                Warn("Access packages could not be read (" + sources.PackagesRefused.Message + ") Licences from groups are shown as Group even where an access package " +
                    "delivers the membership; Remove-ZombieLicense still looks for such an assignment before it removes a membership. " +
                    "Grant EntitlementManagement.Read.All (the tenant needs Microsoft Entra ID P2 or ID Governance) to see them here.");
            }

            var optional = new List<string>();
            if (query.NeedsSignInActivity)
            {
                optional.Add(SignInActivity);
            }

            if (query.NeedsLeaveDate)
            {
                optional.Add(LeaveDate);
            }

            var bySku = skus.ToDictionary(s => s.SkuId);
            var skuFilter = skus.Count == 1 && onEveryUser == null ? $"assignedLicenses/any(x:x/skuId eq {skus[0].SkuId})" : null;
            var listing = new ZombieListing(session, optional, skuFilter, InactiveOnly(query, onEveryUser) ? scan.Now.AddDays(-query.InactiveDays) : (DateTimeOffset?)null);
            listing.Total = listing.SignInFiltered ? -1 : await CountAsync(session, skuFilter, cancellation).ConfigureAwait(false);

            void Handle(User user, bool signInRead, bool leaveRead)
            {
                scan.UsersRead++;
                if (scan.UsersRead % listing.PageSize == 0)
                {
                    sink.WriteProgress(new GovernanceProgress(ProgressActivity.ListUsers, "Looking for zombie licences", listing.Describe(scan), GovernanceProgress.Percent(scan.UsersRead, listing.Total)));
                }

                onEveryUser?.Invoke(user);

                if (!query.IncludeGuests && string.Equals(user.UserType, "Guest", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                var held = LicenseStates.Of(user).Where(s => s.SkuId.HasValue && LicenseStates.HoldsSeat(s) && bySku.ContainsKey(s.SkuId.Value)).ToList();
                if (held.Count == 0)
                {
                    return;
                }

                var judged = Judge(user, signInRead, leaveRead, scan.Now, query.InactiveDays);
                if (!judged.Reasons.Any(query.Wants))
                {
                    return;
                }

                foreach (var bySkuStates in held.GroupBy(s => s.SkuId!.Value))
                {
                    var sku = bySku[bySkuStates.Key];
                    scan.Count(sku.SkuId);
                    onZombie(Zombie(user, sku, judged, sources.Describe(user.Id!, bySkuStates), scan.Now, query.InactiveDays));
                }
            }

            await listing.ReadAsync(Handle, Warn, query, cancellation).ConfigureAwait(false);
            sink.WriteProgress(new GovernanceProgress(ProgressActivity.ListUsers, "Looking for zombie licences", $"{scan.UsersRead:N0} users, {scan.ZombieCount:N0} zombie licences", 100, completed: true));
            return scan;
        }

        /// <summary>
        /// Only inactive users are wanted, so Graph can be asked for them alone ($filter on signInActivity), which reads a
        /// fraction of the pages of a quota that allows ten a minute. Never-signed-in users have no signInActivity to filter
        /// on, and a caller that sees every user needs them all.
        /// </summary>
        internal static bool InactiveOnly(ZombieQuery query, Action<User>? onEveryUser) =>
            onEveryUser == null && query.WantedReasons.All(r => r == ZombieReason.Inactive);

        /// <summary>The user's reasons and last sign-in; sign-in and leave-date reasons only where those properties were read.</summary>
        internal static ZombieJudgement Judge(User user, bool signInRead, bool leaveRead, DateTimeOffset now, int inactiveDays)
        {
            var (last, source) = signInRead ? ZombieRules.LastSignIn(user.SignInActivity) : (null, ZombieRules.NotRead);
            var reasons = ZombieRules.Reasons(user.AccountEnabled ?? true, user.EmployeeLeaveDateTime, leaveRead, last, signInRead, user.CreatedDateTime, now, inactiveDays);
            return new ZombieJudgement(reasons, last, source);
        }

        /// <summary>The zombie licence of one user and SKU, with the evidence, sources, mailbox plans and price, and whether its removal is pending.</summary>
        internal static ZombieLicense Zombie(User user, LicenseSku sku, ZombieJudgement judged, ZombieLicenseSource[] sources, DateTimeOffset now, int inactiveDays)
        {
            var last = judged.LastSignIn;
            var zombie = new ZombieLicense
            {
                UserId = Guid.Parse(user.Id!),
                UserPrincipalName = user.UserPrincipalName,
                DisplayName = user.DisplayName,
                UserType = user.UserType,
                SkuId = sku.SkuId,
                SkuPartNumber = sku.SkuPartNumber,
                ProductName = sku.ProductName,
                Reasons = judged.Reasons.ToArray(),
                AccountEnabled = user.AccountEnabled ?? true,
                EmployeeLeaveDateTime = user.EmployeeLeaveDateTime,
                LastSignInDateTime = last,
                LastSignInSource = judged.Source,
                DaysSinceSignIn = last.HasValue ? (int)Math.Floor((now - last.Value).TotalDays) : (int?)null,
                CreatedDateTime = user.CreatedDateTime,
                Sources = sources,
                MonthlyCost = sku.MonthlyPrice,
                AnnualCost = sku.MonthlyPrice * 12,
                Currency = sku.Currency,
                InactiveDays = inactiveDays,
            };
            zombie.MailboxPlans = MailboxPlans.Enabled(sku, sources);
            zombie.RemovalPendingReason = LicenseSources.PendingReason(sources);
            zombie.RemovalPending = zombie.RemovalPendingReason != null;
            return zombie;
        }

        /// <summary>One row per SKU of the scan: seats, zombies and the money behind them.</summary>
        public static IReadOnlyList<LicenseUtilization> Utilization(ZombieScan scan) =>
            scan.Skus.Select(sku =>
            {
                var zombies = scan.ZombiesOf(sku.SkuId);
                var price = sku.MonthlyPrice;
                return new LicenseUtilization
                {
                    SkuId = sku.SkuId,
                    SkuPartNumber = sku.SkuPartNumber,
                    ProductName = sku.ProductName,
                    Purchased = sku.EnabledUnits,
                    Assigned = sku.ConsumedUnits,
                    Available = sku.AvailableUnits,
                    WarningUnits = sku.WarningUnits,
                    SuspendedUnits = sku.SuspendedUnits,
                    AssignedToZombies = zombies,
                    UtilizationPercent = sku.EnabledUnits > 0 ? Math.Round(100.0 * sku.ConsumedUnits / sku.EnabledUnits, 1) : (double?)null,
                    EffectiveUtilizationPercent = sku.EnabledUnits > 0 ? Math.Round(100.0 * Math.Max(0, sku.ConsumedUnits - zombies) / sku.EnabledUnits, 1) : (double?)null,
                    MonthlyPrice = price,
                    Currency = sku.Currency,
                    PriceSource = sku.PriceSource,
                    PurchasedMonthlyCost = price * sku.EnabledUnits,
                    AssignedMonthlyCost = price * sku.ConsumedUnits,
                    UnassignedMonthlyCost = price * sku.AvailableUnits,
                    ZombieMonthlyCost = price * zombies,
                    WastedMonthlyCost = price * (sku.AvailableUnits + zombies),
                    WastedAnnualCost = price * (sku.AvailableUnits + zombies) * 12,
                };
            }).ToList();

        /// <summary>The number of users the listing will go through, for progress; -1 when Graph does not say.</summary>
        private static async Task<long> CountAsync(GraphSession session, string? filter, CancellationToken cancellation)
        {
            try
            {
                return await session.CallAsync("count users", "ReadUsers", c => c.Users.Count.GetAsync(r =>
                {
                    r.QueryParameters.Filter = filter;
                    r.Headers.Add("ConsistencyLevel", "eventual");
                }, cancellation), cancellation).ConfigureAwait(false) ?? -1;
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Category != GovernanceErrorCategory.ConnectionError && ex.Error.Category != GovernanceErrorCategory.AuthenticationError)
            {
                return -1;
            }
        }

        /// <summary>
        /// Lists the users. Sign-in activity and leave dates need permissions (and, for sign-ins, a tenant licence) that the
        /// rest does not: when the first page is refused, each is tried on its own, the ones refused are left out with a
        /// warning that says what is missing, and the listing starts again. Advanced query headers are not sent: with
        /// ConsistencyLevel eventual Graph is known to return signInActivity empty for some users.
        /// </summary>
        /// <param name="filter">The listing's filter, given whether signInActivity is still read (it is dropped when refused).</param>
        internal static async Task ReadUsersAsync(GraphSession session, List<string> optional, Func<bool, string?> filter, Action<User, bool, bool> onUser, Action<string> warn, ZombieQuery query, CancellationToken cancellation)
        {
            UserCollectionResponse? first;
            while (true)
            {
                var select = BaseSelect.Concat(optional).ToArray();
                var signIn = optional.Contains(SignInActivity);
                try
                {
                    first = await session.CallAsync("list users", "ReadUsers", c => c.Users.GetAsync(r =>
                    {
                        r.QueryParameters.Select = select;
                        r.QueryParameters.Top = signIn ? session.SignInReads.PageSize : PageSize;
                        r.QueryParameters.Filter = filter(signIn);
                    }, cancellation), cancellation).ConfigureAwait(false);
                    break;
                }
                catch (LicenseGovernanceException ex) when (optional.Count > 0 && IsRefusal(ex))
                {
                    if (!await DropRefusedAsync(session, optional, (property, refusal) => warn(Unavailable(property, refusal, query)), cancellation).ConfigureAwait(false))
                    {
                        throw;
                    }
                }
            }

            var signInRead = optional.Contains(SignInActivity);
            var leaveRead = optional.Contains(LeaveDate);
            await GraphPages.ForEachAsync<User, UserCollectionResponse>(session, "list users", "ReadUsers", first, u =>
            {
                onUser(u, signInRead, leaveRead);
                return true;
            }, cancellation).ConfigureAwait(false);
        }

        /// <summary>
        /// After a read that selected <paramref name="optional"/> properties was refused: finds which of them the token or
        /// tenant may not read, tells <paramref name="onRefused"/> of each and removes them from the list. False when none is
        /// to blame (a token that cannot list users at all is refused for that), and the caller should rethrow.
        /// </summary>
        internal static async Task<bool> DropRefusedAsync(GraphSession session, List<string> optional, Action<string, GovernanceError>? onRefused, CancellationToken cancellation)
        {
            if (await ProbeAsync(session, null, cancellation).ConfigureAwait(false) != null)
            {
                return false;
            }

            var refused = new List<string>();
            foreach (var property in optional)
            {
                var refusal = await ProbeAsync(session, property, cancellation).ConfigureAwait(false);
                if (refusal != null)
                {
                    refused.Add(property);
                    onRefused?.Invoke(property, refusal);
                }
            }

            optional.RemoveAll(refused.Contains);
            return refused.Count > 0;
        }

        internal static bool IsRefusal(LicenseGovernanceException ex) =>
            ex.Error.Id == ErrorIds.PermissionDenied || ex.Error.Id == ErrorIds.TenantLicenseRequired;

        /// <summary>Null when the property can be read; otherwise the refusal.</summary>
        /// <param name="property">Null to probe the plain listing.</param>
        internal static async Task<GovernanceError?> ProbeAsync(GraphSession session, string? property, CancellationToken cancellation)
        {
            var capability = property == null ? "ReadUsers" : property == SignInActivity ? "ReadSignInActivity" : "ReadLifecycleInfo";
            try
            {
                await session.CallAsync("read " + (property ?? "users"), capability, c => c.Users.GetAsync(r =>
                {
                    r.QueryParameters.Select = property == null ? new[] { "id" } : new[] { "id", property };
                    r.QueryParameters.Top = 1;
                }, cancellation), cancellation).ConfigureAwait(false);
                return null;
            }
            catch (LicenseGovernanceException ex) when (IsRefusal(ex))
            {
                return ex.Error;
            }
        }

        internal static string Unavailable(string property, GovernanceError refusal, ZombieQuery query)
        {
            if (property == SignInActivity)
            {
                var judged = string.Join(" and ", new[] { ZombieReason.Disabled, ZombieReason.Departed }.Where(query.Wants));
                var still = judged.Length == 0 ? "" : $" {judged} {(judged.Contains(" and ") ? "are" : "is")} still reported.";
                return refusal.Id == ErrorIds.TenantLicenseRequired
                    ? "Sign-in activity is not available: the tenant has no Microsoft Entra ID P1 or P2, which Microsoft Graph requires for signInActivity, " +
                      "so inactive and never-signed-in users (Inactive, NeverSignedIn) are not reported." + still +
                      " Licence Entra ID P1 (alone, or in Microsoft 365 E3/E5, EMS or Business Premium) for at least one user to see them."
                    : "Sign-in activity is not available: the token lacks AuditLog.Read.All, which Microsoft Graph requires (with User.Read.All) for signInActivity, " +
                      "so inactive and never-signed-in users (Inactive, NeverSignedIn) are not reported." + still +
                      " Grant the app the application permission AuditLog.Read.All with admin consent (or sign in with that scope and a role such as Reports Reader), " +
                      "reconnect, and check with Test-LicenseGovernancePermission.";
            }

            return "Leave dates are not available: the token lacks User-LifeCycleInfo.Read.All, which Microsoft Graph requires for employeeLeaveDateTime, " +
                   "so departed users (Departed) are not reported unless another reason applies. Grant the app User-LifeCycleInfo.Read.All with admin consent " +
                   "(delegated sign-ins also need the Lifecycle Workflows Administrator or Global Reader role), reconnect, and check with Test-LicenseGovernancePermission.";
        }
    }

    /// <summary>What <see cref="WasteScanner.Judge"/> found of one user.</summary>
    internal sealed class ZombieJudgement
    {
        public ZombieJudgement(IReadOnlyList<ZombieReason> reasons, DateTimeOffset? lastSignIn, string source)
        {
            Reasons = reasons;
            LastSignIn = lastSignIn;
            Source = source;
        }

        public IReadOnlyList<ZombieReason> Reasons { get; }
        public DateTimeOffset? LastSignIn { get; }
        public string Source { get; }
    }

    /// <summary>What one scan saw: the SKUs in scope, zombies per SKU, users read, and the warnings.</summary>
    internal sealed class ZombieScan
    {
        private readonly Dictionary<Guid, int> _zombies = new Dictionary<Guid, int>();

        public ZombieScan(IReadOnlyList<LicenseSku> skus, DateTimeOffset now)
        {
            Skus = skus;
            Now = now;
        }

        public IReadOnlyList<LicenseSku> Skus { get; }

        /// <summary>The instant every reason was judged against (the tenant's clock at the start).</summary>
        public DateTimeOffset Now { get; }

        public long UsersRead { get; set; }

        public long ZombieCount { get; private set; }

        public List<string> Warnings { get; } = new List<string>();

        public int ZombiesOf(Guid skuId) => _zombies.TryGetValue(skuId, out var n) ? n : 0;

        public void Count(Guid skuId)
        {
            _zombies[skuId] = ZombiesOf(skuId) + 1;
            ZombieCount++;
        }
    }
}
