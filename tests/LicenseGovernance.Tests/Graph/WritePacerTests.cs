using LicenseGovernance.Engine.Graph;
using Xunit;

namespace LicenseGovernance.Tests.Graph;

/// <summary>The write pacer's first rate once Graph reports pressure, and its read budget for signInActivity.</summary>
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

    // The read budget for signInActivity: a known bucket (10 a minute), spent ahead, emptied by a 429.

    [Fact]
    public async Task TenReadsGoAtOnceThenOneEverySixSeconds()
    {
        var pacer = Pacer();
        var start = _now;
        for (var i = 0; i < 10; i++)
        {
            await pacer.AcquireSignInReadAsync(CancellationToken.None);
        }

        Assert.Equal(start, _now);
        await pacer.AcquireSignInReadAsync(CancellationToken.None);
        Assert.Equal(start.AddSeconds(6) + WritePacer.TimerSlack, _now);
        // The slack waited is refilled time too: the next read waits six seconds less it.
        await pacer.AcquireSignInReadAsync(CancellationToken.None);
        Assert.InRange(_now - start, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(12) + (2 * WritePacer.TimerSlack));
    }

    [Fact]
    public async Task A429EmptiesTheBudgetAndNothingGoesBeforeItsRetryAfter()
    {
        var pacer = Pacer();
        await pacer.AcquireSignInReadAsync(CancellationToken.None);
        // Another app or session spent Graph's bucket: ours still holds nine, but Graph's word wins.
        pacer.ObserveSignInRead(throttled: true, TimeSpan.FromSeconds(20));
        var refused = _now;
        await pacer.AcquireSignInReadAsync(CancellationToken.None);
        Assert.Equal(refused.AddSeconds(20) + WritePacer.TimerSlack, _now);
        Assert.Equal(1, pacer.SignInReadsThrottled);
    }

    [Fact]
    public async Task TheTimeLeftCountsWhatTheBudgetHoldsAndTheRateForTheRest()
    {
        var pacer = Pacer();
        Assert.Equal(TimeSpan.Zero, pacer.SignInReadTime(10));
        Assert.Equal(TimeSpan.FromSeconds(60), pacer.SignInReadTime(20));
        for (var i = 0; i < 10; i++)
        {
            await pacer.AcquireSignInReadAsync(CancellationToken.None);
        }

        Assert.Equal(TimeSpan.FromSeconds(120), pacer.SignInReadTime(20));
    }
}
