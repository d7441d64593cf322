using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Hosting;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>The changes a journal command was asked about: by id, else every one since a time and of one run.</summary>
    internal static class ChangeSelection
    {
        /// <summary>
        /// An id the journal does not hold is a ChangeNotFound error and a correlation id no change has a
        /// CorrelationIdNotFound error (both non-terminating); the other changes are still chosen.
        /// </summary>
        /// <param name="withReversals">Whether a choice by time or run includes changes that reversed others.</param>
        public static List<JournalEntry> Choose(IReadOnlyList<JournalEntry> entries, Guid[]? ids, DateTimeOffset? since, Guid? correlationId, bool withReversals, string path, IGovernanceSink sink)
        {
            if (ids != null && ids.Length > 0)
            {
                var byId = entries.ToDictionary(e => e.Id);
                var chosen = new List<JournalEntry>();
                foreach (var id in ids.Distinct())
                {
                    if (byId.TryGetValue(id, out var entry))
                    {
                        chosen.Add(entry);
                    }
                    else
                    {
                        sink.WriteError(Errors.ChangeNotFound(id, path));
                    }
                }

                return chosen;
            }

            if (correlationId != null && !entries.Any(e => e.CorrelationId == correlationId.Value))
            {
                sink.WriteError(Errors.CorrelationIdNotFound(correlationId.Value, path));
            }

            return entries.Where(e => (withReversals || e.UndoOf == null)
                && (since == null || e.Time >= since.Value)
                && (correlationId == null || e.CorrelationId == correlationId.Value)).ToList();
        }
    }
}
