using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// One write of a walk that both plans and applies (the provisioners of tier packages and tier workflows): while
    /// planning there is no journal and nothing is sent; while applying the write is journaled, with the JSON body it
    /// sends as its after-state, before it is sent. Such writes are shown by Get-LicenseChangeLog but not reversed.
    /// </summary>
    internal static class PlannedWrite
    {
        /// <returns>What <paramref name="send"/> gave, or <paramref name="planned"/> while planning.</returns>
        public static async Task<T> RunAsync<T>(JournalScope? journal, string operation, string targetType, string name, object? before, string body, Func<Task<T>> send, T planned, CancellationToken cancellation) =>
            journal == null
                ? planned
                : await journal.RunAsync(ChangeIntents.Other(operation, targetType, name, name, before, JsonNode.Parse(body)), send, cancellation).ConfigureAwait(false);
    }
}
