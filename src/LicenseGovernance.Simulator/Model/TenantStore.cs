using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LicenseGovernance.Simulator.Entitlement;
using LicenseGovernance.Simulator.Licensing;
using LicenseGovernance.Simulator.Membership;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator
{
    /// <summary>
    /// The tenant's state and its business rules. The HTTP routes and tests both go through it; tests get it as a
    /// typed control surface that skips HTTP, permissions, throttling and replication delays.
    /// </summary>
    public sealed partial class TenantStore
    {
        private readonly ReaderWriterLockSlim _lock = new ReaderWriterLockSlim(LockRecursionPolicy.SupportsRecursion);
        private readonly List<SimulatedUser> _users = new List<SimulatedUser>();
        private readonly Dictionary<Guid, SimulatedUser> _usersById = new Dictionary<Guid, SimulatedUser>();
        private readonly Dictionary<string, SimulatedUser> _usersByUpn = new Dictionary<string, SimulatedUser>(StringComparer.OrdinalIgnoreCase);
        private readonly List<SimulatedGroup> _groups = new List<SimulatedGroup>();
        private readonly Dictionary<Guid, SimulatedGroup> _groupsById = new Dictionary<Guid, SimulatedGroup>();
        private readonly List<SimulatedSku> _skus = new List<SimulatedSku>();
        private readonly Dictionary<string, int> _mailCounts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private readonly SimulatorClock _clock;
        private readonly Func<Guid> _newId;
        private long _sequence;

        // UtcTicks of the earliest queued background step (long.MaxValue when idle), so requests skip the write lock when nothing is due.
        private long _nextDueTicks = long.MaxValue;

        // While background work runs, the instant of the step being run: what it stamps and what delays count from.
        private DateTimeOffset? _stepTime;

        internal TenantStore(SimulatorClock clock, Func<Guid> newId, SimulatorOptions options)
        {
            _clock = clock;
            _newId = newId;
            Options = options;
            GroupLicensing = new GroupLicenseProcessor(this);
            DynamicMembership = new DynamicMembershipProcessor(this);
            AccessPackageDelivery = new AccessPackageDeliveryProcessor(this);
            clock.Moved += RunDueWork;
        }

        public IReadOnlyList<SimulatedUser> Users => Read(() => _users.ToArray());

        public IReadOnlyList<SimulatedGroup> Groups => Read(() => _groups.ToArray());

        public IReadOnlyList<SimulatedSku> Skus => Read(() => _skus.ToArray());

        public int UserCount => Read(() => _users.Count);

        /// <summary>Whether group-based licensing, dynamic membership or access package delivery work is still queued.</summary>
        public bool HasPendingProcessing => Read(() => NextProcessingDueCore() != null);

        /// <summary>When the next queued background step falls due on the simulator clock, or null when nothing is queued.</summary>
        public DateTimeOffset? NextProcessingDue => Read(NextProcessingDueCore);

        /// <summary>
        /// When the clock next has something to run: a queued step, or a date (an approval timing out, an assignment reaching
        /// its end, a stalled delivery's retry); null when there is neither.
        /// </summary>
        public DateTimeOffset? NextWorkDue => Read(NextDueCore);

        internal GroupLicenseProcessor GroupLicensing { get; }

        internal DynamicMembershipProcessor DynamicMembership { get; }

        internal AccessPackageDeliveryProcessor AccessPackageDelivery { get; }

        /// <summary>The running tally of background work; read it through <see cref="CompletedWork"/>.</summary>
        internal CompletedWork Work { get; } = new CompletedWork();

        /// <summary>A copy of the background work run so far (licence processing, membership evaluations, deliveries, removals, expiries).</summary>
        public CompletedWork CompletedWork => Read(Work.Copy);

        internal SimulatorOptions Options { get; }

        internal SimulatorClock Clock => _clock;

        /// <summary>The clock's time, or while queued work runs, the time that work was due.</summary>
        internal DateTimeOffset Now => _stepTime ?? _clock.UtcNow;

        internal List<SimulatedUser> UserList => _users;

        internal List<SimulatedGroup> GroupList => _groups;

        internal List<SimulatedSku> SkuList => _skus;

        public SimulatedSku AddSku(string skuPartNumber, int prepaidUnits) => AddSku(SkuCatalog.Create(skuPartNumber, prepaidUnits));

        public SimulatedSku AddSku(SimulatedSku sku)
        {
            if (sku == null)
            {
                throw new ArgumentNullException(nameof(sku));
            }

            return Write(() =>
            {
                if (_skus.Any(s => s.SkuId == sku.SkuId))
                {
                    throw new InvalidOperationException($"The tenant already has SKU {sku.SkuId} ({sku.SkuPartNumber}).");
                }

                if (sku.SubscriptionIds.Count == 0)
                {
                    sku.SubscriptionIds.Add(_newId().ToString());
                }

                sku.ConsumedUnits = _users.Count(u => Holds(u, sku.SkuId));
                _skus.Add(sku);
                return sku;
            });
        }

        public void SetPrepaidUnits(Guid skuId, int enabled) => Write(() =>
        {
            if (enabled < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(enabled), enabled, "Prepaid units cannot be negative.");
            }

            RequireSku(skuId).PrepaidEnabled = enabled;
            return 0;
        });

        public SimulatedSku? GetSku(Guid skuId) => Read(() => FindSkuCore(skuId));

        /// <summary>Adds a user that is visible at once (no replication delay). Defaults: enabled Member created now.</summary>
        public SimulatedUser AddUser(string userPrincipalName, Action<SimulatedUser>? configure = null)
        {
            var user = new SimulatedUser
            {
                Id = _newId(),
                UserPrincipalName = userPrincipalName,
                DisplayName = userPrincipalName.Split('@')[0],
                MailNickname = userPrincipalName.Split('@')[0],
                CreatedDateTime = _clock.UtcNow,
            };
            configure?.Invoke(user);
            return AddUser(user);
        }

        public SimulatedUser AddUser(SimulatedUser user)
        {
            if (user == null)
            {
                throw new ArgumentNullException(nameof(user));
            }

            return Write(() => AddUserCore(user));
        }

        public SimulatedUser? FindUser(string idOrUserPrincipalName) => Read(() => FindUserCore(idOrUserPrincipalName, null));

        public SimulatedUser GetUser(Guid id) => Read(() => RequireUser(id.ToString(), null));

        /// <summary>Mutates a user under the store's lock and keeps seat counts right if licence states changed.</summary>
        public void UpdateUser(Guid id, Action<SimulatedUser> change) => Write(() =>
        {
            var user = RequireUser(id.ToString(), null);
            var upn = user.UserPrincipalName;
            var mail = user.Mail;
            var ruleInputs = DynamicMembership.Capture(user);
            ChangeLicenses(user, () => change(user));
            DynamicMembership.UserChanged(user, ruleInputs);
            if (!string.Equals(mail, user.Mail, StringComparison.OrdinalIgnoreCase))
            {
                CountMail(mail, -1);
                CountMail(user.Mail, 1);
            }

            if (!string.Equals(upn, user.UserPrincipalName, StringComparison.OrdinalIgnoreCase))
            {
                _usersByUpn.Remove(upn);
                _usersByUpn[user.UserPrincipalName] = user;
            }

            return 0;
        });

        public void SetManager(Guid userId, Guid? managerId) => UpdateUser(userId, u => u.ManagerId = managerId);

        /// <summary>Same as POST /users/{id}/reprocessLicenseAssignment: queues the user in each of its licence groups.</summary>
        public void ReprocessLicenseAssignment(Guid userId) => Write(() =>
        {
            GroupLicensing.Reprocess(RequireUser(userId.ToString(), null));
            return 0;
        });

        /// <summary>
        /// Runs every queued group-licensing, dynamic-membership and access package delivery or removal step to the end now,
        /// at the clock's current time, as if every remaining delay had already passed. Steps run in the order they were due.
        /// The clock does not move.
        /// </summary>
        public void ProcessPendingNow() => Write(() =>
        {
            // End dates, approval timeouts and stalled deliveries' retries are dates, not processing delays: they wait for the clock.
            while (NextProcessingDueCore() != null)
            {
                StepEarliest(_clock.UtcNow, includeEntitlement: false);
            }

            return 0;
        });

        /// <summary>A direct assignment with the same rules (and errors) as POST /users/{id}/assignLicense.</summary>
        public void AssignLicense(Guid userId, Guid skuId, IEnumerable<Guid>? disabledPlans = null) =>
            Write(() => AssignUserLicensesCore(RequireUser(userId.ToString(), null), new[] { new AssignedLicense { SkuId = skuId, DisabledPlans = (disabledPlans ?? Enumerable.Empty<Guid>()).ToList() } }, Array.Empty<Guid>()));

        public void RemoveLicense(Guid userId, Guid skuId) =>
            Write(() => AssignUserLicensesCore(RequireUser(userId.ToString(), null), Array.Empty<AssignedLicense>(), new[] { skuId }));

        public SimulatedGroup AddGroup(string displayName, Action<SimulatedGroup>? configure = null)
        {
            var group = new SimulatedGroup
            {
                Id = _newId(),
                DisplayName = displayName,
                MailNickname = new string(displayName.Where(c => char.IsLetterOrDigit(c) || c == '-' || c == '_').ToArray()),
                SecurityEnabled = true,
                CreatedDateTime = _clock.UtcNow,
            };
            configure?.Invoke(group);
            return Write(() => CreateGroupCore(group, group.Members.ToList()));
        }

        /// <summary>
        /// Changes a group's properties under the store's lock, with the rules of PATCH /groups/{id}: a dynamic group's
        /// rule must parse, and a new rule, type or processing state queues a full evaluation. Members and licences
        /// have their own methods.
        /// </summary>
        public void UpdateGroup(Guid id, Action<SimulatedGroup> change) => Write(() =>
        {
            UpdateGroupCore(RequireGroup(id.ToString(), null), change);
            return 0;
        });

        internal void UpdateGroupCore(SimulatedGroup group, Action<SimulatedGroup> change)
        {
            var (rule, state, types) = (group.MembershipRule, group.MembershipRuleProcessingState, group.GroupTypes.ToList());
            change(group);
            if (rule != group.MembershipRule || state != group.MembershipRuleProcessingState || !types.SequenceEqual(group.GroupTypes))
            {
                try
                {
                    DynamicMembershipProcessor.Validate(group);
                }
                catch (GraphServiceError)
                {
                    (group.MembershipRule, group.MembershipRuleProcessingState, group.GroupTypes) = (rule, state, types);
                    throw;
                }

                DynamicMembership.RuleChanged(group);
            }
        }

        public SimulatedGroup? FindGroup(Guid id) => Read(() => FindGroupCore(id.ToString(), null));

        /// <summary>
        /// Adds a direct member: a user, whose licences from the group are queued for processing, or a group to nest
        /// (same rules as POST /groups/{id}/members/$ref).
        /// </summary>
        public void AddMember(Guid groupId, Guid memberId) => Write(() =>
        {
            var member = FindMemberCandidate(memberId.ToString(), null) ?? throw GraphServiceError.NotFound(memberId.ToString());
            AddMembersCore(RequireGroup(groupId.ToString(), null), new[] { member });
            return 0;
        });

        /// <summary>Removes a direct member (user or nested group); a user's licences from the group are queued for removal.</summary>
        public void RemoveMember(Guid groupId, Guid memberId) => Write(() =>
        {
            RemoveMemberCore(RequireGroup(groupId.ToString(), null), memberId);
            return 0;
        });

        /// <summary>Grants the group an app role of an application (GET /groups/{id}/appRoleAssignments lists it).</summary>
        /// <param name="appRoleId">Null for the default access role (all zeros), used by apps that define no roles.</param>
        public SimulatedAppRoleAssignment AddAppRoleAssignment(Guid groupId, Guid resourceId, string resourceDisplayName, Guid? appRoleId = null) => Write(() =>
        {
            var group = RequireGroup(groupId.ToString(), null);

            // Observed ids are the principal id's bytes and more, base64url-encoded; any stable unique string serves clients.
            var bytes = group.Id.ToByteArray().Concat(_newId().ToByteArray()).ToArray();
            var assignment = new SimulatedAppRoleAssignment
            {
                Id = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
                AppRoleId = appRoleId ?? Guid.Empty,
                CreatedDateTime = Now,
                PrincipalId = group.Id,
                PrincipalDisplayName = group.DisplayName,
                ResourceId = resourceId,
                ResourceDisplayName = resourceDisplayName,
            };
            group.AppRoleAssignments.Add(assignment);
            return assignment;
        });

        /// <summary>Same rules as POST /groups/{id}/extensions (a duplicate name is refused).</summary>
        public SimulatedOpenExtension AddGroupExtension(Guid groupId, string extensionName, IEnumerable<KeyValuePair<string, object?>> properties) =>
            Write(() => AddExtensionCore(RequireGroup(groupId.ToString(), null).Extensions, NewExtension(extensionName, properties)));

        /// <summary>By extension name or its fully qualified form, ignoring case; null when the group or the extension is absent.</summary>
        public SimulatedOpenExtension? FindGroupExtension(Guid groupId, string extensionName) =>
            Read(() => FindGroupCore(groupId.ToString(), null) is SimulatedGroup g ? FindExtensionCore(g.Extensions, extensionName) : null);

        /// <summary>Same rules as POST /users/{id}/extensions (a duplicate name is refused).</summary>
        public SimulatedOpenExtension AddUserExtension(Guid userId, string extensionName, IEnumerable<KeyValuePair<string, object?>> properties) =>
            Write(() => AddExtensionCore(RequireUser(userId.ToString(), null).Extensions, NewExtension(extensionName, properties)));

        /// <summary>By extension name or its fully qualified form, ignoring case; null when the user or the extension is absent.</summary>
        public SimulatedOpenExtension? FindUserExtension(Guid userId, string extensionName) =>
            Read(() => FindUserCore(userId.ToString(), null) is SimulatedUser u ? FindExtensionCore(u.Extensions, extensionName) : null);

        /// <summary>Same rules as POST /groups/{id}/assignLicense.</summary>
        public void AssignGroupLicense(Guid groupId, Guid skuId, IEnumerable<Guid>? disabledPlans = null) =>
            Write(() => AssignGroupLicensesCore(RequireGroup(groupId.ToString(), null), new[] { new AssignedLicense { SkuId = skuId, DisabledPlans = (disabledPlans ?? Enumerable.Empty<Guid>()).ToList() } }, Array.Empty<Guid>()));

        internal T Read<T>(Func<T> read)
        {
            _lock.EnterReadLock();
            try
            {
                return read();
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }

        internal T Write<T>(Func<T> write)
        {
            _lock.EnterWriteLock();
            try
            {
                return write();
            }
            finally
            {
                if (_lock.RecursiveWriteCount == 1)
                {
                    Interlocked.Exchange(ref _nextDueTicks, NextDueCore()?.UtcTicks ?? long.MaxValue);
                }

                _lock.ExitWriteLock();
            }
        }

        /// <summary>
        /// Runs the background steps that fell due up to the clock's time, each at the time it was due. Called when the
        /// clock moves and before every request, so a clock that is set from real time also drives the work.
        /// </summary>
        internal void RunDueWork()
        {
            var now = _clock.UtcNow;
            if (Interlocked.Read(ref _nextDueTicks) > now.UtcTicks)
            {
                return;
            }

            Write(() =>
            {
                for (var next = NextDueCore(); next != null && next.Value <= now; next = NextDueCore())
                {
                    _stepTime = next;
                    try
                    {
                        StepEarliest(next.Value);
                    }
                    finally
                    {
                        _stepTime = null;
                    }
                }

                return 0;
            });
        }

        private DateTimeOffset? NextProcessingDueCore() => Earliest(GroupLicensing.NextDue(), DynamicMembership.NextDue(), AccessPackageDelivery.NextDue());

        private DateTimeOffset? NextDueCore() => Earliest(NextProcessingDueCore(), EntitlementNextDue(), LifecycleNextDue());

        /// <summary>
        /// One step of whichever queue is due first. At a tie, entitlement dates go first (an end date starts a removal),
        /// then deliveries and removals, then membership, then licensing: each feeds the memberships the next one reads.
        /// </summary>
        private void StepEarliest(DateTimeOffset at, bool includeEntitlement = true)
        {
            var licensing = GroupLicensing.NextDue();
            var membership = DynamicMembership.NextDue();
            var delivery = AccessPackageDelivery.NextDue();
            var entitlement = includeEntitlement ? EntitlementNextDue() : null;
            var lifecycle = includeEntitlement ? LifecycleNextDue() : null;
            if (lifecycle != null && lifecycle.Value < (Earliest(licensing, membership, delivery, entitlement) ?? DateTimeOffset.MaxValue))
            {
                // The tenant's workflow schedule is a date, like expiry: at a tie the work already due lands first.
                LifecycleStep(lifecycle.Value);
            }
            else if (entitlement != null && IsFirst(entitlement.Value, delivery, membership, licensing))
            {
                EntitlementStep(entitlement.Value);
            }
            else if (delivery != null && IsFirst(delivery.Value, membership, licensing))
            {
                AccessPackageDelivery.StepEarliest(at);
            }
            else if (membership != null && IsFirst(membership.Value, licensing))
            {
                DynamicMembership.StepEarliest();
                Work.MembershipEvaluations++;
            }
            else
            {
                GroupLicensing.StepEarliest(at);
            }
        }

        private static bool IsFirst(DateTimeOffset due, params DateTimeOffset?[] others) => others.All(o => o == null || due <= o.Value);

        // Min skips nulls, and is null when every queue is idle.
        private static DateTimeOffset? Earliest(params DateTimeOffset?[] dues) => dues.Min();

        internal bool IsPlanUnavailable(Guid planId, string usageLocation)
        {
            foreach (var entry in Options.UnavailableServicePlans)
            {
                if (string.Equals(entry.Key, usageLocation, StringComparison.OrdinalIgnoreCase) && entry.Value.Contains(planId))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether another user has the same mail, and so the same primary proxy address.</summary>
        internal bool HasSharedMail(SimulatedUser user) => user.Mail != null && _mailCounts.TryGetValue(user.Mail, out var count) && count > 1;

        private void CountMail(string? mail, int delta)
        {
            if (mail == null)
            {
                return;
            }

            _mailCounts.TryGetValue(mail, out var count);
            if (count + delta == 0)
            {
                _mailCounts.Remove(mail);
            }
            else
            {
                _mailCounts[mail] = count + delta;
            }
        }

        internal Guid NewId() => _newId();

        internal static bool IsVisible(DateTimeOffset? visibleAfter, DateTimeOffset? now) => now == null || visibleAfter == null || now.Value >= visibleAfter.Value;

        internal SimulatedUser AddUserCore(SimulatedUser user)
        {
            if (string.IsNullOrWhiteSpace(user.UserPrincipalName) || user.UserPrincipalName.IndexOf('@') <= 0)
            {
                throw GraphServiceError.BadRequest("Invalid value specified for property 'userPrincipalName' of resource 'User'.");
            }

            if (_usersById.ContainsKey(user.Id))
            {
                throw GraphServiceError.BadRequest($"Another object with the same value for property id already exists.");
            }

            if (_usersByUpn.ContainsKey(user.UserPrincipalName))
            {
                throw GraphServiceError.BadRequest("Another object with the same value for property userPrincipalName already exists.");
            }

            user.Sequence = ++_sequence;
            CountMail(user.Mail, 1);
            _users.Add(user);
            _usersById.Add(user.Id, user);
            _usersByUpn.Add(user.UserPrincipalName, user);
            foreach (var sku in HeldSkus(user))
            {
                var s = FindSkuCore(sku);
                if (s != null)
                {
                    s.ConsumedUnits++;
                }
            }

            DynamicMembership.UserAdded(user);
            return user;
        }

        internal SimulatedGroup AddGroupCore(SimulatedGroup group)
        {
            if (_groupsById.ContainsKey(group.Id))
            {
                throw GraphServiceError.BadRequest("Another object with the same value for property id already exists.");
            }

            if (string.IsNullOrEmpty(group.SecurityIdentifier))
            {
                // Real SIDs embed the tenant and a RID; the only property clients rely on is uniqueness.
                var b = group.Id.ToByteArray();
                group.SecurityIdentifier = $"S-1-12-1-{BitConverter.ToUInt32(b, 0)}-{BitConverter.ToUInt32(b, 4)}-{BitConverter.ToUInt32(b, 8)}-{BitConverter.ToUInt32(b, 12)}";
            }

            group.Sequence = ++_sequence;
            _groups.Add(group);
            _groupsById.Add(group.Id, group);
            foreach (var memberId in group.Members)
            {
                group.MemberSet.Add(memberId);
                if (_usersById.TryGetValue(memberId, out var member))
                {
                    member.MemberOf.Add(group.Id);
                }
                else if (_groupsById.TryGetValue(memberId, out var child))
                {
                    child.MemberOf.Add(group.Id);
                }
            }

            // Groups loaded earlier (snapshots, seeding) may already list this one as a member.
            foreach (var parent in _groups)
            {
                if (parent.MemberSet.Contains(group.Id))
                {
                    group.MemberOf.Add(parent.Id);
                }
            }

            return group;
        }

        /// <summary>A new group with its first members, as POST /groups creates it; a dynamic group queues its first evaluation.</summary>
        internal SimulatedGroup CreateGroupCore(SimulatedGroup group, IReadOnlyList<Guid> memberIds)
        {
            DynamicMembershipProcessor.Validate(group);
            group.Members.Clear();
            AddGroupCore(group);
            if (memberIds.Count > 0)
            {
                AddMembersCore(group, memberIds);
            }

            DynamicMembership.RuleChanged(group);
            return group;
        }

        internal void RemoveGroupCore(SimulatedGroup group)
        {
            if (group.AssignedLicenses.Count > 0)
            {
                // Entra refuses to delete a group that still carries licences; the exact wording is unverified.
                throw GraphServiceError.BadRequest("The group has licenses assigned. Remove all licenses from the group before deleting it.");
            }

            // Licence removals still queued for the group land now, so no member keeps a licence from a deleted group.
            GroupLicensing.Drain(group, Now);
            DynamicMembership.GroupRemoved(group);
            foreach (var memberId in group.Members)
            {
                if (_usersById.TryGetValue(memberId, out var member))
                {
                    member.MemberOf.Remove(group.Id);
                }
                else if (_groupsById.TryGetValue(memberId, out var child))
                {
                    child.MemberOf.Remove(group.Id);
                }
            }

            foreach (var parentId in group.MemberOf)
            {
                var parent = _groupsById[parentId];
                parent.Members.Remove(group.Id);
                parent.MemberSet.Remove(group.Id);
            }

            _groups.Remove(group);
            _groupsById.Remove(group.Id);
        }

        /// <summary>By object id or UPN; <paramref name="now"/> null ignores replication delays.</summary>
        internal SimulatedUser? FindUserCore(string idOrUpn, DateTimeOffset? now)
        {
            SimulatedUser? user = null;
            if (Guid.TryParse(idOrUpn, out var id))
            {
                _usersById.TryGetValue(id, out user);
            }
            else
            {
                _usersByUpn.TryGetValue(idOrUpn, out user);
            }

            return user != null && IsVisible(user.VisibleAfter, now) ? user : null;
        }

        internal SimulatedUser RequireUser(string idOrUpn, DateTimeOffset? now) => FindUserCore(idOrUpn, now) ?? throw GraphServiceError.NotFound(idOrUpn);

        internal SimulatedGroup? FindGroupCore(string id, DateTimeOffset? now) =>
            Guid.TryParse(id, out var g) && _groupsById.TryGetValue(g, out var group) && IsVisible(group.VisibleAfter, now) ? group : null;

        internal SimulatedGroup RequireGroup(string id, DateTimeOffset? now) => FindGroupCore(id, now) ?? throw GraphServiceError.NotFound(id);

        internal SimulatedUser? UserById(Guid id) => _usersById.TryGetValue(id, out var u) ? u : null;

        internal SimulatedGroup? GroupById(Guid id) => _groupsById.TryGetValue(id, out var g) ? g : null;

        internal SimulatedSku? FindSkuCore(Guid skuId)
        {
            foreach (var sku in _skus)
            {
                if (sku.SkuId == skuId)
                {
                    return sku;
                }
            }

            return null;
        }

        internal static IEnumerable<Guid> HeldSkus(SimulatedUser user)
        {
            var seen = new List<Guid>(2);
            foreach (var state in user.LicenseAssignmentStates)
            {
                if (state.HoldsSeat && !seen.Contains(state.SkuId))
                {
                    seen.Add(state.SkuId);
                }
            }

            return seen;
        }

        internal static bool Holds(SimulatedUser user, Guid skuId) => user.LicenseAssignmentStates.Exists(s => s.SkuId == skuId && s.HoldsSeat);

        /// <summary>Runs a change to a user's licence states and moves seat counts by the difference it made.</summary>
        internal void ChangeLicenses(SimulatedUser user, Action change)
        {
            var before = HeldSkus(user).ToList();
            var sources = HeldSources(user);
            var since = HeldSince(user);
            change();
            RecordLicenseChange(user, sources, since);
            var after = HeldSkus(user).ToList();
            foreach (var lost in before.Except(after))
            {
                var sku = FindSkuCore(lost);
                if (sku != null)
                {
                    sku.ConsumedUnits--;
                }
            }

            foreach (var gained in after.Except(before))
            {
                var sku = FindSkuCore(gained);
                if (sku != null)
                {
                    sku.ConsumedUnits++;
                }
            }
        }

        /// <summary>The plans a user would have enabled from a set of held (sku, disabledPlans) sources.</summary>
        internal HashSet<Guid> EnabledPlans(IEnumerable<(Guid SkuId, IList<Guid> Disabled)> sources)
        {
            var enabled = new HashSet<Guid>();
            foreach (var (skuId, disabled) in sources)
            {
                var sku = FindSkuCore(skuId);
                if (sku == null)
                {
                    continue;
                }

                foreach (var plan in sku.ServicePlans)
                {
                    if (plan.AppliesTo == "User" && !disabled.Contains(plan.ServicePlanId))
                    {
                        enabled.Add(plan.ServicePlanId);
                    }
                }
            }

            return enabled;
        }

        internal SimulatedUser AssignUserLicensesCore(SimulatedUser user, IReadOnlyList<AssignedLicense> add, IReadOnlyList<Guid> remove)
        {
            foreach (var skuId in add.Select(a => a.SkuId).Concat(remove))
            {
                var sku = FindSkuCore(skuId);
                if (sku == null || sku.CapabilityStatus == "Deleted")
                {
                    throw GraphServiceError.BadRequest($"License {skuId} does not correspond to a valid company License.");
                }

                if (sku.AppliesTo != "User")
                {
                    throw GraphServiceError.BadRequest($"License {skuId} does not correspond to a valid company License.");
                }
            }

            foreach (var license in add)
            {
                var sku = FindSkuCore(license.SkuId)!;
                foreach (var plan in license.DisabledPlans)
                {
                    if (sku.FindPlan(plan) == null)
                    {
                        throw GraphServiceError.BadRequest($"Service plan {plan} is not part of SKU {sku.SkuId}.");
                    }
                }
            }

            foreach (var skuId in remove)
            {
                var direct = user.LicenseAssignmentStates.Exists(s => s.SkuId == skuId && s.AssignedByGroup == null);
                if (!direct)
                {
                    throw GraphServiceError.BadRequest(user.LicenseAssignmentStates.Exists(s => s.SkuId == skuId)
                        ? "User license is inherited from a group membership and it cannot be removed directly from the user."
                        : "User does not have a corresponding license.");
                }
            }

            if (add.Count > 0 && string.IsNullOrEmpty(user.UsageLocation))
            {
                throw GraphServiceError.BadRequest("License assignment cannot be done for user with invalid usage location.");
            }

            foreach (var license in add)
            {
                var sku = FindSkuCore(license.SkuId)!;
                if (!Holds(user, sku.SkuId) && sku.ConsumedUnits >= sku.PrepaidEnabled)
                {
                    throw GraphServiceError.BadRequest($"Subscription with SKU {sku.SkuId} does not have any available licenses.");
                }
            }

            var resulting = user.LicenseAssignmentStates
                .Where(s => s.HoldsSeat && !(s.AssignedByGroup == null && (remove.Contains(s.SkuId) || add.Any(a => a.SkuId == s.SkuId))))
                .Select(s => (s.SkuId, (IList<Guid>)s.DisabledPlans))
                .Concat(add.Select(a => (a.SkuId, (IList<Guid>)a.DisabledPlans)));
            var conflict = SkuCatalog.FindConflict(EnabledPlans(resulting));
            if (conflict != null)
            {
                throw GraphServiceError.BadRequest(conflict.Message);
            }

            var now = _clock.UtcNow;
            ChangeLicenses(user, () =>
            {
                user.LicenseAssignmentStates.RemoveAll(s => s.AssignedByGroup == null && remove.Contains(s.SkuId));
                foreach (var license in add)
                {
                    var existing = user.LicenseAssignmentStates.Find(s => s.AssignedByGroup == null && s.SkuId == license.SkuId);
                    if (existing == null)
                    {
                        user.LicenseAssignmentStates.Add(new LicenseAssignmentState { SkuId = license.SkuId, DisabledPlans = license.DisabledPlans.Distinct().ToList(), LastUpdatedDateTime = now });
                    }
                    else
                    {
                        // Re-adding a SKU is how callers toggle plans: the new disabledPlans replace the old ones.
                        existing.DisabledPlans = license.DisabledPlans.Distinct().ToList();
                        existing.State = "Active";
                        existing.Error = null;
                        existing.LastUpdatedDateTime = now;
                    }
                }
            });
            return user;
        }

        internal SimulatedGroup AssignGroupLicensesCore(SimulatedGroup group, IReadOnlyList<AssignedLicense> add, IReadOnlyList<Guid> remove)
        {
            if (!group.SecurityEnabled)
            {
                throw GraphServiceError.BadRequest("Licenses can only be assigned to security groups or to Microsoft 365 groups that are security enabled.");
            }

            foreach (var skuId in add.Select(a => a.SkuId).Concat(remove))
            {
                var sku = FindSkuCore(skuId);
                if (sku == null || sku.AppliesTo != "User" || sku.CapabilityStatus == "Deleted")
                {
                    throw GraphServiceError.BadRequest($"License {skuId} does not correspond to a valid company License.");
                }
            }

            foreach (var skuId in remove)
            {
                if (!group.AssignedLicenses.Exists(l => l.SkuId == skuId))
                {
                    throw GraphServiceError.BadRequest("Group does not have a corresponding license.");
                }
            }

            var resulting = group.AssignedLicenses
                .Where(l => !remove.Contains(l.SkuId) && !add.Any(a => a.SkuId == l.SkuId))
                .Concat(add)
                .ToList();
            foreach (var license in add)
            {
                var sku = FindSkuCore(license.SkuId)!;
                foreach (var plan in license.DisabledPlans)
                {
                    if (sku.FindPlan(plan) == null)
                    {
                        throw GraphServiceError.BadRequest($"Service plan {plan} is not part of SKU {sku.SkuId}.");
                    }
                }
            }

            // Prerequisites must come from the same group, so the group's own licence set is checked on its own.
            var conflict = SkuCatalog.FindConflict(EnabledPlans(resulting.Select(l => (l.SkuId, (IList<Guid>)l.DisabledPlans))));
            if (conflict != null)
            {
                throw GraphServiceError.BadRequest(conflict.Message);
            }

            group.AssignedLicenses = resulting.Select(l => new AssignedLicense { SkuId = l.SkuId, DisabledPlans = l.DisabledPlans.Distinct().ToList() }).ToList();
            GroupLicensing.GroupLicensesChanged(group);
            return group;
        }

        /// <summary>A user or group that can become a member, by object id; <paramref name="now"/> null ignores replication delays.</summary>
        internal Guid? FindMemberCandidate(string id, DateTimeOffset? now) =>
            FindUserCore(id, now)?.Id ?? (Guid.TryParse(id, out _) ? FindGroupCore(id, now)?.Id : null);

        /// <summary>Adds users and nested groups, all or none; a user's licences from the group are queued.</summary>
        internal void AddMembersCore(SimulatedGroup group, IReadOnlyList<Guid> memberIds)
        {
            if (group.IsDynamic)
            {
                throw GraphServiceError.BadRequest("Members of a group with dynamic membership cannot be added or removed manually.");
            }

            if (memberIds.Any(group.MemberSet.Contains) || memberIds.Distinct().Count() != memberIds.Count)
            {
                throw GraphServiceError.BadRequest("One or more added object references already exist for the following modified properties: 'members'.");
            }

            foreach (var memberId in memberIds)
            {
                if (_usersById.ContainsKey(memberId))
                {
                    continue;
                }

                var child = GroupById(memberId) ?? throw GraphServiceError.ReferenceMissing();
                if (child == group || group.IsUnified || child.IsAssignableToRole)
                {
                    // Microsoft 365 groups hold users only, a group cannot contain itself, role-assignable groups cannot be nested.
                    throw GraphServiceError.BadRequest($"Group {child.Id} cannot be added as a member of group {group.Id}.");
                }
            }

            foreach (var memberId in memberIds)
            {
                group.Members.Add(memberId);
                group.MemberSet.Add(memberId);
                if (_usersById.TryGetValue(memberId, out var user))
                {
                    user.MemberOf.Add(group.Id);
                    GroupLicensing.MemberAdded(group, user);
                    RecordMembershipChange(group, user, added: true);
                }
                else
                {
                    // Group-based licensing does not flow through nested groups, so nothing is queued for them.
                    _groupsById[memberId].MemberOf.Add(group.Id);
                }
            }
        }

        internal void RemoveMemberCore(SimulatedGroup group, Guid memberId)
        {
            if (group.IsDynamic)
            {
                throw GraphServiceError.BadRequest("Members of a group with dynamic membership cannot be added or removed manually.");
            }

            if (!group.MemberSet.Remove(memberId))
            {
                throw GraphServiceError.BadRequest("One or more removed object references do not exist for the following modified properties: 'members'.");
            }

            group.Members.Remove(memberId);
            var user = UserById(memberId);
            if (user != null)
            {
                user.MemberOf.Remove(group.Id);
                GroupLicensing.MemberRemoved(group, user);
                RecordMembershipChange(group, user, added: false);
            }
            else if (_groupsById.TryGetValue(memberId, out var child))
            {
                child.MemberOf.Remove(group.Id);
            }
        }

        /// <summary>After a snapshot load: rebuild derived indexes and seat counts from the stored lists.</summary>
        internal void Rebuild(IEnumerable<SimulatedSku> skus, IEnumerable<SimulatedUser> users, IEnumerable<SimulatedGroup> groups)
        {
            foreach (var sku in skus)
            {
                _skus.Add(sku);
            }

            foreach (var user in users)
            {
                AddUserCore(user);
            }

            foreach (var group in groups)
            {
                AddGroupCore(group);
            }
        }

        internal static SimulatedOpenExtension AddExtensionCore(List<SimulatedOpenExtension> extensions, SimulatedOpenExtension extension)
        {
            if (string.IsNullOrWhiteSpace(extension.ExtensionName))
            {
                throw GraphServiceError.BadRequest("A value is required for property 'extensionName' of resource 'openTypeExtension'.");
            }

            if (FindExtensionCore(extensions, extension.ExtensionName) != null)
            {
                // Observed: code Request_BadRequest with this message; the 409 status is unverified.
                throw new GraphServiceError(409, "Request_BadRequest", "An extension already exists with given id.");
            }

            extensions.Add(extension);
            return extension;
        }

        internal static SimulatedOpenExtension? FindExtensionCore(List<SimulatedOpenExtension> extensions, string idOrName)
        {
            const string Qualifier = "microsoft.graph.openTypeExtension.";
            var name = idOrName.StartsWith(Qualifier, StringComparison.OrdinalIgnoreCase) ? idOrName.Substring(Qualifier.Length) : idOrName;
            return extensions.Find(e => string.Equals(e.ExtensionName, name, StringComparison.OrdinalIgnoreCase));
        }

        private static SimulatedOpenExtension NewExtension(string extensionName, IEnumerable<KeyValuePair<string, object?>> properties)
        {
            var extension = new SimulatedOpenExtension { ExtensionName = extensionName };
            foreach (var property in properties)
            {
                extension.Properties[property.Key] = System.Text.Json.JsonSerializer.SerializeToElement(property.Value);
            }

            return extension;
        }

        private SimulatedSku RequireSku(Guid skuId) => FindSkuCore(skuId) ?? throw new ArgumentException($"The tenant has no SKU {skuId}.", nameof(skuId));
    }
}
