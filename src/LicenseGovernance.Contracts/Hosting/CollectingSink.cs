using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace LicenseGovernance.Hosting
{
    /// <summary>
    /// A sink that keeps everything the engine says, for hosts other than PowerShell (tests, a C# runbook host).
    /// ShouldProcess answers from <see cref="Decide"/> and records every question, so a caller can see what a
    /// -WhatIf run would have changed.
    /// </summary>
    public sealed class CollectingSink : IGovernanceSink
    {
        private readonly ConcurrentQueue<object> _objects = new ConcurrentQueue<object>();
        private readonly ConcurrentQueue<GovernanceError> _errors = new ConcurrentQueue<GovernanceError>();
        private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _verbose = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _debug = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<GovernanceProgress> _progress = new ConcurrentQueue<GovernanceProgress>();
        private readonly ConcurrentQueue<(string Target, string Action)> _questions = new ConcurrentQueue<(string, string)>();

        public CollectingSink(CancellationToken cancellation = default)
        {
            Cancellation = cancellation;
        }

        /// <summary>Answers ShouldProcess; yes to everything unless replaced (set it to refuse for a -WhatIf run).</summary>
        public Func<string, string, bool> Decide { get; set; } = (_, _) => true;

        /// <summary>Called for each object as it is written, before it is kept; lets a caller measure streaming.</summary>
        public Action<object>? OnObject { get; set; }

        /// <summary>When false, objects are counted but not kept (for streaming very large results).</summary>
        public bool KeepObjects { get; set; } = true;

        /// <summary>
        /// When false, verbose and debug messages are dropped, as a PowerShell host drops them unless asked to show them
        /// (a scan may say something about every user it passes over).
        /// </summary>
        public bool KeepMessages { get; set; } = true;

        public long ObjectCount => Interlocked.Read(ref _objectCount);

        private long _objectCount;

        public CancellationToken Cancellation { get; }

        /// <summary>What the change journal records as the command; tests may set it.</summary>
        public string? CommandName { get; set; }

        public IReadOnlyList<object> Objects => _objects.ToList();

        public IReadOnlyList<GovernanceError> Errors => _errors.ToList();

        public IReadOnlyList<string> Warnings => _warnings.ToList();

        public IReadOnlyList<string> Verbose => _verbose.ToList();

        public IReadOnlyList<string> Debug => _debug.ToList();

        public IReadOnlyList<GovernanceProgress> Progress => _progress.ToList();

        public IReadOnlyList<(string Target, string Action)> ShouldProcessQuestions => _questions.ToList();

        public IEnumerable<T> Of<T>() => _objects.OfType<T>();

        public void WriteObject(object item)
        {
            Interlocked.Increment(ref _objectCount);
            OnObject?.Invoke(item);
            if (KeepObjects)
            {
                _objects.Enqueue(item);
            }
        }

        public void WriteError(GovernanceError error) => _errors.Enqueue(error);

        public void WriteWarning(string message) => _warnings.Enqueue(message);

        public void WriteVerbose(string message)
        {
            if (KeepMessages)
            {
                _verbose.Enqueue(message);
            }
        }

        public void WriteDebug(string message)
        {
            if (KeepMessages)
            {
                _debug.Enqueue(message);
            }
        }

        public void WriteProgress(GovernanceProgress progress) => _progress.Enqueue(progress);

        public bool ShouldProcess(string target, string action)
        {
            _questions.Enqueue((target, action));
            return Decide(target, action);
        }
    }
}
