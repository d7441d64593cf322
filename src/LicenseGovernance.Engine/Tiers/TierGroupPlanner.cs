using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.MembershipRules;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Tiers
{
    /// <summary>
    /// Works out, without writing anything, what New-, Set- and Remove-LicenseTierGroup would change. Every rule is checked
    /// here, so bad input fails before the tenant is touched and -WhatIf shows exactly what would happen.
    /// </summary>
    internal static class TierGroupPlanner
    {
        public static async Task<TierGroupPlan> PlanAsync(GraphSession session, TierGroupRequest request, IReadOnlyList<LicenseSku> tenantSkus, CancellationToken cancellation)
        {
            var name = (request.Name ?? "").Trim();
            if (name.Length == 0)
            {
                throw Errors.PlanSelectionInvalid("a tier needs a group name (-Name).").ToException();
            }

            // Graph would refuse the name only when creating the group, after the change is journaled.
            if (request.CreateIfMissing && name.Length > TierGroupRequest.MaxNameLength)
            {
                throw Errors.TierGroupNameTooLong(name).ToException();
            }

            if (request.Rank.HasValue && (request.Rank.Value < TierGroupRequest.MinTier || request.Rank.Value > TierGroupRequest.MaxTier))
            {
                throw Errors.TierRankInvalid(request.Rank.Value).ToException();
            }

            var rule = request.MembershipRule?.Trim();
            var uncheckedRule = CheckRule(rule);
            var found = await TierGroupDirectory.FindAsync(session, name, cancellation).ConfigureAwait(false);
            if (found.Count > 1)
            {
                throw Errors.GroupNameAmbiguous(name, found.Select(g => g.Group.Id!)).ToException();
            }

            var existing = found.Count == 1 ? found[0] : null;
            if (existing == null && !request.CreateIfMissing)
            {
                await TierGroupDirectory.RequireAsync(session, name, cancellation).ConfigureAwait(false);
            }

            if (existing != null && !existing.IsTier && !request.CreateIfMissing)
            {
                throw Errors.NotATierGroup(existing.Name).ToException();
            }

            var tiers = await TierGroupDirectory.ListTiersAsync(session, cancellation).ConfigureAwait(false);
            var others = tiers.Where(t => existing == null || t.Id != existing.Id).ToList();

            var licenses = DesiredLicenses(request, existing, tenantSkus);
            var tier = request.Rank ?? existing?.Record?.Tier ?? (others.Count == 0 ? 1 : others.Max(t => t.Record!.Tier) + 1);
            var sameRank = others.FirstOrDefault(t => t.Record!.Tier == tier);
            if (sameRank != null)
            {
                throw Errors.TierRankInUse(tier, sameRank.Name).ToException();
            }

            var baseline = request.Baseline ?? existing?.Record?.Baseline ?? false;
            var otherBaseline = baseline ? others.FirstOrDefault(t => t.Record!.Baseline) : null;
            if (otherBaseline != null)
            {
                throw Errors.BaselineAlreadyDefined(otherBaseline.Name).ToException();
            }

            var plan = new TierGroupPlan { DisplayName = existing?.Name ?? name };
            if (uncheckedRule != null)
            {
                plan.Warnings.Add(uncheckedRule);
            }

            var record = new TierRecord(tier, baseline);
            plan.Payload.Tier = tier;
            plan.Payload.Baseline = baseline;
            if (existing == null)
            {
                // A new group without a rule is static.
                PlanCreate(plan, name, request.Description, rule ?? "", record, licenses);
                return plan;
            }

            // An existing group keeps what it is unless asked: no rule keeps its membership (and a dynamic group its rule).
            await PlanExistingAsync(session, plan, existing, request, rule, record, licenses, tenantSkus, cancellation).ConfigureAwait(false);
            return plan;
        }

        public static async Task<TierGroupPlan> PlanRemoveAsync(GraphSession session, RemoveTierGroupRequest request, Func<Task<IReadOnlyList<LicenseSku>>> skus, CancellationToken cancellation)
        {
            var state = await TierGroupDirectory.RequireAsync(session, (request.Group ?? "").Trim(), cancellation).ConfigureAwait(false);
            if (!state.IsTier)
            {
                throw Errors.NotATierGroup(state.Name).ToException();
            }

            var members = await TierGroupDirectory.UserMembersAsync(session, state.Group.Id!, new[] { "id", "userPrincipalName", "licenseAssignmentStates" }, cancellation).ConfigureAwait(false);
            var stranded = members.Where(u => !LicenseStates.Of(u).Any(s => !LicenseStates.FromGroup(s, state.Group.Id!) && LicenseStates.HoldsSeat(s))).ToList();
            if (stranded.Count > 0 && !request.Force)
            {
                throw Errors.TierGroupInUse(state.Name, stranded.Count).ToException();
            }

            var tenantSkus = await skus().ConfigureAwait(false);
            var plan = new TierGroupPlan { Action = TierGroupAction.Remove, GroupId = state.Id, DisplayName = state.Name };
            plan.Payload.Fingerprint = state.Fingerprint();
            plan.Payload.RemoveLicenses = state.Licenses.Select(l => l.SkuId!.Value).ToList();
            plan.Changes.Add(new TierGroupChange("Licences", string.Join(", ", state.Licenses.Select(l => SkuName(tenantSkus, l.SkuId))), null));
            plan.Changes.Add(new TierGroupChange("Group", state.Name + " (" + members.Count + " member(s))", null));
            if (stranded.Count > 0)
            {
                plan.Warnings.Add($"{stranded.Count} member(s) of '{state.Name}' will have no licence at all (-Force): " +
                    string.Join(", ", stranded.Take(10).Select(u => u.UserPrincipalName ?? u.Id)) + (stranded.Count > 10 ? ", ..." : "") + ".");
            }

            return plan;
        }

        /// <summary>Null for a rule that is fine; a warning for one Entra accepts but the module cannot read; throws for a real mistake.</summary>
        private static string? CheckRule(string? rule)
        {
            if (string.IsNullOrEmpty(rule) || MembershipRule.TryParse(rule!, out _, out var syntax))
            {
                return null;
            }

            // A rule Entra accepts but the module cannot read is Entra's to validate; only real mistakes stop here.
            if (!syntax!.IsValidInEntra)
            {
                throw Errors.MembershipRuleInvalid(rule!, syntax.Position, syntax.Reason).ToException();
            }

            return $"The membership rule could not be checked or previewed here ({syntax.Reason}, at position {syntax.Position}); Microsoft Entra ID validates it when the group is saved.";
        }

        private static async Task PlanExistingAsync(GraphSession session, TierGroupPlan plan, TierGroupState existing, TierGroupRequest request, string? rule, TierRecord record,
            IReadOnlyList<DesiredLicense> licenses, IReadOnlyList<LicenseSku> tenantSkus, CancellationToken cancellation)
        {
            plan.GroupId = existing.Id;
            plan.Payload.Fingerprint = existing.Fingerprint();
            if (!existing.Group.SecurityEnabled.GetValueOrDefault())
            {
                throw Errors.GroupCannotCarryLicenses(existing.Name).ToException();
            }

            var turnsDynamic = !string.IsNullOrEmpty(rule) && !existing.IsDynamic;
            var packages = existing.IsTier && !turnsDynamic ? new List<AccessPackage>() : await PackagesHandingOutAsync(session, existing, plan.Warnings, cancellation).ConfigureAwait(false);
            if (turnsDynamic && packages.Count > 0)
            {
                throw Errors.TierHandedOutByAccessPackage(existing.Name, packages.Select(p => p.DisplayName ?? p.Id!)).ToException();
            }

            if (!existing.IsTier)
            {
                var purposes = await OtherPurposesAsync(session, existing, licenses, tenantSkus, packages, cancellation).ConfigureAwait(false);
                if (purposes.Count > 0 && !request.Force)
                {
                    throw Errors.GroupServesOtherPurpose(existing.Name, purposes).ToException();
                }

                plan.Warnings.AddRange(purposes.Select(p => $"'{existing.Name}' becomes a tier although it {p} (-Force)."));
            }

            PlanUpdate(plan, existing, request.Description, rule, record, licenses, tenantSkus);
            if (plan.Payload.AddLicenses.Count > 0 || plan.Payload.RemoveLicenses.Count > 0)
            {
                var members = await TierGroupDirectory.UserMembersAsync(session, existing.Group.Id!, new[] { "id", "assignedLicenses", "licenseAssignmentStates" }, cancellation).ConfigureAwait(false);
                CheckSeats(existing, licenses, members);
                CountLosses(plan, existing, licenses, tenantSkus, members, request.Force);
            }
        }

        /// <summary>
        /// Whatever members would lose from nowhere else is refused unless forced; with -Force it is shown (in the plan, so
        /// under -WhatIf and -Confirm too) before anything is written.
        /// </summary>
        private static void CountLosses(TierGroupPlan plan, TierGroupState existing, IReadOnlyList<DesiredLicense> licenses, IReadOnlyList<LicenseSku> tenantSkus, IReadOnlyList<User> members, bool force)
        {
            plan.Losses = TierLicenseLossCounter.Count(existing, licenses, tenantSkus, members);
            var taken = plan.Losses.Where(l => l.Losing > 0).ToList();
            if (taken.Count == 0)
            {
                return;
            }

            if (!force)
            {
                throw Errors.TierChangeTakesLicenses(existing.Name, taken.Select(l => l.ToString())).ToException();
            }

            plan.Warnings.Add($"Members of '{existing.Name}' lose what they hold from nowhere else (-Force): {string.Join("; ", taken)}. Undo-LicenseChange puts the tier's licences back.");
        }

        /// <summary>The access packages that hand out the group's membership; none, with a warning, where entitlement management cannot be read.</summary>
        private static async Task<IReadOnlyList<AccessPackage>> PackagesHandingOutAsync(GraphSession session, TierGroupState group, ICollection<string> warnings, CancellationToken cancellation)
        {
            try
            {
                return await Kernel.AccessPackageAssignmentRemover.FindPackagesGrantingGroupAsync(session, group.Group.Id!, cancellation).ConfigureAwait(false);
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id == ErrorIds.PermissionDenied || ex.Error.Id == ErrorIds.TenantLicenseRequired)
            {
                // Tier groups need no entitlement management; without it the check is skipped and said so.
                warnings.Add($"Access packages that hand out '{group.Name}' could not be checked: {ex.Error.Message}");
                return new List<AccessPackage>();
            }
        }

        private static string SkuName(IReadOnlyList<LicenseSku> skus, Guid? skuId) =>
            skus.FirstOrDefault(s => s.SkuId == skuId)?.SkuPartNumber ?? skuId?.ToString() ?? "?";

        /// <summary>Members who do not hold a SKU the tier adds each need a free seat; short of that, nothing is written.</summary>
        private static void CheckSeats(TierGroupState existing, IReadOnlyList<DesiredLicense> licenses, IReadOnlyList<User> members)
        {
            foreach (var license in licenses.Where(l => !existing.Licenses.Any(c => c.SkuId == l.SkuId)))
            {
                var needed = members.Count(u => !(u.AssignedLicenses ?? new List<AssignedLicense>()).Any(l => l.SkuId == license.SkuId));
                if (needed > license.Sku.AvailableUnits)
                {
                    throw Errors.NotEnoughSeats(license.Sku.SkuPartNumber, needed, license.Sku.AvailableUnits, existing.Name).ToException();
                }
            }
        }

        private static IReadOnlyList<DesiredLicense> DesiredLicenses(TierGroupRequest request, TierGroupState? existing, IReadOnlyList<LicenseSku> tenantSkus)
        {
            if (request.CreateIfMissing || request.Sku != null)
            {
                var skus = LicenseSelection.ResolveSkus(tenantSkus, request.Sku ?? Array.Empty<string>());
                // Set keeps the plans already chosen for SKUs the tier has; New states the whole desired selection.
                Func<Guid, IEnumerable<Guid>?>? keep = request.CreateIfMissing || existing == null ? null : id => CurrentDisabled(existing, id);
                return LicenseSelection.Select(skus, request.EnabledPlan, request.DisabledPlan, keep);
            }

            var current = existing!.Licenses
                .Select(l => tenantSkus.FirstOrDefault(s => s.SkuId == l.SkuId))
                .Where(s => s != null)
                .Select(s => s!)
                .ToList();
            return LicenseSelection.Select(current, request.EnabledPlan, request.DisabledPlan, id => CurrentDisabled(existing, id));
        }

        private static IEnumerable<Guid>? CurrentDisabled(TierGroupState state, Guid skuId) =>
            state.Licenses.FirstOrDefault(l => l.SkuId == skuId) is { } license ? LicenseStates.Plans(license.DisabledPlans) : null;

        private static void PlanCreate(TierGroupPlan plan, string name, string? description, string rule, TierRecord record, IReadOnlyList<DesiredLicense> licenses)
        {
            plan.Action = TierGroupAction.Create;
            plan.Payload.MailNickname = MailNickname(name);
            plan.Payload.Record = TierRecordChange.Create;
            plan.Payload.MembershipRule = rule;
            plan.Payload.Description = description;
            plan.Payload.AddLicenses = Planned(licenses);
            plan.Changes.Add(new TierGroupChange("Group", null, "security group, not mail-enabled, " + (rule.Length == 0 ? "static membership" : "dynamic membership")));
            if (rule.Length > 0)
            {
                plan.Changes.Add(new TierGroupChange("MembershipRule", null, rule));
            }

            if (!string.IsNullOrEmpty(description))
            {
                plan.Changes.Add(new TierGroupChange("Description", null, description));
            }

            plan.Changes.Add(new TierGroupChange("Tier", null, record.ToString()));
            foreach (var license in licenses)
            {
                plan.Changes.Add(new TierGroupChange("Licence", null, license.Describe()));
            }
        }

        private static void PlanUpdate(TierGroupPlan plan, TierGroupState existing, string? description, string? rule, TierRecord record, IReadOnlyList<DesiredLicense> licenses, IReadOnlyList<LicenseSku> tenantSkus)
        {
            if (description != null && !string.Equals(description, existing.Group.Description ?? "", StringComparison.Ordinal))
            {
                plan.Payload.Description = description;
                plan.Changes.Add(new TierGroupChange("Description", existing.Group.Description, description));
            }

            if (rule != null)
            {
                var currentRule = existing.IsDynamic ? existing.Group.MembershipRule ?? "" : "";
                if (!string.Equals(rule, currentRule, StringComparison.Ordinal))
                {
                    plan.Payload.MembershipRule = rule;
                    plan.Changes.Add(new TierGroupChange("MembershipRule", currentRule.Length == 0 ? "static" : currentRule, rule.Length == 0 ? "static" : rule));
                    if (!existing.IsDynamic)
                    {
                        plan.Warnings.Add($"'{existing.Name}' becomes dynamic: its rule replaces every member added by hand.");
                    }
                }
            }

            if (existing.Record == null || existing.Record.Tier != record.Tier || existing.Record.Baseline != record.Baseline)
            {
                plan.Payload.Record = existing.Record == null ? TierRecordChange.Create : TierRecordChange.Update;
                plan.Changes.Add(new TierGroupChange("Tier", existing.Record?.ToString(), record.ToString()));
            }

            var add = licenses.Where(l => !existing.Licenses.Any(l.SameAs)).ToList();
            var remove = existing.Licenses.Where(c => !licenses.Any(l => l.SkuId == c.SkuId)).Select(c => c.SkuId!.Value).ToList();
            if (add.Count > 0)
            {
                plan.Payload.AddLicenses = Planned(add);
                foreach (var license in add)
                {
                    var current = existing.Licenses.FirstOrDefault(c => c.SkuId == license.SkuId);
                    var was = current == null ? null : new DesiredLicense(license.Sku, LicenseStates.Plans(current.DisabledPlans)).Describe();
                    plan.Changes.Add(new TierGroupChange("Licence", was, license.Describe()));
                }
            }

            if (remove.Count > 0)
            {
                plan.Payload.RemoveLicenses = remove;
                foreach (var skuId in remove)
                {
                    plan.Changes.Add(new TierGroupChange("Licence", SkuName(tenantSkus, skuId), null));
                }

                plan.Warnings.Add($"Members of '{existing.Name}' lose {remove.Count} SKU(s) the tier no longer carries; new licences are applied and verified first.");
            }

            plan.Action = plan.Changes.Count == 0 ? TierGroupAction.None : TierGroupAction.Update;
        }

        /// <summary>
        /// Why an existing group should not quietly become a tier: mail, other licences, app access, nested groups, members,
        /// and access packages other than this module's own tier packages that hand out its membership.
        /// </summary>
        private static async Task<List<string>> OtherPurposesAsync(GraphSession session, TierGroupState group, IReadOnlyList<DesiredLicense> licenses, IReadOnlyList<LicenseSku> tenantSkus,
            IReadOnlyList<AccessPackage> packages, CancellationToken cancellation)
        {
            var purposes = new List<string>();
            var id = group.Group.Id!;
            if (group.Group.MailEnabled == true)
            {
                purposes.Add("is mail-enabled (people use it to send mail)");
            }

            var foreign = group.Licenses.Where(l => !licenses.Any(d => d.SkuId == l.SkuId)).ToList();
            if (foreign.Count > 0)
            {
                purposes.Add($"already carries {foreign.Count} other licence(s) ({string.Join(", ", foreign.Select(l => SkuName(tenantSkus, l.SkuId)))})");
            }

            var roles = await session.CallAsync("read app role assignments of group " + group.Name, "ReadGroups",
                c => c.Groups[id].AppRoleAssignments.GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            var apps = (roles?.Value ?? new List<AppRoleAssignment>()).Select(a => a.ResourceDisplayName ?? a.ResourceId?.ToString() ?? "?").Distinct().ToList();
            if (apps.Count > 0)
            {
                purposes.Add($"grants access to {apps.Count} application(s) ({string.Join(", ", apps)})");
            }

            var nested = await session.CallAsync("read nested groups of group " + group.Name, "ReadGroups",
                c => c.Groups[id].Members.GraphGroup.GetAsync(r => r.QueryParameters.Select = new[] { "id", "displayName" }, cancellation), cancellation).ConfigureAwait(false);
            var nestedNames = (nested?.Value ?? new List<Group>()).Select(g => g.DisplayName ?? g.Id).ToList();
            if (nestedNames.Count > 0)
            {
                purposes.Add($"has nested group(s) ({string.Join(", ", nestedNames)}), and licences do not flow to members of nested groups");
            }

            if (!group.IsDynamic)
            {
                var members = await TierGroupDirectory.UserMembersAsync(session, id, new[] { "id" }, cancellation).ConfigureAwait(false);
                if (members.Count > 0)
                {
                    purposes.Add($"already has {members.Count} member(s), who would all receive the tier's licences");
                }
            }

            var unrelated = new List<string>();
            foreach (var package in packages)
            {
                var policies = await Kernel.AccessPackageDirectory.PoliciesAsync(session, package.Id!, cancellation).ConfigureAwait(false);
                if (Kernel.AccessPackageDirectory.OwnPolicy(policies) == null)
                {
                    unrelated.Add(package.DisplayName ?? package.Id!);
                }
            }

            if (unrelated.Count > 0)
            {
                purposes.Add($"is handed out by {unrelated.Count} access package(s) ({string.Join(", ", unrelated)}) that are not licence tier packages");
            }

            return purposes;
        }

        private static List<PlannedLicense> Planned(IEnumerable<DesiredLicense> licenses) =>
            licenses.Select(l => new PlannedLicense { SkuId = l.SkuId, DisabledPlans = l.DisabledPlans.ToList() }).ToList();

        /// <summary>Graph's mailNickname allows ASCII letters, digits and a few marks, at most 64 characters.</summary>
        private static string MailNickname(string name)
        {
            var chars = name.Where(c => c < 128 && (char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.')).ToArray();
            var nickname = new string(chars).Trim('.');
            if (nickname.Length == 0)
            {
                nickname = "licensetier";
            }

            return nickname.Length > 64 ? nickname.Substring(0, 64) : nickname;
        }
    }
}
