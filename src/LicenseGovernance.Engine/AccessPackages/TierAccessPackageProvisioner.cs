using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Requests;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>
    /// Brings a tier's catalog, catalog resource, access package, Member role and policy to the state asked for. One
    /// walk serves both planning (writes nothing, lists the Graph objects it would send) and applying (journals and sends
    /// each), so -WhatIf shows exactly what a real run writes; a second run with the same arguments writes nothing.
    /// </summary>
    internal sealed class TierAccessPackageProvisioner
    {
        private const string PendingId = "{new}";

        private readonly GraphSession _session;
        private readonly TierAccessPackageRequest _request;
        private readonly JournalScope? _journal;
        private readonly CancellationToken _cancellation;
        private readonly List<AccessPackageChange> _changes = new List<AccessPackageChange>();

        private TierAccessPackageProvisioner(GraphSession session, TierAccessPackageRequest request, JournalScope? journal, CancellationToken cancellation)
        {
            _session = session;
            _request = request;
            _journal = journal;
            _cancellation = cancellation;
        }

        public static async Task<TierAccessPackagePlan> PlanAsync(GraphSession session, TierAccessPackageRequest request, CancellationToken cancellation)
        {
            var walk = new TierAccessPackageProvisioner(session, request, null, cancellation);
            var outcome = await walk.RunAsync().ConfigureAwait(false);
            var plan = new TierAccessPackagePlan { Request = request, PackageName = outcome.PackageName, TierGroup = outcome.TierName };
            plan.Changes.AddRange(walk._changes);
            plan.Warnings.AddRange(outcome.Warnings);
            return plan;
        }

        /// <summary>Re-plans first: if the tenant moved on since the plan was shown, nothing is written.</summary>
        public static async Task<(string PackageId, TierAccessPackageResult Result)> ApplyAsync(GraphSession session, TierAccessPackagePlan plan, JournalScope journal, CancellationToken cancellation)
        {
            var fresh = await PlanAsync(session, plan.Request, cancellation).ConfigureAwait(false);
            string Key(IEnumerable<AccessPackageChange> changes) => string.Join("|", changes.Select(c => c.Action + " " + c.ObjectType + " " + c.Name));
            if (Key(fresh.Changes) != Key(plan.Changes))
            {
                throw Errors.AccessPackagePlanStale(plan.PackageName).ToException();
            }

            var walk = new TierAccessPackageProvisioner(session, plan.Request, journal, cancellation);
            var outcome = await walk.RunAsync().ConfigureAwait(false);
            var created = walk._changes.Any(c => c.ObjectType == "accessPackage" && c.Action == AccessPackageChangeAction.Create);
            return (outcome.PackageId!, walk._changes.Count == 0 ? TierAccessPackageResult.Unchanged : created ? TierAccessPackageResult.Created : TierAccessPackageResult.Updated);
        }

        private bool Writing => _journal != null;

        /// <summary>
        /// A tier, or a licence group outside the tier ladder (document 002's "Office Licenses", a group carrying licences
        /// that no rank orders): its package hands out the group's licences without a rank being invented for it. A group
        /// without licences is no licence group, and Entra adds no member to a dynamic group, so neither gets a package.
        /// </summary>
        private static void RequireGovernable(TierGroupState group)
        {
            if (!group.IsTier && group.Licenses.Count == 0)
            {
                throw Errors.NotATierGroup(group.Name).ToException();
            }

            if (!group.IsTier && group.IsDynamic)
            {
                throw Errors.LicenseGroupIsDynamic(group.Name).ToException();
            }
        }

        private async Task<Outcome> RunAsync()
        {
            var tier = await TierGroupDirectory.RequireAsync(_session, (_request.TierGroup ?? "").Trim(), _cancellation).ConfigureAwait(false);
            RequireGovernable(tier);
            var rank = tier.Record?.Tier;
            var settings = await TierPolicySettings.ResolveAsync(_session, _request, tier.Name, rank, tier.Record?.Baseline == true, _cancellation).ConfigureAwait(false);
            var catalogName = string.IsNullOrWhiteSpace(_request.Catalog) ? TierAccessPackageRequest.DefaultCatalog : _request.Catalog.Trim();
            var packageName = string.IsNullOrWhiteSpace(_request.Name) ? tier.Name + (_request.Exception ? " exception" : "") : _request.Name!.Trim();
            var description = _request.Description ?? (_request.Exception
                ? $"Time-limited exception access to licence tier {tier.Name}, approved by the manager and a licence administrator."
                : rank != null ? $"Access to licence tier {tier.Name} (tier {rank})." : $"Access to the licences of group {tier.Name}.");
            var outcome = new Outcome { PackageName = packageName, TierName = tier.Name, Warnings = settings.Warnings };
            var groupId = tier.Group.Id!;

            var catalog = await AccessPackageDirectory.FindCatalogAsync(_session, catalogName, _cancellation).ConfigureAwait(false);
            var catalogId = catalog?.Id;
            if (catalog == null)
            {
                var body = new AccessPackageCatalog { DisplayName = catalogName, Description = "Licence tiers offered through access packages (LicenseGovernance).", IsExternallyVisible = false };
                catalogId = await WriteAsync(AccessPackageChangeAction.Create, "accessPackageCatalog", catalogName, "POST /identityGovernance/entitlementManagement/catalogs", body, "AccessPackage.CreateCatalog",
                    async () => (await _session.CallAsync("create catalog " + catalogName, AccessPackageDirectory.Manage,
                        c => c.IdentityGovernance.EntitlementManagement.Catalogs.PostAsync(body, cancellationToken: _cancellation), _cancellation).ConfigureAwait(false))!.Id!).ConfigureAwait(false);
            }

            var resource = catalog == null ? null : await AccessPackageDirectory.FindResourceAsync(_session, catalogId!, groupId, _cancellation).ConfigureAwait(false);
            if (resource == null)
            {
                var body = new AccessPackageResourceRequest
                {
                    RequestType = AccessPackageRequestType.AdminAdd,
                    Resource = new AccessPackageResource { OriginId = groupId, OriginSystem = "AadGroup", DisplayName = tier.Name },
                    Catalog = new AccessPackageCatalog { Id = catalogId },
                };
                await WriteAsync(AccessPackageChangeAction.Add, "accessPackageResource", tier.Name, "POST /identityGovernance/entitlementManagement/resourceRequests", body, "AccessPackage.AddCatalogResource",
                    async () => (await _session.CallAsync("add group " + tier.Name + " to catalog " + catalogName, AccessPackageDirectory.Manage,
                        c => c.IdentityGovernance.EntitlementManagement.ResourceRequests.PostAsync(body, cancellationToken: _cancellation), _cancellation).ConfigureAwait(false))!.Id!).ConfigureAwait(false);
                if (Writing)
                {
                    resource = await AccessPackageDirectory.FindResourceAsync(_session, catalogId!, groupId, _cancellation).ConfigureAwait(false);
                }
            }

            var packages = catalog == null ? new List<AccessPackage>() : await AccessPackageDirectory.PackagesAsync(_session, catalogId!, _cancellation).ConfigureAwait(false);
            var package = packages.FirstOrDefault(p => string.Equals(p.DisplayName, packageName, StringComparison.OrdinalIgnoreCase));
            var packageId = package?.Id;
            if (package == null)
            {
                var body = new AccessPackage { DisplayName = packageName, Description = description, IsHidden = false, Catalog = new AccessPackageCatalog { Id = catalogId } };
                packageId = await WriteAsync(AccessPackageChangeAction.Create, "accessPackage", packageName, "POST /identityGovernance/entitlementManagement/accessPackages", body, "AccessPackage.Create",
                    async () => (await _session.CallAsync("create access package " + packageName, AccessPackageDirectory.Manage,
                        c => c.IdentityGovernance.EntitlementManagement.AccessPackages.PostAsync(body, cancellationToken: _cancellation), _cancellation).ConfigureAwait(false))!.Id!).ConfigureAwait(false);
            }
            else
            {
                var others = AccessPackageDirectory.Roles(package).Where(r => !(r.GroupId == groupId.ToLowerInvariant() && r.Role == "Member")).Select(r => r.Name).ToList();
                if (others.Count > 0)
                {
                    throw Errors.AccessPackageHoldsOtherResources(packageName, others).ToException();
                }

                if (_request.Description != null && !string.Equals(package.Description, description, StringComparison.Ordinal))
                {
                    var body = new AccessPackage { Description = description };
                    await WriteAsync(AccessPackageChangeAction.Update, "accessPackage", packageName, "PATCH /identityGovernance/entitlementManagement/accessPackages/" + packageId, body, "AccessPackage.Update",
                        async () =>
                        {
                            await _session.CallAsync("update access package " + packageName, AccessPackageDirectory.Manage,
                                c => c.IdentityGovernance.EntitlementManagement.AccessPackages[packageId].PatchAsync(body, cancellationToken: _cancellation), _cancellation).ConfigureAwait(false);
                            return packageId!;
                        }, before: new { description = package.Description }).ConfigureAwait(false);
                }
            }

            outcome.PackageId = packageId;
            if (package == null || !AccessPackageDirectory.MemberGroups(package).Contains(groupId.ToLowerInvariant()))
            {
                var memberRole = resource?.Roles?.FirstOrDefault(r => string.Equals(r.DisplayName, "Member", StringComparison.OrdinalIgnoreCase));
                var scope = resource?.Scopes?.FirstOrDefault(s => s.IsRootScope == true) ?? resource?.Scopes?.FirstOrDefault();
                var body = new AccessPackageResourceRoleScope
                {
                    Role = new AccessPackageResourceRole
                    {
                        Id = memberRole?.Id, DisplayName = "Member", OriginSystem = "AadGroup", OriginId = memberRole?.OriginId ?? "Member_" + groupId,
                        Resource = new AccessPackageResource { Id = resource?.Id ?? PendingId },
                    },
                    Scope = new AccessPackageResourceScope { Id = scope?.Id, DisplayName = "Root", OriginSystem = "AadGroup", OriginId = groupId, IsRootScope = true },
                };
                await WriteAsync(AccessPackageChangeAction.Add, "accessPackageResourceRoleScope", "Member of " + tier.Name, "POST /identityGovernance/entitlementManagement/accessPackages/" + (packageId ?? PendingId) + "/resourceRoleScopes",
                    body, "AccessPackage.AddResourceRole",
                    async () => (await _session.CallAsync("add Member role of " + tier.Name + " to " + packageName, AccessPackageDirectory.Manage,
                        c => c.IdentityGovernance.EntitlementManagement.AccessPackages[packageId].ResourceRoleScopes.PostAsync(body, cancellationToken: _cancellation), _cancellation).ConfigureAwait(false))!.Id!).ConfigureAwait(false);
            }

            var policies = package == null ? new List<AccessPackageAssignmentPolicy>() : await AccessPackageDirectory.PoliciesAsync(_session, packageId!, _cancellation).ConfigureAwait(false);
            var existing = AccessPackageDirectory.OwnPolicy(policies);
            var desired = settings.Build(packageId ?? PendingId, _session.Now, existing?.ReviewSettings?.Schedule?.StartDateTime);
            if (existing == null)
            {
                await WriteAsync(AccessPackageChangeAction.Create, "accessPackageAssignmentPolicy", settings.PolicyName, "POST /identityGovernance/entitlementManagement/assignmentPolicies", desired, "AccessPackage.CreatePolicy",
                    async () => (await _session.CallAsync("create assignment policy of " + packageName, AccessPackageDirectory.Manage,
                        c => c.IdentityGovernance.EntitlementManagement.AssignmentPolicies.PostAsync(desired, cancellationToken: _cancellation), _cancellation).ConfigureAwait(false))!.Id!).ConfigureAwait(false);
            }
            else if (TierPolicySettings.Shape(existing) != TierPolicySettings.Shape(desired))
            {
                desired.Id = existing.Id;
                await WriteAsync(AccessPackageChangeAction.Update, "accessPackageAssignmentPolicy", settings.PolicyName, "PUT /identityGovernance/entitlementManagement/assignmentPolicies/" + existing.Id, desired, "AccessPackage.UpdatePolicy",
                    async () =>
                    {
                        await _session.CallAsync("update assignment policy of " + packageName, AccessPackageDirectory.Manage,
                            c => c.IdentityGovernance.EntitlementManagement.AssignmentPolicies[existing.Id].PutAsync(desired, cancellationToken: _cancellation), _cancellation).ConfigureAwait(false);
                        return existing.Id!;
                    }, before: TierPolicySettings.Shape(existing)).ConfigureAwait(false);
            }

            return outcome;
        }

        /// <summary>Records the change for the plan; when applying, journals it first and then sends it. Returns the id Graph gave (or a placeholder when planning).</summary>
        private async Task<string> WriteAsync(AccessPackageChangeAction action, string type, string name, string request, IParsable body, string operation, Func<Task<string>> send, object? before = null)
        {
            var json = AccessPackageAssignmentWriter.Json(body);
            _changes.Add(new AccessPackageChange { Action = action, ObjectType = type, Name = name, Request = request, Body = json });
            return await PlannedWrite.RunAsync(_journal, operation, type, name, before, json, send, PendingId, _cancellation).ConfigureAwait(false);
        }

        private sealed class Outcome
        {
            public string PackageName { get; set; } = "";
            public string TierName { get; set; } = "";
            public string? PackageId { get; set; }
            public List<string> Warnings { get; set; } = new List<string>();
        }
    }
}
