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
        internal bool TryRunEngine(Func<IGovernanceSink, Task> work) =>
            TryRunEngine<bool>(async sink =>
            {
                await work(sink).ConfigureAwait(false);
                return true;
            }, out _);

        /// <summary>For one bad item among many: report it and carry on with the next; <paramref name="result"/> is set only on success.</summary>
        internal bool TryRunEngine<T>(Func<IGovernanceSink, Task<T>> work, out T result)
        {
            var sink = new PipelineSink(this, Cancellation);
            try
            {
                result = sink.Run(work);
                return true;
            }
            catch (LicenseGovernanceException ex)
            {
                WriteError(ErrorRecords.From(ex.Error));
                result = default!;
                return false;
            }
        }

        /// <summary>
        /// For cmdlets that report per-item failures without stopping: not being connected is still one terminating
        /// error for the whole command, not one error per piped item.
        /// </summary>
        internal void RequireConnection()
        {
            if (Engine.Context == null)
            {
                ThrowParameterError(Errors.NotConnected());
            }
        }

        /// <summary>
        /// For the rehearsal controls of the simulated tenant: a real tenant (or none) is one terminating error for the whole
        /// command, before anything is asked or piped.
        /// </summary>
        internal void RequireSimulator()
        {
            if (Engine.Context?.IsSimulator != true)
            {
                ThrowParameterError(Errors.SimulatorRequired(MyInvocation.MyCommand.Name));
            }
        }

        /// <summary>
        /// The command runs under -WhatIf, given or inherited through $WhatIfPreference. Engines that ask per item cannot tell
        /// it from a declined confirmation by ShouldProcess's answer alone, and their summaries must say which it was.
        /// </summary>
        internal bool WhatIfMode =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given)
                ? LanguagePrimitives.IsTrue(given)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        internal void ThrowParameterError(GovernanceError error) => ThrowTerminatingError(ErrorRecords.From(error));
    }
}
