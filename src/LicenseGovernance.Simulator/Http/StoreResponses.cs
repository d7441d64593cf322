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
        /// <summary>The items that pass <c>$filter</c> (clauses with <paramref name="operators"/> on the paths <paramref name="field"/> knows), in Graph's collection envelope.</summary>
        public static SimResponse Collection<T>(RequestContext ctx, Func<TenantStore, IEnumerable<T>> items, Func<T, string, string?> field, string[] operators, Action<Utf8JsonWriter, T> write)
        {
            var filter = FilterClause.Parse(ctx.Query.Filter, operators);
            var store = ctx.Store;
            return store.Read(() =>
            {
                var matched = items(store).Where(x => filter.All(clause => clause.Matches(field(x, clause.Path) ?? throw Unsupported(clause.Path)))).ToList();
                return new SimResponse(200, GraphJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("@odata.context", ctx.ServiceRoot + "/$metadata#" + string.Join("/", ctx.Segments));
                    w.WriteStartArray("value");
                    foreach (var item in matched)
                    {
                        write(w, item);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
            });
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
