using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Commands.Hosting
{
    /// <summary>
    /// The one adapter between the engine and PowerShell. The engine runs on a worker thread and may only touch the
    /// pipeline from the pipeline thread, so every call is queued and replayed by <see cref="Run"/>, which the cmdlet
    /// calls on its own thread. ShouldProcess waits for the pipeline thread's answer.
    /// </summary>
    internal sealed class PipelineSink : IGovernanceSink
    {
        private readonly LicenseGovernanceCmdlet _cmdlet;
        private readonly BlockingCollection<Action> _queue = new BlockingCollection<Action>();
        private readonly int _pipelineThread = Environment.CurrentManagedThreadId;

        internal PipelineSink(LicenseGovernanceCmdlet cmdlet, CancellationToken cancellation)
        {
            _cmdlet = cmdlet;
            Cancellation = cancellation;
            CommandName = cmdlet.MyInvocation?.MyCommand?.Name;
        }

        public CancellationToken Cancellation { get; }

        public string? CommandName { get; }

        public void WriteObject(object item) => Post(() => _cmdlet.WriteObject(item));

        public void WriteError(GovernanceError error) => Post(() => _cmdlet.WriteError(ErrorRecords.From(error)));

        public void WriteWarning(string message) => Post(() => _cmdlet.WriteWarning(message));

        public void WriteVerbose(string message) => Post(() => _cmdlet.WriteVerbose(message));

        public void WriteDebug(string message) => Post(() => _cmdlet.WriteDebug(message));

        public void WriteProgress(GovernanceProgress progress) => Post(() =>
        {
            var record = new ProgressRecord(progress.ActivityId, progress.Activity, string.IsNullOrEmpty(progress.Status) ? progress.Activity : progress.Status)
            {
                PercentComplete = progress.PercentComplete,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
                ParentActivityId = progress.ParentActivityId,
            };
            _cmdlet.WriteProgress(record);
        });

        public bool ShouldProcess(string target, string action)
        {
            try
            {
                return OnPipelineThread(() => _cmdlet.ShouldProcess(target, action));
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>
        /// Runs <paramref name="work"/> on the pipeline thread and waits for it, for host calls the engine makes through an
        /// interface the cmdlet implements (Exchange Online's commands); its exception is rethrown here.
        /// </summary>
        internal T OnPipelineThread<T>(Func<T> work)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThread)
            {
                return work();
            }

            var answer = new TaskCompletionSource<T>();
            Post(() =>
            {
                try
                {
                    answer.TrySetResult(work());
                }
                catch (Exception ex)
                {
                    answer.TrySetException(ex);
                }
            });
            answer.Task.Wait(Cancellation);
            return answer.Task.GetAwaiter().GetResult();
        }

        /// <summary>Runs engine work and pumps its output on the calling (pipeline) thread until it ends.</summary>
        internal T Run<T>(Func<IGovernanceSink, Task<T>> work)
        {
            var task = Task.Run(() => work(this));
            task.ContinueWith(_ => _queue.CompleteAdding(), TaskScheduler.Default);

            foreach (var action in _queue.GetConsumingEnumerable())
            {
                action();
            }

            if (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }

            return task.GetAwaiter().GetResult();
        }

        private void Post(Action action)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThread)
            {
                action();
                return;
            }

            try
            {
                _queue.Add(action);
            }
            catch (InvalidOperationException)
            {
                // The run has ended (CompleteAdding); late messages from a cancelled worker have no pipeline left to go to.
            }
        }
    }
}
