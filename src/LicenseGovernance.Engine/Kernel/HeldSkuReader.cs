using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>The SKUs a few users hold now, read in one $batch rather than one request each.</summary>
    internal static class HeldSkuReader
    {
        /// <summary>One set per user, in order (up to 20 users); null for a user Graph did not answer about.</summary>
        public static async Task<IReadOnlyList<HashSet<Guid>?>> ReadAsync(GraphSession session, IReadOnlyList<string> userIds, CancellationToken cancellation)
        {
            var answers = await GraphBatch.SendAsync(session, "read users' licences", "ReadUsers",
                userIds.Select(id => new GraphBatch.Request("GET", "/users/" + id + "?$select=id,assignedLicenses", null)).ToList(), cancellation).ConfigureAwait(false);
            return answers.Select(a =>
            {
                if (!a.Outcome.Succeeded || a.Body == null || !a.Body.Value.TryGetProperty("assignedLicenses", out var licenses))
                {
                    return null;
                }

                var held = new HashSet<Guid>();
                foreach (var license in licenses.EnumerateArray())
                {
                    if (license.TryGetProperty("skuId", out var id) && Guid.TryParse(id.GetString(), out var skuId))
                    {
                        held.Add(skuId);
                    }
                }

                return held;
            }).ToList();
        }
    }
}
