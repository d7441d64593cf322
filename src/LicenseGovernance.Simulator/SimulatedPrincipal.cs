using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Simulator
{
    /// <summary>Who a token is issued to: an application (app-only) or a user signed in to an application (delegated).</summary>
    public sealed class SimulatedPrincipal
    {
        public SimulatedPrincipal(string appId, string displayName, string? userPrincipalName, IEnumerable<string> permissions)
        {
            if (string.IsNullOrWhiteSpace(appId))
            {
                throw new ArgumentException("An application id is required.", nameof(appId));
            }

            AppId = appId;
            DisplayName = displayName ?? throw new ArgumentNullException(nameof(displayName));
            UserPrincipalName = userPrincipalName;
            Permissions = (permissions ?? throw new ArgumentNullException(nameof(permissions))).ToArray();
        }

        public string AppId { get; }

        public string DisplayName { get; }

        /// <summary>Null for an app-only principal; the signed-in user for a delegated one.</summary>
        public string? UserPrincipalName { get; }

        /// <summary>Application roles (app-only) or delegated scopes.</summary>
        public string[] Permissions { get; }

        public bool IsAppOnly => UserPrincipalName == null;
    }
}
