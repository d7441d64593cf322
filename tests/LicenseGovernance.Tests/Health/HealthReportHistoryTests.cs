using LicenseGovernance.Engine.Health;
using Xunit;

namespace LicenseGovernance.Tests.Health;

/// <summary>How an export finds the trend: earlier reports of the same tenant in the same folder.</summary>
public sealed class HealthReportHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _folder = HealthPaths.NewFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, HealthReport report) => File.WriteAllText(Path.Combine(_folder, name), HealthReportRenderer.Render(report));

    [Fact]
    public void ReportsOfTheSameTenantAreReadOldestFirst_OtherFilesArePassedOver()
    {
        Write("b.html", HealthReportSamples.Report(Now.AddDays(-7), score: 64));
        Write("a.html", HealthReportSamples.Report(Now.AddDays(-14), score: 58));
        Write("other-tenant.html", HealthReportSamples.Report(Now.AddDays(-10), score: 99, tenant: Guid.NewGuid()));
        File.WriteAllText(Path.Combine(_folder, "notes.html"), "<html><body>not a report</body></html>");
        File.WriteAllText(Path.Combine(_folder, "broken.html"), "<script type=\"application/json\" id=\"license-health-data\">{not json</script>");
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        File.WriteAllText(Path.Combine(_folder, "sub", "deeper.html"), HealthReportRenderer.Render(HealthReportSamples.Report(Now.AddDays(-3), score: 1)));
        var verbose = new List<string>();

        var points = HealthReportHistory.Read(_folder, HealthReportSamples.Tenant, verbose.Add);

        Assert.Equal(new[] { 58, 64 }, points.Select(p => p.Score));
        Assert.Contains(verbose, v => v.Contains("broken.html", StringComparison.Ordinal));
    }

    [Fact]
    public void TheHistoryAReportCarriesSurvivesTheOlderFilesBeingRemoved()
    {
        var first = HealthReportSamples.Report(Now.AddDays(-14), score: 58);
        Write("report.html", first);
        var second = HealthReportSamples.Report(Now.AddDays(-7), score: 64, earlier: HealthReportHistory.Read(_folder, HealthReportSamples.Tenant));
        Write("report.html", second); // overwritten, as Export-LicenseHealthReport -Force does

        var points = HealthReportHistory.Read(_folder, HealthReportSamples.Tenant);

        Assert.Equal(new[] { 58, 64 }, points.Select(p => p.Score));
    }

    [Fact]
    public void AtMostTheLatestPointsAreKept()
    {
        var history = Enumerable.Range(0, HealthReportHistory.MaxPoints + 20).Select(i => new HealthTrendPoint { MeasuredAt = Now.AddDays(-200 + i), Score = i % 100 }).ToList();
        Write("long.html", HealthReportSamples.Report(Now, score: 77, earlier: history));

        var points = HealthReportHistory.Read(_folder, HealthReportSamples.Tenant);

        Assert.Equal(HealthReportHistory.MaxPoints, points.Count);
        Assert.Equal(Now, points[^1].MeasuredAt);
        Assert.Equal(77, points[^1].Score);
    }

    [Fact]
    public void AMissingFolderHasNoHistory() => Assert.Empty(HealthReportHistory.Read(Path.Combine(_folder, "missing"), null));

    /// <summary>A data element someone edited (a null date, a score outside 0-100) is passed over like any malformed file, not the end of the export.</summary>
    [Theory]
    [InlineData("{\"format\":1,\"tenantId\":null,\"measuredAt\":null,\"score\":50}")]
    [InlineData("{\"format\":1,\"tenantId\":null,\"measuredAt\":\"2026-11-20T08:00:00Z\",\"score\":5000}")]
    [InlineData("{\"format\":1,\"tenantId\":null,\"measuredAt\":\"2026-11-20T08:00:00Z\",\"score\":50,\"history\":[{\"measuredAt\":null,\"score\":1}]}")]
    public void AnEditedReportIsPassedOver(string json)
    {
        Write("good.html", HealthReportSamples.Report(Now.AddDays(-7), score: 64));
        File.WriteAllText(Path.Combine(_folder, "edited.html"), "<script type=\"application/json\" id=\"license-health-data\">" + json + "</script>");
        var verbose = new List<string>();

        var points = HealthReportHistory.Read(_folder, HealthReportSamples.Tenant, verbose.Add);

        Assert.Equal(new[] { 64 }, points.Select(p => p.Score));
        Assert.Contains(verbose, v => v.Contains("edited.html", StringComparison.Ordinal));
    }
}
