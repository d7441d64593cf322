using System.Threading;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>
    /// The run's sink for the offboarding engine once Sync-WorkforceLicense has asked about the leaver itself: the person
    /// was confirmed (or -WhatIf stopped them) already, so the offboarding's own question is answered yes, not asked twice.
    /// </summary>
    internal sealed class ConfirmedSink : IGovernanceSink
    {
        private readonly IGovernanceSink _inner;

        public ConfirmedSink(IGovernanceSink inner)
        {
            _inner = inner;
        }

        public string? CommandName => _inner.CommandName;

        public CancellationToken Cancellation => _inner.Cancellation;

        public void WriteObject(object item) => _inner.WriteObject(item);

        public void WriteError(GovernanceError error) => _inner.WriteError(error);

        public void WriteWarning(string message) => _inner.WriteWarning(message);

        public void WriteVerbose(string message) => _inner.WriteVerbose(message);

        public void WriteDebug(string message) => _inner.WriteDebug(message);

        public void WriteProgress(GovernanceProgress progress) => _inner.WriteProgress(progress);

        public bool ShouldProcess(string target, string action) => true;
    }
}
