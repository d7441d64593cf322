using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Commands.Hosting
{
    /// <summary>
    /// Tab completion from the connected tenant. A prompt must never hang or fail because Graph is slow or a lookup
    /// fails, so a query gets a short budget and completion offers whatever arrived by then.
    /// </summary>
    internal static class EngineCompletion
    {
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

        private static readonly char[] NeedsQuotes = " \t'\"`$(){}[];,|&@#<>".ToCharArray();

        /// <summary>The objects of type <typeparamref name="T"/> the query wrote within the budget; none when not connected.</summary>
        internal static IReadOnlyList<T> Collect<T>(Func<ILicenseGovernanceEngine, IGovernanceSink, Task> query)
        {
            var engine = EngineHost.Engine;
            if (engine.Context == null)
            {
                return Array.Empty<T>();
            }

            // No timer-based source: it would need disposing while the abandoned query may still read its token.
            var stop = new CancellationTokenSource();
            var sink = new CollectingSink(stop.Token) { Decide = (_, _) => false };
            var work = Task.Run(() => query(engine, sink));

            // A failed lookup offers what arrived before it failed; its exception is observed here and goes no further.
            work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            if (!((IAsyncResult)work).AsyncWaitHandle.WaitOne(Budget))
            {
                stop.Cancel();
            }

            return sink.Of<T>().ToList();
        }

        /// <summary>What the user has typed so far, without the quote they may have opened.</summary>
        internal static string Prefix(string wordToComplete) => (wordToComplete ?? "").Trim('\'', '"');

        internal static bool Matches(string candidate, string prefix) => candidate.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

        /// <summary>A completion that pastes correctly: quoted when the value holds spaces or characters PowerShell would parse.</summary>
        internal static CompletionResult Result(string value, string? tooltip)
        {
            var text = value.IndexOfAny(NeedsQuotes) < 0 ? value : "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'";
            return new CompletionResult(text, value, CompletionResultType.ParameterValue, string.IsNullOrEmpty(tooltip) ? value : tooltip);
        }
    }
}
