using System;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// How every wait for group-based licensing paces itself, in one place. Entra gives no per-user signal that it is done,
    /// so a watch polls: soon at first (a few users land within seconds), then less and less often (a large group takes hours).
    /// </summary>
    internal sealed class LicenseWatchTimings
    {
        public LicenseWatchTimings(TimeSpan firstPoll, TimeSpan longestPoll, TimeSpan settleTime, TimeSpan timeout)
        {
            FirstPoll = firstPoll;
            LongestPoll = longestPoll;
            SettleTime = settleTime;
            Timeout = timeout;
        }

        /// <summary>
        /// Poll after 2 s, doubling to one round a minute; a group that never shows a processing state is finished after
        /// 5 minutes complete; a caller that names no timeout waits 30 minutes (Entra processes a tier of thousands in that).
        /// </summary>
        public static LicenseWatchTimings Default { get; } =
            new LicenseWatchTimings(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30));

        /// <summary>The pause after the first round of reads.</summary>
        public TimeSpan FirstPoll { get; }

        /// <summary>The back-off doubles the pause after each round up to this.</summary>
        public TimeSpan LongestPoll { get; }

        /// <summary>
        /// Right after a change a group may still report its previous ProcessingComplete, so a group that shows no other
        /// state counts as finished only once it has stayed complete this long.
        /// </summary>
        public TimeSpan SettleTime { get; }

        /// <summary>How long the watch lasts at most; users not settled by then are Pending.</summary>
        public TimeSpan Timeout { get; }

        public LicenseWatchTimings WithTimeout(TimeSpan timeout) => new LicenseWatchTimings(FirstPoll, LongestPoll, SettleTime, timeout);

        public TimeSpan After(TimeSpan poll) => TimeSpan.FromTicks(Math.Min(poll.Ticks * 2, LongestPoll.Ticks));

        /// <summary>
        /// Reads until <paramref name="done"/> holds or <see cref="Timeout"/> has passed, paced as every watch is, on the
        /// session's clock; <paramref name="betweenRounds"/> runs before each pause. Gives the last read.
        /// </summary>
        public async Task<T> PollAsync<T>(GraphSession session, Func<Task<T>> read, Func<T, bool> done, Func<Task>? betweenRounds, CancellationToken cancellation)
        {
            var deadline = session.Now + Timeout;
            var poll = FirstPoll;
            while (true)
            {
                var last = await read().ConfigureAwait(false);
                if (done(last) || session.Now >= deadline)
                {
                    return last;
                }

                if (betweenRounds != null)
                {
                    await betweenRounds().ConfigureAwait(false);
                }

                await session.WaitAsync(poll, cancellation).ConfigureAwait(false);
                poll = After(poll);
            }
        }
    }
}
