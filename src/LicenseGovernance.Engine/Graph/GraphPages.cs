using System;
using System.Collections.Generic;
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
        /// <summary>Every item of every page, from a first page (none when it is null).</summary>
        public static async Task<List<TEntity>> AllAsync<TEntity, TCollection>(GraphSession session, string operation, string capability, TCollection? first, CancellationToken cancellation)
            where TCollection : IParsable, IAdditionalDataHolder, new()
        {
            var items = new List<TEntity>();
            await ForEachAsync<TEntity, TCollection>(session, operation, capability, first, item =>
            {
                items.Add(item);
                return true;
            }, cancellation).ConfigureAwait(false);
            return items;
        }

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
