using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Simulation
{
    /// <summary>
    /// Changes a simulated user's attributes as Entra would see them changed (PATCH /users/{id}), so dynamic groups whose
    /// rules read them re-evaluate on the simulated clock: a rehearsal of a department move, a leaver or a disabled account;
    /// and the mailbox type Exchange Online reports (-MailboxPurpose), which Graph only reads.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LicenseSimulatorUser", SupportsShouldProcess = true)]
    [OutputType(typeof(LicenseSimulatorUserChange))]
    public sealed class SetLicenseSimulatorUserCommand : PlannedChangeCmdlet<LicenseSimulatorUserPlan, IReadOnlyList<LicenseSimulatorUserChange>>
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserPrincipalName", "UserId", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string User { get; set; } = "";

        /// <summary>A hashtable (or ordered dictionary) of Graph property names and their new values.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNull]
        public IDictionary Property { get; set; } = new Hashtable();

        /// <summary>The mailbox type Exchange Online reports (mailboxSettings.userPurpose): shared rehearses Set-Mailbox -Type Shared.</summary>
        [Parameter]
        [ValidateSet("user", "shared")]
        public string? MailboxPurpose { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireSimulator();
        }

        internal override Task<IReadOnlyList<LicenseSimulatorUserChange>> ApplyAsync(LicenseSimulatorUserPlan plan, IGovernanceSink sink) => Engine.ApplySimulatorUserPlanAsync(plan, sink);

        internal override void WriteResult(LicenseSimulatorUserPlan plan, IReadOnlyList<LicenseSimulatorUserChange> result) => WriteObject(result, enumerateCollection: true);

        protected override void ProcessRecord()
        {
            var request = new SetSimulatorUserRequest { User = User, Property = Plain(Property), MailboxPurpose = MailboxPurpose?.ToLowerInvariant() };
            PlanConfirmApply(sink => Engine.PlanSimulatorUserAsync(request, sink));
        }

        /// <summary>The engine takes plain values: PowerShell's wrappers are taken off here, where they belong.</summary>
        private static IDictionary<string, object?> Plain(IDictionary properties) =>
            properties.Keys.Cast<object>().ToDictionary(k => k.ToString() ?? "", k => Unwrap(properties[k]));

        private static object? Unwrap(object? value) => value switch
        {
            PSObject wrapped => Unwrap(wrapped.BaseObject),
            SwitchParameter flag => flag.IsPresent,
            _ => value,
        };
    }
}
