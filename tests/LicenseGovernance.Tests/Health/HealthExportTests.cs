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

    /// <summary>
    /// The report as a finance reader sees it at 1280 pixels: nothing wider than the page (no column behind a scrollbar),
    /// every headline figure on it (the underused-premium saving of document 001 among them), and two points measured
    /// seconds apart told apart on the trend's axis. A copy of the page gets a script that measures and logs one line.
    /// </summary>
    [ChromiumFact]
    public async Task AtTwelveEightyPixelsNothingOverflowsAndEveryHeadlineFigureIsOnThePage()
    {
        await ExportAsync("report.html");
        _fx.Tenant.Clock.Advance(TimeSpan.FromSeconds(30));
        var (path, _) = await ExportAsync("report.html", force: true);
        var health = new CollectingSink();
        await _fx.Engine.GetLicenseHealthAsync(new GetLicenseHealthRequest(), health);
        var h = Assert.Single(health.Of<LicenseHealth>());
        var underused = new CollectingSink();
        await _fx.Engine.GetUnderusedLicensesAsync(new GetUnderusedLicenseRequest(), underused);
        var saving = underused.Of<UnderusedLicense>().Sum(u => u.MonthlySaving ?? 0);
        Assert.True(saving > 0, "the tenant has no underused premium seat, so the saving's figure would prove nothing");
        var currency = h.Currency ?? "";
        var figures = new[]
        {
            h.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), HealthCalculator.Money(h.MonthlySpend, currency), HealthCalculator.Money(h.MonthlyWaste, currency),
            HealthCalculator.Money(h.MonthlyWaste * 12, currency), h.LicensedUsers.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            HealthCalculator.Money(saving, currency), HealthCalculator.Money(saving * 12, currency),
        };

        var measured = Path.Combine(_folder, "measured.htm");
        var probe = "<script>(function(){var figures=" + System.Text.Json.JsonSerializer.Serialize(figures) + ";var text=document.body.innerText;" +
            "var wide=[].slice.call(document.querySelectorAll('main,section,header,table')).filter(function(e){return e.scrollWidth>e.clientWidth+1;}).map(function(e){return e.id||e.className||e.tagName;});" +
            "var axis=[].slice.call(document.querySelectorAll('#trend svg text.axis')).slice(-2).map(function(t){return t.textContent;});" +
            "console.log('LG-MEASURE '+JSON.stringify({page:document.documentElement.scrollWidth>window.innerWidth,wide:wide,missing:figures.filter(function(f){return text.indexOf(f)<0;}),axis:axis}));})();</script>";
        File.WriteAllText(measured, File.ReadAllText(path!).Replace("</body>", probe + "</body>"));

        var run = Chromium.Render(measured, Path.Combine(_folder, "measured.png"), 1280, 2000);

        var line = run.ConsoleLines.SingleOrDefault(l => l.Contains("LG-MEASURE", StringComparison.Ordinal));
        Assert.True(line != null, "the measuring script logged nothing:\n" + run.Log);
        var json = line!.Substring(line.IndexOf("LG-MEASURE ", StringComparison.Ordinal) + 11);
        json = json.Substring(0, json.LastIndexOf('}') + 1).Replace("\\\"", "\"");
        using var result = System.Text.Json.JsonDocument.Parse(json);
        Assert.False(result.RootElement.GetProperty("page").GetBoolean(), "the page is wider than 1280 pixels: " + json);
        Assert.Equal(0, result.RootElement.GetProperty("wide").GetArrayLength());
        Assert.Equal(0, result.RootElement.GetProperty("missing").GetArrayLength());
        var axis = result.RootElement.GetProperty("axis").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(2, axis.Count);
        Assert.NotEqual(axis[0], axis[1]);
    }
}
