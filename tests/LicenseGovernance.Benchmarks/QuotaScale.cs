using System.Globalization;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Simulator.Throttling;

namespace LicenseGovernance.Benchmarks;

/// <summary>
/// The quotas of the benchmarks bound by them (the write quota: migration, zombie removal; the signInActivity read quota:
/// zombies): their time scale passed from the command line to the tenant process, and the line that describes it.
/// </summary>
internal static class QuotaScale
{
    /// <summary>Read by the child: the parent passes the scale through its environment, which the child inherits.</summary>
    private const string Variable = "LICENSEGOVERNANCE_BENCH_QUOTA_SCALE";

    /// <summary>Sizes and --quota-scale N from the arguments; <paramref name="defaultSizes"/> when no size is given.</summary>
    public static (double Scale, List<int> Sizes) Parse(string[] args, int[] defaultSizes, double defaultScale = 1)
    {
        var scale = defaultScale;
        var sizes = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--quota-scale" && i + 1 < args.Length)
            {
                scale = double.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
            }
        }

        if (sizes.Count == 0)
        {
            sizes.AddRange(defaultSizes);
        }

        return (scale, sizes);
    }

    /// <summary>Sets the scale the next tenant process starts with.</summary>
    public static void PassToChild(double scale) => Environment.SetEnvironmentVariable(Variable, scale.ToString(CultureInfo.InvariantCulture));

    /// <summary>In the child: the quota the parent asked for.</summary>
    public static ThrottlingOptions FromParent() =>
        new() { TimeScale = double.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 1 };

    /// <summary>Graph's signInActivity limits as a tenant at this scale applies them (10 reads per 60 s / scale).</summary>
    public static SignInReadLimits SignInReads(double scale) => new() { QuotaWindow = new ThrottlingOptions { TimeScale = scale }.SignInActivityWindow };

    public static string Describe(double scale)
    {
        var quota = new ThrottlingOptions { TimeScale = scale };
        // The binding quota for one app in one tenant is the app+tenant one; the tenant's and the app's, taken from the
        // same options (the simulator's defaults follow https://learn.microsoft.com/en-us/graph/throttling-limits), are looser.
        return $"write quota {quota.WritesPer150Seconds:N0} per {quota.WritesPer150Seconds / quota.WritesPerSecond:0.#} s = {quota.WritesPerSecond:0.#} writes/s"
            + (scale == 1 ? " (Graph's)" : $" (Graph's, {scale:0.#}x faster)")
            + $"; per tenant {quota.TenantWritesPer5Minutes:N0} and per app {quota.ApplicationWritesPer5Minutes:N0} per 5 min, on the same scale";
    }
}
