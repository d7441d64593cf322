using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Commands.Lifecycle
{
    /// <summary>
    /// Exchange Online through the ExchangeOnlineManagement module connected in the caller's PowerShell session: its
    /// Get-Mailbox and Set-Mailbox, run on the pipeline thread (the engine calls from its worker thread), so the engine
    /// never touches PowerShell. Found only when Get-ConnectionInformation reports a connected session.
    /// </summary>
    internal sealed class ExchangeOnlineSession : IExchangeOnline
    {
        private static readonly ScriptBlock Connected = ScriptBlock.Create(
            "if (Get-Command Get-ConnectionInformation -ErrorAction Ignore) { @(Get-ConnectionInformation | Where-Object { \"$($_.State)\" -eq 'Connected' }).Count -gt 0 } else { $false }");

        private static readonly ScriptBlock ReadMailbox = ScriptBlock.Create(
            "param($Identity) Get-Mailbox -Identity $Identity -ErrorAction Stop | Select-Object -First 1 RecipientTypeDetails, LitigationHoldEnabled, InPlaceHolds");

        private static readonly ScriptBlock SetShared = ScriptBlock.Create("param($Identity) Set-Mailbox -Identity $Identity -Type Shared -ErrorAction Stop");

        private readonly PSCmdlet _cmdlet;
        private readonly PipelineSink _sink;

        private ExchangeOnlineSession(PSCmdlet cmdlet, PipelineSink sink)
        {
            _cmdlet = cmdlet;
            _sink = sink;
        }

        /// <summary>Whether the caller's session has Exchange Online connected; call on the pipeline thread.</summary>
        public static bool IsConnected(PSCmdlet cmdlet) =>
            cmdlet.InvokeCommand.InvokeScript(false, Connected, null).Select(o => o?.BaseObject).OfType<bool>().FirstOrDefault();

        public static IExchangeOnline For(PSCmdlet cmdlet, IGovernanceSink sink) => new ExchangeOnlineSession(cmdlet, (PipelineSink)sink);

        public ExchangeMailbox? GetMailbox(string identity) => _sink.OnPipelineThread(() =>
        {
            try
            {
                var found = _cmdlet.InvokeCommand.InvokeScript(false, ReadMailbox, null, identity).FirstOrDefault();
                return found == null ? null : new ExchangeMailbox
                {
                    RecipientTypeDetails = found.Properties["RecipientTypeDetails"]?.Value?.ToString() ?? "",
                    LitigationHoldEnabled = LanguagePrimitives.IsTrue(found.Properties["LitigationHoldEnabled"]?.Value),
                    InPlaceHolds = Holds(found.Properties["InPlaceHolds"]?.Value),
                };
            }
            catch (RuntimeException ex) when (ex.ErrorRecord?.CategoryInfo.Category == ErrorCategory.ObjectNotFound || ex.ErrorRecord?.FullyQualifiedErrorId?.Contains("NotFound") == true)
            {
                // Exchange's own words for a user without a mailbox: nothing to share or to keep.
                return null;
            }
        });

        public void ConvertToShared(string identity) => _sink.OnPipelineThread(() => _cmdlet.InvokeCommand.InvokeScript(false, SetShared, null, identity));

        private static ItemList<string> Holds(object? value)
        {
            var holds = new ItemList<string>();
            foreach (var hold in (value is PSObject wrapped ? wrapped.BaseObject : value) is IEnumerable list && !(value is string) ? list.Cast<object?>() : new[] { value })
            {
                if (hold != null && hold.ToString()!.Length > 0)
                {
                    holds.Add(hold.ToString()!);
                }
            }

            return holds;
        }
    }
}
