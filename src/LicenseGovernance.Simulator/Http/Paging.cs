using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// Serves one page of a collection. Collections keep creation order and the $skiptoken carries the sequence number
    /// of the last item served, so a page resumes by binary search and concurrent inserts never shift it.
    /// </summary>
    internal static class Paging
    {
        public static int PageSize(RequestContext ctx)
        {
            var options = ctx.Tenant.Options;
            var top = ctx.Query.Top;
            if (top.HasValue && (top.Value < 1 || top.Value > options.MaxPageSize))
            {
                throw GraphServiceError.UnsupportedQuery($"Invalid page size specified: '{top.Value}'. Must be between 1 and {options.MaxPageSize} inclusive.");
            }

            return top ?? options.DefaultPageSize;
        }

        /// <param name="allowExpand">The route serves the $expand it was given (checked by the route).</param>
        public static void RejectUnsupportedOptions(RequestContext ctx, bool allowExpand = false)
        {
            var q = ctx.Query;
            if (q.HasSkip)
            {
                throw GraphServiceError.BadRequest("'$skip' is not supported by the service.");
            }

            if (q.Search != null && !ctx.IsEventual)
            {
                throw GraphServiceError.UnsupportedQuery("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
            }

            if (q.Search != null || q.OrderBy != null || (q.Expand != null && !allowExpand))
            {
                throw GraphServiceError.UnsupportedQuery("The simulated tenant does not support $search, $orderby or $expand on this collection.");
            }
        }

        public static SimResponse Serve<T>(
            RequestContext ctx,
            string listPath,
            string contextFragment,
            List<T> items,
            Func<T, long> sequence,
            Func<T, bool> include,
            int pageSize,
            Action<Utf8JsonWriter, T> writeItem)
        {
            var after = ParseSkipToken(ctx.Query.SkipToken);
            var body = GraphJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("@odata.context", ctx.ServiceRoot + "/$metadata#" + contextFragment);
                // The count on the first page only: counting the whole collection again for each page made a listing of
                // N items cost N * N / pageSize, and clients read the count from the first page (README, Paging).
                if (ctx.IsAdvancedQuery && !after.HasValue)
                {
                    var count = 0;
                    foreach (var item in items)
                    {
                        if (include(item))
                        {
                            count++;
                        }
                    }

                    w.WriteNumber("@odata.count", count);
                }

                var start = after.HasValue ? IndexAfter(items, sequence, after.Value) : 0;
                var written = 0;
                long lastSequence = 0;
                var more = false;
                w.WriteStartArray("value");
                for (var i = start; i < items.Count; i++)
                {
                    var item = items[i];
                    if (!include(item))
                    {
                        continue;
                    }

                    if (written == pageSize)
                    {
                        more = true;
                        break;
                    }

                    writeItem(w, item);
                    written++;
                    lastSequence = sequence(item);
                }

                w.WriteEndArray();
                if (more)
                {
                    w.WriteString("@odata.nextLink", NextLink(ctx, listPath, lastSequence));
                }

                w.WriteEndObject();
            });
            return new SimResponse(200, body);
        }

        private static string NextLink(RequestContext ctx, string listPath, long lastSequence) =>
            Link(ctx, listPath, "LGS1:" + lastSequence.ToString(CultureInfo.InvariantCulture));

        private static string Link(RequestContext ctx, string listPath, string tokenText)
        {
            var link = new StringBuilder(ctx.ServiceRoot).Append('/').Append(listPath).Append('?');
            foreach (var pair in ctx.Query.RawPairsWithoutSkipToken)
            {
                link.Append(pair).Append('&');
            }

            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(tokenText)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return link.Append("$skiptoken=").Append(token).ToString();
        }

        private static string? Decode(string token)
        {
            try
            {
                var s = token.Replace('-', '+').Replace('_', '/');
                return Encoding.UTF8.GetString(Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=')));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>A nextLink whose opaque token carries a position in a collection that only grows (see <see cref="StoreResponses"/>).</summary>
        public static string PositionLink(RequestContext ctx, string listPath, int position) =>
            Link(ctx, listPath, "LGP1:" + position.ToString(CultureInfo.InvariantCulture));

        /// <summary>The position a token of <see cref="PositionLink"/> carries; 0 without a token.</summary>
        public static int ParsePositionToken(string? token)
        {
            if (token == null)
            {
                return 0;
            }

            var text = Decode(token);
            return text != null && text.StartsWith("LGP1:", StringComparison.Ordinal) && int.TryParse(text.Substring(5), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                ? position
                : throw GraphServiceError.BadRequest("The specified page token value has expired or is invalid.");
        }

        private static long? ParseSkipToken(string? token)
        {
            if (token == null)
            {
                return null;
            }

            var text = Decode(token);
            if (text != null && text.StartsWith("LGS1:", StringComparison.Ordinal) && long.TryParse(text.Substring(5), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                return seq;
            }

            throw GraphServiceError.BadRequest("The specified page token value has expired or is invalid.");
        }

        private static int IndexAfter<T>(List<T> list, Func<T, long> sequence, long afterSequence)
        {
            int lo = 0, hi = list.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (sequence(list[mid]) <= afterSequence)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}
