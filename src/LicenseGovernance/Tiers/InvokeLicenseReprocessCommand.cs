using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Tiers
{
    /// <summary>
    /// Asks Graph to reprocess users' group licences (every member in error, for a group), and optionally waits for the
    /// outcome. The engine asks ShouldProcess for each user once it has resolved them.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "LicenseReprocess", SupportsShouldProcess = true, DefaultParameterSetName = UserSet)]
    [OutputType(typeof(LicenseReprocessResult))]
    public sealed class InvokeLicenseReprocessCommand : LicenseGovernanceCmdlet
    {
        // The default set: PowerShell tries it first for piped objects, so a Get-GroupLicenseError row (which has both
        // UserPrincipalName and GroupId) reprocesses its user rather than the whole group.
        private const string UserSet = "User";
        private const string GroupSet = "Group";

        private readonly List<string> _users = new List<string>();

        /// <summary>
        /// PowerShell binds the first of these properties a piped object has, even when its value is empty, so the id
        /// (always set on module objects) comes before the principal name (which may be missing).
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = UserSet)]
        [Alias("UserId", "UserPrincipalName", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[]? User { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = GroupSet)]
        [Alias("GroupId", "DisplayName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TierGroupNameCompleter))]
        public string? Group { get; set; }

        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(ReprocessRequest.MinWaitTimeoutSeconds, ReprocessRequest.MaxWaitTimeoutSeconds)]
        public int TimeoutSeconds { get; set; } = 300;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == GroupSet)
            {
                var request = new ReprocessRequest { Group = Group, Wait = Wait, WaitTimeoutSeconds = TimeoutSeconds };
                TryRunEngine(sink => Engine.ReprocessLicensesAsync(request, sink));
                return;
            }

            _users.AddRange(User!.Where(u => !_users.Contains(u, StringComparer.OrdinalIgnoreCase)));
        }

        // Piped users are sent in one request so that the engine can batch them and -Wait waits for all at once,
        // and a user with several errors is reprocessed once.
        protected override void EndProcessing()
        {
            try
            {
                if (_users.Count > 0)
                {
                    var request = new ReprocessRequest { User = _users.ToArray(), Wait = Wait, WaitTimeoutSeconds = TimeoutSeconds };
                    RunEngine(sink => Engine.ReprocessLicensesAsync(request, sink));
                }
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
