namespace LicenseGovernance.Benchmarks;

/// <summary>
/// Samples the managed heap every 2 ms from a full collection until stopped, and keeps the highest reading. That reading
/// includes garbage the collector has not yet reclaimed, whose amount follows the collector's own budgets and moves by tens
/// of percent between identical runs; with <see cref="StartLive"/> it also forces a full collection every 10 ms and keeps
/// the highest live size, which is what a run holds.
/// </summary>
internal sealed class PeakMemory
{
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(10);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak;
    private long _peakLive;

    private PeakMemory(bool live)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _peak = GC.GetTotalMemory(false);
        _peakLive = _peak;
        _sampler = Task.Run(async () =>
        {
            var lastLive = DateTime.UtcNow;
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, GC.GetTotalMemory(false));
                if (live && DateTime.UtcNow - lastLive >= LiveInterval)
                {
                    _peakLive = Math.Max(_peakLive, GC.GetTotalMemory(true));
                    lastLive = DateTime.UtcNow;
                }

                await Task.Delay(2);
            }
        });
    }

    public static PeakMemory Start() => new(false);

    /// <summary>Also samples live memory (after a forced full collection) every 10 ms; costs the run some time.</summary>
    public static PeakMemory StartLive() => new(true);

    /// <summary>The peak seen, and what is still reachable after a full collection (what the run keeps).</summary>
    public async Task<(long Peak, long End)> StopAsync()
    {
        _stop.Cancel();
        await _sampler;
        _stop.Dispose();
        var peak = Math.Max(_peak, GC.GetTotalMemory(false));
        return (peak, GC.GetTotalMemory(true));
    }

    /// <summary>The highest live size sampled (only from <see cref="StartLive"/>), at least what is reachable at the end.</summary>
    public long PeakLive => _peakLive;
}
