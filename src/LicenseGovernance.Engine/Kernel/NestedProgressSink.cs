using System.Threading;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// Hands a shared step (the zombie scan inside the health score) a sink whose progress shows nested under the
    /// caller's own activity; everything else passes through unchanged.
    /// </summary>
    internal sealed class NestedProgressSink : IGovernanceSink
    {
        private readonly IGovernanceSink _inner;
        private readonly int _parentActivityId;

        public NestedProgressSink(IGovernanceSink inner, int parentActivityId)
        {
            _inner = inner;
            _parentActivityId = parentActivityId;
        }

        public string? CommandName => _inner.CommandName;

        public CancellationToken Cancellation => _inner.Cancellation;

        public void WriteProgress(GovernanceProgress progress) =>
            _inner.WriteProgress(progress.ActivityId == _parentActivityId || progress.ParentActivityId >= 0 ? progress : progress.Under(_parentActivityId));

        public void WriteObject(object item) => _inner.WriteObject(item);

        public void WriteError(GovernanceError error) => _inner.WriteError(error);

        public void WriteWarning(string message) => _inner.WriteWarning(message);

        public void WriteVerbose(string message) => _inner.WriteVerbose(message);

        public void WriteDebug(string message) => _inner.WriteDebug(message);

        public bool ShouldProcess(string target, string action) => _inner.ShouldProcess(target, action);
    }
}
