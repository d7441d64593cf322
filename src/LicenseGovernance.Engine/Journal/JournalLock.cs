using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// Keeps appends to one journal apart across processes (two runbooks on one Hybrid Worker, a scheduled run beside an
    /// administrator's session). The lock is an open handle on the sidecar file "&lt;journal&gt;.lock", opened with
    /// FileShare.None: Windows refuses a second such open with a sharing violation, and .NET on Linux and macOS takes
    /// flock(LOCK_EX) on it. Either way the operating system drops the lock when the handle closes or its process dies, so
    /// a killed run leaves no lock behind: the file stays, and its existence means nothing. A sidecar rather than the
    /// journal itself, so that readers (and anyone tailing the journal) never hold up a writer.
    /// </summary>
    internal sealed class JournalLock : IDisposable
    {
        /// <summary>How long a writer waits for the lock before it gives up and says so.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

        private const int FirstPauseMs = 1;
        private const int LongestPauseMs = 50;

        /// <summary>Threads of one process queue here rather than retrying the file against each other.</summary>
        private static readonly object ProcessGate = new object();

        private readonly FileStream _handle;

        private JournalLock(FileStream handle)
        {
            _handle = handle;
        }

        public static string PathFor(string journalPath) => journalPath + ".lock";

        /// <summary>Waits, with a growing jittered pause, up to <paramref name="timeout"/>; then throws an IOException that names the lock file.</summary>
        public static JournalLock Acquire(string journalPath, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            if (!Monitor.TryEnter(ProcessGate, timeout))
            {
                throw Busy(journalPath, timeout);
            }

            try
            {
                return new JournalLock(OpenExclusive(PathFor(journalPath), timeout - clock.Elapsed, journalPath, timeout));
            }
            catch
            {
                Monitor.Exit(ProcessGate);
                throw;
            }
        }

        public void Dispose()
        {
            _handle.Dispose();
            Monitor.Exit(ProcessGate);
        }

        private static FileStream OpenExclusive(string lockPath, TimeSpan left, string journalPath, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            var pause = FirstPauseMs;
            Random? jitter = null;
            while (true)
            {
                try
                {
                    return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException ex) when (IsHeldByAnother(ex))
                {
                    if (clock.Elapsed >= left)
                    {
                        throw Busy(journalPath, timeout);
                    }
                }

                // Jitter keeps two waiting processes from retrying in step.
                jitter ??= new Random(Guid.NewGuid().GetHashCode());
                Thread.Sleep(jitter.Next(pause, pause * 2 + 1));
                pause = Math.Min(pause * 2, LongestPauseMs);
            }
        }

        /// <summary>A folder or drive that is not there will not appear by waiting; anything else may be another holder.</summary>
        private static bool IsHeldByAnother(IOException ex) =>
            !(ex is FileNotFoundException || ex is DirectoryNotFoundException || ex is PathTooLongException || ex is DriveNotFoundException);

        private static IOException Busy(string journalPath, TimeSpan timeout) =>
            new IOException($"another process has held its lock file '{PathFor(journalPath)}' for {timeout.TotalSeconds:0.#} s; wait for that command to finish, then run this one again");
    }
}
