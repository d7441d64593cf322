using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>Follows @odata.nextLink from a first page, handing each item on as its page arrives.</summary>
    internal static class GraphPages
    {
        /// <param name="onItem">Return false to stop early.</param>
        /// <param name="configureNext">Headers the follow-up requests need too (ConsistencyLevel), since nextLink carries only the query.</param>
        public static async Task ForEachAsync<TEntity, TCollection>(
            GraphSession session, string operation, string capability, TCollection? first, Func<TEntity, bool> onItem,
            CancellationToken cancellation, Func<RequestInformation, RequestInformation>? configureNext = null)
            where TCollection : IParsable, IAdditionalDataHolder, new()
        {
            if (first == null)
            {
                return;
            }

            var iterator = PageIterator<TEntity, TCollection>.CreatePageIterator(
                session.Client, first, item => onItem(item) && !cancellation.IsCancellationRequested, configureNext);
            await session.CallAsync(operation, capability, async _ =>
            {
                await iterator.IterateAsync(cancellation).ConfigureAwait(false);
                return true;
            }, cancellation).ConfigureAwait(false);
            cancellation.ThrowIfCancellationRequested();
        }
    }
}
