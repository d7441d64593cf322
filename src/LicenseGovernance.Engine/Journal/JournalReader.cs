using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// Builds the changes and their outcomes from the journal's lines. A line it cannot use (not JSON, a change or outcome
    /// of the wrong shape, the payload of a reversible operation that its reverser cannot read, a second line with a
    /// change's id, an outcome of no change) is counted and left out; every other line is still read.
    /// </summary>
    internal sealed class JournalReader
    {
        private readonly List<JournalEntry> _entries = new List<JournalEntry>();
        private readonly Dictionary<Guid, JournalEntry> _byId = new Dictionary<Guid, JournalEntry>();
        private readonly List<(long Line, (Guid Id, DateTimeOffset Time, string? Error, string? ReconciledBy) Outcome)> _outcomes =
            new List<(long, (Guid, DateTimeOffset, string?, string?))>();

        /// <summary>Ids of the changes read and not kept (only with a filter): a second line with one is still unreadable.</summary>
        private readonly HashSet<Guid> _dropped = new HashSet<Guid>();
        private readonly Func<JournalEntry, bool>? _keep;
        private int _unreadable;
        private long _firstUnreadable;

        private JournalReader(Func<JournalEntry, bool>? keep)
        {
            _keep = keep;
        }

        /// <param name="lines">Each line's 1-based number and text; null text for a line that is not valid UTF-8.</param>
        /// <param name="keep">
        /// When given, only the changes it accepts are kept, with their outcomes; the others are read (a second line with
        /// their id is still unreadable) and dropped, so a caller that needs a few changes does not hold a journal of years.
        /// It sees a change before its outcome is known.
        /// </param>
        public static JournalContents Read(IEnumerable<(long Number, string? Text)> lines, Func<JournalEntry, bool>? keep = null)
        {
            var reader = new JournalReader(keep);
            foreach (var (number, text) in lines)
            {
                reader.Add(number, text);
            }

            return reader.Finish();
        }

        private void Add(long number, string? text)
        {
            if (text != null && string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            if (text == null || !TryAdd(number, text))
            {
                Unreadable(number);
            }
        }

        private bool TryAdd(long number, string text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                switch (JournalLine.Kind(root))
                {
                    case JournalLine.Change:
                        return AddChange(JournalLine.ReadChange(root));
                    case JournalLine.Outcome:
                        var outcome = JournalLine.ReadOutcome(root);
                        if (outcome != null && !_dropped.Contains(outcome.Value.Id))
                        {
                            _outcomes.Add((number, outcome.Value));
                        }

                        return outcome != null;
                    default:
                        return false;
                }
            }
            catch (JsonException)
            {
                // A line cut short by a crash, or edited by hand: the rest of the record still counts.
                return false;
            }
        }

        private bool AddChange(JournalEntry? entry)
        {
            if (entry == null || _byId.ContainsKey(entry.Id) || _dropped.Contains(entry.Id) || ChangeReversers.Find(entry.Operation)?.CanRead(entry) == false)
            {
                return false;
            }

            if (_keep != null && !_keep(entry))
            {
                _dropped.Add(entry.Id);
                return true;
            }

            entry.Sequence = _entries.Count + 1;
            _entries.Add(entry);
            _byId[entry.Id] = entry;
            return true;
        }

        private JournalContents Finish()
        {
            foreach (var (line, outcome) in _outcomes)
            {
                if (!_byId.TryGetValue(outcome.Id, out var entry))
                {
                    Unreadable(line);
                }
                else if (outcome.ReconciledBy == null || entry.Status == LicenseChangeStatus.Unknown || entry.ReconciledBy != null)
                {
                    // The run that made a change saw its outcome; one found in the tenant later never overrides that.
                    entry.Status = outcome.Error == null ? LicenseChangeStatus.Succeeded : LicenseChangeStatus.Failed;
                    entry.Error = outcome.Error;
                    entry.CompletedAt = outcome.Time;
                    entry.ReconciledBy = outcome.ReconciledBy;
                }
            }

            foreach (var reversal in _entries.Where(e => e.UndoOf.HasValue && e.Status == LicenseChangeStatus.Succeeded))
            {
                if (_byId.TryGetValue(reversal.UndoOf!.Value, out var original))
                {
                    original.UndoneBy = reversal.Id;
                }
            }

            return new JournalContents(_entries, _unreadable, _firstUnreadable);
        }

        private void Unreadable(long line)
        {
            _unreadable++;
            _firstUnreadable = _firstUnreadable == 0 ? line : Math.Min(_firstUnreadable, line);
        }
    }
}
