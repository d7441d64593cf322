using System.Collections.Generic;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>The journal as read: every readable change with its outcome, and how many lines could not be read.</summary>
    internal sealed class JournalContents
    {
        public JournalContents(IReadOnlyList<JournalEntry> entries, int unreadable, long firstUnreadableLine)
        {
            Entries = entries;
            Unreadable = unreadable;
            FirstUnreadableLine = firstUnreadableLine;
        }

        /// <summary>In the order recorded.</summary>
        public IReadOnlyList<JournalEntry> Entries { get; }

        /// <summary>Lines left out: not JSON, not a change or outcome of the expected shape, or an outcome of no change.</summary>
        public int Unreadable { get; }

        /// <summary>The 1-based line number of the first line left out; 0 when none was.</summary>
        public long FirstUnreadableLine { get; }
    }
}
