using LicenseGovernance.Engine.Health;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Tests.Engine;
using Xunit;

namespace LicenseGovernance.Tests.Health;

/// <summary>Export-LicenseHealthReport against a simulated tenant: the file, -Force, -WhatIf, bad paths, the trend, and the page in Chromium.</summary>
public sealed class HealthExportTests : IDisposable
{
    private readonly EngineFixture _fx = new EngineFixture(users: 80);
    private readonly string _folder = HealthPaths.NewFolder();

    public void Dispose()
    {
        _fx.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(string? Path, CollectingSink Sink)> ExportAsync(string name, bool force = false, bool confirm = true)
    {
        var sink = new CollectingSink { Decide = (_, _) => confirm };
        var path = await _fx.Engine.ExportLicenseHealthReportAsync(new ExportLicenseHealthReportRequest { Path = Path.Combine(_folder, name), Force = force }, sink);
        return (path, sink);
    }

    [Fact]
    public async Task TheReportIsWrittenWithTheScoreOfGetLicenseHealth()
    {
        var (path, sink) = await ExportAsync("report.html");

        Assert.Equal(Path.Combine(_folder, "report.html"), path);
        var health = new CollectingSink();
        await _fx.Engine.GetLicenseHealthAsync(new GetLicenseHealthRequest(), health);
        var score = Assert.Single(health.Of<LicenseHealth>()).Score;
        var html = File.ReadAllText(path!);
        Assert.Contains($"aria-label=\"Score {score} of 100\"", html);
        Assert.Contains("SPE_E5", html);
        var (target, action) = Assert.Single(sink.ShouldProcessQuestions);
        Assert.Equal(path, target);
        Assert.Contains($"score {score}, 0 earlier point(s)", action);
        Assert.Single(HealthReportHistory.Read(_folder, Guid.Parse(_fx.Engine.Context!.TenantId!)));
    }

    [Fact]
    public async Task AnExistingFileIsKeptWithoutForce_AndForceOverwritesItWithTheTrend()
    {
        await ExportAsync("report.html");
        var first = File.ReadAllText(Path.Combine(_folder, "report.html"));
        _fx.Tenant.Statistics.Reset();

        var refused = await Assert.ThrowsAsync<LicenseGovernanceException>(() => ExportAsync("report.html"));

        Assert.Equal(ErrorIds.HealthReportExists, refused.Error.Id);
        Assert.Equal(0, _fx.Tenant.Statistics.TotalRequests);
        Assert.Equal(first, File.ReadAllText(Path.Combine(_folder, "report.html")));

        _fx.Tenant.Clock.Advance(TimeSpan.FromDays(7));
        var (path, sink) = await ExportAsync("report.html", force: true);
        Assert.Contains("1 earlier point(s)", Assert.Single(sink.ShouldProcessQuestions).Action);
        var points = HealthReportHistory.Read(_folder, Guid.Parse(_fx.Engine.Context!.TenantId!));
        Assert.Equal(2, points.Count);
        Assert.Contains("aria-label=\"Score over time\"", File.ReadAllText(path!));
    }

    [Fact]
    public async Task WhatIfWritesNothing()
    {
        var (path, sink) = await ExportAsync("whatif.html", confirm: false);

        Assert.Null(path);
        Assert.Single(sink.ShouldProcessQuestions);
        Assert.False(File.Exists(Path.Combine(_folder, "whatif.html")));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task AFolderOrAMissingFolderIsRefusedBeforeTheTenantIsRead()
    {
        _fx.Tenant.Statistics.Reset();
        var missing = await Assert.ThrowsAsync<LicenseGovernanceException>(() => ExportAsync(Path.Combine("missing", "report.html")));
        Assert.Equal(ErrorIds.HealthReportPathInvalid, missing.Error.Id);
        Assert.Contains("does not exist", missing.Error.Message);
        Directory.CreateDirectory(Path.Combine(_folder, "folder.html"));
        var folder = await Assert.ThrowsAsync<LicenseGovernanceException>(() => ExportAsync("folder.html"));
        Assert.Contains("it is a folder", folder.Error.Message);
        Assert.Equal(0, _fx.Tenant.Statistics.TotalRequests);
    }

    /// <summary>
    /// The exported page in headless Chromium: first a page with a deliberate script error, to prove the console is being
    /// read, then the report (with a trend, so every chart is drawn), which must render and log nothing at all.
    /// </summary>
    [ChromiumFact]
    public async Task TheReportRendersInHeadlessChromiumWithoutScriptErrors()
    {
        var broken = Path.Combine(_folder, "broken.htm");
        File.WriteAllText(broken, "<!DOCTYPE html><html><body><p>canary</p><script>undefinedFunction();</script></body></html>");
        var canary = Chromium.Render(broken, Path.Combine(_folder, "broken.png"), 400, 300);
        Assert.True(canary.ConsoleLines.Any(l => l.Contains("Uncaught ReferenceError", StringComparison.Ordinal)),
            "Chromium's console was not captured, so a clean report would prove nothing. Log:\n" + canary.Log);

        await ExportAsync("report.html");
        _fx.Tenant.Clock.Advance(TimeSpan.FromDays(7));
        var (path, _) = await ExportAsync("report.html", force: true);
        var screenshot = Path.Combine(_folder, "report.png");

        var run = Chromium.Render(path!, screenshot);

        Assert.True(run.ExitCode == 0, $"Chromium exited with {run.ExitCode}:\n{run.Log}");
        Assert.True(Chromium.IsPng(screenshot), $"no PNG screenshot at {screenshot}:\n{run.Log}");
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is too small to show the report");
        Assert.True(run.ConsoleLines.Count == 0, "the report logged to the console:\n" + string.Join("\n", run.ConsoleLines));
    }
}
