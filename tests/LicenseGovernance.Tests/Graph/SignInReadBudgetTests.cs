using LicenseGovernance.Engine.Graph;
using Xunit;

namespace LicenseGovernance.Tests.Graph;

/// <summary>The pacer's read budget for signInActivity: a known bucket, spent ahead, emptied by a 429.</summary>
public sealed class SignInReadBudgetTests
{
    private DateTimeOffset _now = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private WritePacer Pacer() => new WritePacer(() => _now, (delay, _) =>
    {
        _now += delay;
        return Task.CompletedTask;
    }, new SignInReadLimits());

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
