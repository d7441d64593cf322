using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.MembershipRules;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Membership
{
    /// <summary>
    /// Dynamic membership: groups with groupTypes DynamicMembership and membershipRuleProcessingState On evaluate their
    /// rule after <see cref="SimulatorOptions.DynamicMembershipDelay"/>, against every user when the rule (or the state)
    /// changes and against one user when an attribute its rule reads changes or the user is created. Paused groups
    /// keep their members and evaluate nothing. Joins and leaves flow into group-based licensing.
    /// Callers hold the store's write lock.
    /// </summary>
    internal sealed class DynamicMembershipProcessor
    {
        private readonly TenantStore _store;
        private readonly List<DynamicEvaluation> _queue = new List<DynamicEvaluation>();
        private readonly Dictionary<Guid, MembershipRule> _rules = new Dictionary<Guid, MembershipRule>();

        public DynamicMembershipProcessor(TenantStore store)
        {
            _store = store;
        }

        /// <summary>Refuses what Entra refuses: a dynamic group without a rule, or with a rule that does not parse.</summary>
        public static void Validate(SimulatedGroup group)
        {
            if (!group.IsDynamic)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(group.MembershipRule))
            {
                throw GraphServiceError.BadRequest("A value is required for property 'membershipRule'.");
            }

            if (!MembershipRule.TryParse(group.MembershipRule!, out _, out var error))
            {
                throw GraphServiceError.BadRequest($"Dynamic membership rule validation error: {error!.Reason} at position {error.Position}.");
            }
        }

        public static bool IsActive(SimulatedGroup group) => group.IsDynamic && group.MembershipRuleProcessingState == "On";

        /// <summary>A group was created, or its rule, type or processing state changed: one full evaluation replaces anything queued.</summary>
        public void RuleChanged(SimulatedGroup group)
        {
            _queue.RemoveAll(e => e.GroupId == group.Id);
            _rules.Remove(group.Id);
            if (IsActive(group))
            {
                var perUser = TimeSpan.FromTicks(_store.Options.DynamicMembershipTimePerUser.Ticks * _store.UserList.Count);
                _queue.Add(new DynamicEvaluation { GroupId = group.Id, DueAt = _store.Now + _store.Options.DynamicMembershipDelay + perUser, Full = true });
            }
        }

        public void GroupRemoved(SimulatedGroup group)
        {
            _queue.RemoveAll(e => e.GroupId == group.Id);
            _rules.Remove(group.Id);
        }

        public void UserAdded(SimulatedUser user)
        {
            foreach (var group in ActiveGroups())
            {
                Enqueue(group, user);
            }
        }

        /// <summary>The values each active rule reads from the user, to compare after a change.</summary>
        public List<(SimulatedGroup Group, object?[] Values)> Capture(SimulatedUser user)
        {
            var subject = new UserRuleSubject(user);
            var captured = new List<(SimulatedGroup, object?[])>();
            foreach (var group in ActiveGroups())
            {
                var rule = RuleFor(group);
                if (rule != null)
                {
                    captured.Add((group, rule.Properties.Select(subject.GetValue).ToArray()));
                }
            }

            return captured;
        }

        public void UserChanged(SimulatedUser user, List<(SimulatedGroup Group, object?[] Values)> before)
        {
            var subject = new UserRuleSubject(user);
            foreach (var (group, values) in before)
            {
                var now = RuleFor(group)!.Properties.Select(subject.GetValue).ToArray();
                if (!now.SequenceEqual(values))
                {
                    Enqueue(group, user);
                }
            }
        }

        public DateTimeOffset? NextDue()
        {
            DateTimeOffset? next = null;
            foreach (var evaluation in _queue)
            {
                if (next == null || evaluation.DueAt < next.Value)
                {
                    next = evaluation.DueAt;
                }
            }

            return next;
        }

        public void StepEarliest()
        {
            var evaluation = _queue.OrderBy(e => e.DueAt).FirstOrDefault();
            if (evaluation == null)
            {
                return;
            }

            _queue.Remove(evaluation);
            var group = _store.GroupById(evaluation.GroupId);
            var rule = group != null && IsActive(group) ? RuleFor(group) : null;
            if (rule == null)
            {
                return;
            }

            var users = evaluation.Full ? _store.UserList.ToList() : evaluation.Users.Select(_store.UserById).Where(u => u != null).Select(u => u!).ToList();
            var leaving = new HashSet<Guid>();
            foreach (var user in users)
            {
                var matches = rule.Evaluate(new UserRuleSubject(user));
                if (matches && !group!.MemberSet.Contains(user.Id))
                {
                    group.Members.Add(user.Id);
                    group.MemberSet.Add(user.Id);
                    user.MemberOf.Add(group.Id);
                    _store.GroupLicensing.MemberAdded(group, user);
                    _store.RecordMembershipChange(group, user, added: true);
                }
                else if (!matches && group!.MemberSet.Remove(user.Id))
                {
                    leaving.Add(user.Id);
                    user.MemberOf.Remove(group.Id);
                    _store.GroupLicensing.MemberRemoved(group, user);
                    _store.RecordMembershipChange(group!, user, added: false);
                }
            }

            if (leaving.Count > 0)
            {
                group!.Members.RemoveAll(leaving.Contains);
            }
        }

        public List<DynamicEvaluation> Save() => _queue.ToList();

        public void Load(IEnumerable<DynamicEvaluation> evaluations)
        {
            foreach (var evaluation in evaluations)
            {
                if (_store.GroupById(evaluation.GroupId) == null)
                {
                    throw new ArgumentException($"A queued membership evaluation refers to group {evaluation.GroupId}, which is missing.");
                }

                _queue.Add(evaluation);
            }
        }

        private IEnumerable<SimulatedGroup> ActiveGroups() => _store.GroupList.Where(IsActive);

        private void Enqueue(SimulatedGroup group, SimulatedUser user)
        {
            var due = _store.Now + _store.Options.DynamicMembershipDelay;
            var pending = _queue.Find(e => e.GroupId == group.Id && !e.Full && e.DueAt == due);
            if (pending == null)
            {
                pending = new DynamicEvaluation { GroupId = group.Id, DueAt = due };
                _queue.Add(pending);
            }

            // A user queued twice is evaluated twice with the same result; checking for duplicates would cost more.
            pending.Users.Add(user.Id);
        }

        private MembershipRule? RuleFor(SimulatedGroup group)
        {
            if (_rules.TryGetValue(group.Id, out var cached) && cached.Text == group.MembershipRule)
            {
                return cached;
            }

            // Rules are validated when written; a snapshot edited by hand may still hold one that does not parse.
            if (group.MembershipRule == null || !MembershipRule.TryParse(group.MembershipRule, out var rule, out _))
            {
                return null;
            }

            _rules[group.Id] = rule!;
            return rule;
        }
    }
}
