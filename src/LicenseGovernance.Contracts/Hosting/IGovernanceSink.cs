using System.Threading;

namespace LicenseGovernance.Hosting
{
    /// <summary>
    /// Everything the engine may say to its host. The PowerShell adapter queues these calls and replays them on the
    /// pipeline thread; xunit tests use a recording sink. No PowerShell type crosses this boundary.
    /// </summary>
    public interface IGovernanceSink
    {
        void WriteObject(object item);
        void WriteError(GovernanceError error);
        void WriteWarning(string message);
        void WriteVerbose(string message);
        void WriteDebug(string message);
        void WriteProgress(GovernanceProgress progress);

        /// <summary>Asks the host whether a change may go ahead (ShouldProcess). Resolve the target before asking.</summary>
        bool ShouldProcess(string target, string action);

        /// <summary>The cmdlet being run (for the change journal), or null outside PowerShell.</summary>
        string? CommandName { get; }

        /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing).</summary>
        CancellationToken Cancellation { get; }
    }
}
