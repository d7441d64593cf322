using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Commands.Hosting
{
    /// <summary>
    /// Base of every cmdlet: cancellation (Ctrl+C), the engine, and running engine work through a <see cref="PipelineSink"/>.
    /// Cmdlets declare parameters, resolve their targets, ask ShouldProcess, and hand a request to the engine.
    /// </summary>
    public abstract class LicenseGovernanceCmdlet : PSCmdlet
    {
        private CancellationTokenSource? _cancellation;

        internal ILicenseGovernanceEngine Engine => EngineHost.Engine;

        internal CancellationToken Cancellation => _cancellation?.Token ?? CancellationToken.None;

        protected override void BeginProcessing()
        {
            _cancellation = new CancellationTokenSource();
        }

        protected override void StopProcessing()
        {
            _cancellation?.Cancel();
        }

        protected override void EndProcessing()
        {
            _cancellation?.Dispose();
            _cancellation = null;
        }

        /// <summary>Runs engine work; a <see cref="LicenseGovernanceException"/> ends the command as a terminating error.</summary>
        internal T RunEngine<T>(Func<IGovernanceSink, Task<T>> work)
        {
            var sink = new PipelineSink(this, Cancellation);
            try
            {
                return sink.Run(work);
            }
            catch (LicenseGovernanceException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex.Error));
                throw; // unreachable: ThrowTerminatingError always throws
            }
        }

        internal void RunEngine(Func<IGovernanceSink, Task> work) =>
            RunEngine<bool>(async sink =>
            {
                await work(sink).ConfigureAwait(false);
                return true;
            });

        /// <summary>For one bad item among many: report it and carry on with the next.</summary>
        internal bool TryRunEngine(Func<IGovernanceSink, Task> work)
        {
            var sink = new PipelineSink(this, Cancellation);
            try
            {
                sink.Run(async s =>
                {
                    await work(s).ConfigureAwait(false);
                    return true;
                });
                return true;
            }
            catch (LicenseGovernanceException ex)
            {
                WriteError(ErrorRecords.From(ex.Error));
                return false;
            }
        }

        internal void ThrowParameterError(GovernanceError error) => ThrowTerminatingError(ErrorRecords.From(error));
    }
}
