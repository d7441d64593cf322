using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Lifecycle
{
    /// <summary>
    /// Offboards leavers in the safe order: sign-in blocked and sessions revoked, holds checked, the mailbox shared and the
    /// OneDrive handed to the manager before any licence goes, pending requests cancelled, access packages, tiers and
    /// direct licences ended, the money recovered reported. The engine asks ShouldProcess once per user with the plan, so
    /// -WhatIf lists every step. Resumable; Undo-LicenseChange -CorrelationId gives back what it took.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "LicenseOffboarding", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(LicenseOffboardingStep), typeof(LicenseOffboardingSummary))]
    public sealed class StartLicenseOffboardingCommand : PipedUsersCmdlet
    {
        /// <summary>The id comes first among the aliases: PowerShell binds the first property a piped object has.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "UserPrincipalName", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[]? User { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string? Manager { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? NotifyEmail { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SenderMailbox { get; set; }

        [Parameter]
        public SwitchParameter ConvertMailboxToShared { get; set; }

        [Parameter]
        public SwitchParameter SendOneDriveInvitation { get; set; }

        [Parameter]
        public SwitchParameter Summary { get; set; }

        private bool _exchangeConnected;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
            _exchangeConnected = ExchangeOnlineSession.IsConnected(this);
        }

        private protected override string[]? PipedUser => User;

        // One engine run for every piped user: the tenant's SKUs, licence sources and holds are read once.
        private protected override void Run(string[]? users)
        {
            var request = new StartLicenseOffboardingRequest
            {
                User = users ?? System.Array.Empty<string>(),
                Manager = Manager,
                NotifyEmail = NotifyEmail,
                SenderMailbox = SenderMailbox,
                ConvertMailboxToShared = ConvertMailboxToShared,
                SendOneDriveInvitation = SendOneDriveInvitation,
                Summary = Summary,
                WhatIf = WhatIfMode,
            };
            RunEngine(sink =>
            {
                request.Exchange = _exchangeConnected ? ExchangeOnlineSession.For(this, sink) : null;
                return Engine.StartLicenseOffboardingAsync(request, sink);
            });
        }
    }
}
