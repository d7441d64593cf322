using LicenseGovernance.Engine.Graph;
using Xunit;

namespace LicenseGovernance.Tests.Graph;

/// <summary>The write pacer's first rate once Graph reports pressure.</summary>
public sealed class WritePacerTests
{
    private DateTimeOffset _now = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private WritePacer Pacer() => new WritePacer(() => _now, (delay, _) =>
    {
        _now += delay;
        return Task.CompletedTask;
    });

    [Fact]
    public void AStray429WhileUseIsLowDoesNotSetTheRateHeldOnceASmallBudgetRunsLow()
    {
        var pacer = Pacer();
        // A 429 under load, far below the quota: the pacer backs off from the documented rate, then runs unpaced again.
        pacer.Observe(accepted: 5, throttled: 1, TimeSpan.FromSeconds(2), usage: null);
        pacer.Observe(accepted: 20, throttled: 0, TimeSpan.Zero, usage: null);
        Assert.Null(pacer.Rate);

        // 205 writes used 82% of the budget: about 250 writes, refilled over 150 s, which is some 1.7 a second.
        pacer.Observe(accepted: 180, throttled: 0, TimeSpan.Zero, usage: 0.82);

        Assert.InRange(pacer.Rate!.Value, 1, 205 / 0.82 / 150);
    }

    [Fact]
    public void ARateLearnedUnderPressureIsResumedWhenItIsTheSlower()
    {
        var pacer = Pacer();
        pacer.Observe(accepted: 2400, throttled: 0, TimeSpan.Zero, usage: 0.8);
        var learned = pacer.Rate!.Value;
        pacer.Observe(accepted: 20, throttled: 0, TimeSpan.Zero, usage: 0.99);
        pacer.Observe(accepted: 20, throttled: 0, TimeSpan.Zero, usage: 1.0);
        var braked = pacer.Rate!.Value;
        Assert.True(braked < learned);

        pacer.Observe(accepted: 20, throttled: 0, TimeSpan.Zero, usage: null);
        pacer.Observe(accepted: 20, throttled: 0, TimeSpan.Zero, usage: 0.81);

        Assert.Equal(braked, pacer.Rate!.Value);
    }
}
