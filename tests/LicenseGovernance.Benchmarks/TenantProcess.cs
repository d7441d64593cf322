using System.Diagnostics;
using System.Globalization;
using System.Security;
using LicenseGovernance.Engine;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Benchmarks;

/// <summary>Starts this program again as "serve" and talks to it over stdin/stdout.</summary>
internal sealed class TenantProcess : IDisposable
{
    private readonly Process _process;

    private TenantProcess(Process process, Uri baseAddress, string token, TimeSpan seeding)
    {
        _process = process;
        BaseAddress = baseAddress;
        Token = token;
        Seeding = seeding;
    }

    public Uri BaseAddress { get; }

    public string Token { get; }

    /// <summary>How long the child took to build its tenant (and settle its background licensing).</summary>
    public TimeSpan Seeding { get; }

    public static TenantProcess Start(string scenario, int size, int latencyMs)
    {
        var self = typeof(TenantProcess).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", $"\"{self}\" serve {scenario} {size} {latencyMs}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("Cannot start the tenant process.");
        var ready = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The tenant process ended before it was ready.");
        var parts = ready.Split(' ');
        if (parts.Length != 4 || parts[0] != "READY")
        {
            throw new InvalidOperationException("Unexpected answer from the tenant process: " + ready);
        }

        return new TenantProcess(process, new Uri(parts[1]), parts[2], TimeSpan.FromSeconds(double.Parse(parts[3], CultureInfo.InvariantCulture)));
    }

    /// <summary>An engine signed in to the child's tenant with its access token, as an administrator's runbook would be.</summary>
    /// <param name="settingsDirectory">Where its journal and settings live; by default one folder every benchmark shares.</param>
    /// <param name="signInReads">The signInActivity limits the child's tenant enforces (its scale, or none); Graph's when null.</param>
    public async Task<GovernanceEngine> ConnectEngineAsync(string? settingsDirectory = null, SignInReadLimits? signInReads = null)
    {
        var engine = new GovernanceEngine(new EngineOptions
        {
            SettingsDirectory = settingsDirectory ?? Path.Combine(Path.GetTempPath(), "lg-bench"),
            SignInReads = signInReads ?? new SignInReadLimits(),
        });
        var token = new SecureString();
        foreach (var c in Token)
        {
            token.AppendChar(c);
        }

        var sink = new CollectingSink { KeepObjects = false, KeepMessages = false };
        await engine.ConnectAsync(new ConnectRequest { Method = AuthenticationMethod.AccessToken, AccessToken = token, GraphEndpoint = BaseAddress, IsInteractiveHost = false }, sink);
        if (sink.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", sink.Errors));
        }

        return engine;
    }

    public long Requests() => Stat(1);

    /// <summary>HTTP requests as sent: a $batch counts once (<see cref="Requests"/> counts each of its items too).</summary>
    public long HttpRequests() => Stat(3);

    /// <summary>Requests the tenant refused with 429.</summary>
    public long Throttled() => Stat(2);

    /// <summary>Writes that reached the tenant's routes (past throttling), whatever they were answered.</summary>
    public long Writes() => Stat(4);

    /// <summary>Requests by "METHOD /route-template", $batch items included.</summary>
    public IReadOnlyDictionary<string, long> Routes()
    {
        _process.StandardInput.WriteLine("routes");
        var line = (_process.StandardOutput.ReadLine() ?? "ROUTES ").Substring("ROUTES ".Length);
        return line.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
    }

    /// <summary>One figure of the child's STATS line.</summary>
    private long Stat(int field)
    {
        _process.StandardInput.WriteLine("stats");
        var line = _process.StandardOutput.ReadLine() ?? "";
        return long.Parse(line.Split(' ')[field], CultureInfo.InvariantCulture);
    }

    public void ResetStatistics()
    {
        _process.StandardInput.WriteLine("reset");
        _process.StandardOutput.ReadLine();
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
