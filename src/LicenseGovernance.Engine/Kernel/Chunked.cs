using System;
using System.Collections.Generic;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>A list cut into consecutive pieces: the batches that Graph's per-request limits (20 per $batch or PATCH) ask for.</summary>
    internal static class Chunked
    {
        public static IEnumerable<List<T>> Of<T>(List<T> items, int size)
        {
            for (var i = 0; i < items.Count; i += size)
            {
                yield return items.GetRange(i, Math.Min(size, items.Count - i));
            }
        }
    }
}
