namespace LicenseGovernance.Benchmarks;

/// <summary>Samples managed heap size every 2 ms from a full collection until stopped, and keeps the highest reading.</summary>
internal sealed class PeakMemory
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peak;

    private PeakMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _peak = GC.GetTotalMemory(false);
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, GC.GetTotalMemory(false));
                await Task.Delay(2);
            }
        });
    }

    public static PeakMemory Start() => new();

    /// <summary>The peak seen, and what is still reachable after a full collection (what the run keeps).</summary>
    public async Task<(long Peak, long End)> StopAsync()
    {
        _stop.Cancel();
        await _sampler;
        _stop.Dispose();
        var peak = Math.Max(_peak, GC.GetTotalMemory(false));
        return (peak, GC.GetTotalMemory(true));
    }
}
