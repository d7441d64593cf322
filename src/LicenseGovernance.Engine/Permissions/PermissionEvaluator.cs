using LicenseGovernance.Engine.Graph.Connection;
using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Permissions
{
    /// <summary>Compares a token's permissions with what each capability needs (Test-LicenseGovernancePermission).</summary>
    public static class PermissionEvaluator
    {
        private const string UnreadableToken =
            "The access token could not be read (it is not a JWT), so whether it holds the permission is unknown.";

        public static IEnumerable<LicensePermissionCheck> Evaluate(TokenClaims? claims)
        {
            // Without claims the token type is unknown; application rows are the useful guess, since opaque tokens come from automation.
            var appOnly = claims == null || !claims.IsDelegated;
            var held = new HashSet<string>(claims?.Permissions ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);

            foreach (var capability in CapabilityCatalog.All)
            {
                var least = capability.PermissionFor(appOnly);
                var check = new LicensePermissionCheck
                {
                    Capability = capability.Name,
                    Permission = least,
                    PermissionType = appOnly ? "Application" : "Delegated",
                    TenantLicense = capability.TenantLicense,
                    Commands = capability.CommandsText,
                    Notes = capability.Notes,
                };

                if (claims == null)
                {
                    check.Notes = capability.Notes == null ? UnreadableToken : UnreadableToken + " " + capability.Notes;
                }
                else
                {
                    var satisfiedBy = capability.AcceptedPermissions(appOnly).FirstOrDefault(held.Contains);
                    check.Granted = satisfiedBy != null;
                    if (satisfiedBy != null && !string.Equals(satisfiedBy, least, StringComparison.OrdinalIgnoreCase))
                    {
                        check.GrantedBy = satisfiedBy;
                    }
                }

                yield return check;
            }
        }

        public static IReadOnlyList<string> AcceptedPermissions(string capabilityKey, bool appOnly) =>
            CapabilityCatalog.Get(capabilityKey).AcceptedPermissions(appOnly);
    }
}
