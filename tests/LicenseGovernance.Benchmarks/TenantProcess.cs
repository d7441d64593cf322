using System.Diagnostics;

namespace LicenseGovernance.Benchmarks;

/// <summary>Starts this program again as "serve" and talks to it over stdin/stdout.</summary>
internal sealed class TenantProcess : IDisposable
{
    private readonly Process _process;

    private TenantProcess(Process process, Uri baseAddress, string token)
    {
        _process = process;
        BaseAddress = baseAddress;
        Token = token;
    }

    public Uri BaseAddress { get; }

    public string Token { get; }

    public static TenantProcess Start(int users, int latencyMs)
    {
        var self = typeof(TenantProcess).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", $"\"{self}\" serve {users} {latencyMs}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("Cannot start the tenant process.");
        var ready = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The tenant process ended before it was ready.");
        var parts = ready.Split(' ');
        if (parts.Length != 3 || parts[0] != "READY")
        {
            throw new InvalidOperationException("Unexpected answer from the tenant process: " + ready);
        }

        return new TenantProcess(process, new Uri(parts[1]), parts[2]);
    }

    public long Requests()
    {
        _process.StandardInput.WriteLine("stats");
        var line = _process.StandardOutput.ReadLine() ?? "";
        return long.Parse(line.Split(' ')[1]);
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
