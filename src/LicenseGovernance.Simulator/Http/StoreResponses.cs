using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// The answers the governance routes (entitlement management, lifecycle workflows) give once a request is authorised:
    /// a filtered collection or one entity read under the store's read lock, or a change made under its write lock.
    /// </summary>
    internal static class StoreResponses
    {
        /// <summary>
        /// The items that pass <c>$filter</c> (clauses with <paramref name="operators"/> on the paths <paramref name="field"/> knows),
        /// in Graph's collection envelope: <paramref name="pageSize"/> to a page with an <c>@odata.nextLink</c> while more
        /// follow, or all on one page when it is null.
        /// </summary>
        public static SimResponse Collection<T>(RequestContext ctx, Func<TenantStore, IEnumerable<T>> items, Func<T, string, string?> field, string[] operators, Action<Utf8JsonWriter, T> write, int? pageSize = null)
        {
            var filter = FilterClause.Parse(ctx.Query.Filter, operators);
            var store = ctx.Store;
            var start = pageSize == null ? 0 : Paging.ParsePositionToken(ctx.Query.SkipToken);
            return store.Read(() =>
            {
                bool Matches(T x) => filter.All(clause => clause.Matches(field(x, clause.Path) ?? throw Unsupported(clause.Path)));
                var (page, next) = Page(items(store), start, pageSize ?? int.MaxValue, Matches);
                return new SimResponse(200, GraphJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("@odata.context", ctx.ServiceRoot + "/$metadata#" + string.Join("/", ctx.Segments));
                    w.WriteStartArray("value");
                    foreach (var item in page)
                    {
                        write(w, item);
                    }

                    w.WriteEndArray();
                    if (next != null)
                    {
                        w.WriteString("@odata.nextLink", Paging.PositionLink(ctx, string.Join("/", ctx.Segments), next.Value));
                    }

                    w.WriteEndObject();
                }));
            });
        }

        /// <summary>
        /// Up to <paramref name="size"/> matching items from position <paramref name="start"/> of the whole collection, and the
        /// position the next page starts from when another match follows. Positions count the unfiltered collection, so a
        /// page of a large list costs only what it reads (these collections only grow, apart from packages and policies
        /// deleted by an administrator).
        /// </summary>
        private static (List<T> Page, int? Next) Page<T>(IEnumerable<T> all, int start, int size, Func<T, bool> matches)
        {
            var page = new List<T>();
            var position = start;
            foreach (var item in all is IList<T> list ? Enumerable.Range(start, Math.Max(0, list.Count - start)).Select(i => list[i]) : all.Skip(start))
            {
                if (matches(item))
                {
                    if (page.Count == size)
                    {
                        return (page, position);
                    }

                    page.Add(item);
                }

                position++;
            }

            return (page, null);
        }

        public static SimResponse Entity<T>(RequestContext ctx, Func<TenantStore, T> find, Action<Utf8JsonWriter, T> write)
        {
            var store = ctx.Store;
            return store.Read(() =>
            {
                var item = find(store);
                return new SimResponse(200, GraphJson.Write(w => write(w, item)));
            });
        }

        /// <summary>Makes the change and answers 204 No Content.</summary>
        public static SimResponse Changed(RequestContext ctx, Action<TenantStore> change)
        {
            ctx.Store.Write(() =>
            {
                change(ctx.Store);
                return 0;
            });
            return SimResponse.NoContent();
        }

        private static GraphServiceError Unsupported(string path) => GraphServiceError.UnsupportedQuery($"Filtering on '{path}' is not supported on this collection.");
    }
}
