using System.Text.RegularExpressions;
using LicenseGovernance.Engine.Health;
using Xunit;

namespace LicenseGovernance.Tests.Health;

/// <summary>The HTML report as a pure function of its model: structure, encoding, self-containment, charts.</summary>
public class HealthReportRendererTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ThePageHasTheScoreTheComponentsAndEveryChartWithItsTable()
    {
        var earlier = new[] { new HealthTrendPoint { MeasuredAt = Now.AddDays(-14), Score = 60, MonthlyWaste = 2500m, Currency = "USD" } };
        var html = HealthReportRenderer.Render(HealthReportSamples.Report(Now, score: 72, earlier: earlier));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html);
        Assert.EndsWith("</html>\n", html);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.Contains("aria-label=\"Score 72 of 100\"", html);
        Assert.Contains("grade C", html);
        foreach (var name in new[] { "Waste", "LicenseErrors", "DirectAssignments", "Ungoverned", "ConflictingTiers" })
        {
            Assert.Contains("<td><b>" + name + "</b>", html);
        }

        Assert.Contains("<code>Move-DirectToGroupLicense", html.Replace("Get-DirectLicenseAssignment -Summary, then ", ""));
        Assert.Contains("aria-label=\"Monthly spend by SKU\"", html);
        Assert.Contains("aria-label=\"Monthly waste by reason\"", html);
        Assert.Contains("aria-label=\"Score over time\"", html);
        Assert.Equal(4, Regex.Matches(html, "<svg ").Count);
        // Three segments for E5 (in use, zombies, unassigned); a SKU nobody priced has no bar but is in the table.
        Assert.Equal(3, Regex.Matches(html, "<rect [^>]*><title>SPE_E5 ").Count);
        Assert.Contains("<code>FLOW_FREE</code>", html);
        Assert.Contains("no price", html);
        Assert.Contains("<title>Disabled: 8 seat(s), USD 456.00</title>", html);
        Assert.Contains("<td>2026-11-17 08:00:00 UTC</td><td class=\"n\">60</td>", html);
        Assert.Contains("<polyline", html);
        Assert.Contains("USD 1,710.00</b> wasted a month", html);
    }

    [Fact]
    public void FinanceReadsTheRemedyInWordsWithTheCommandBeneath_AndThePremiumSavingIsAHeadline()
    {
        var report = HealthReportSamples.Report(Now);
        report.PremiumSaving = new PremiumSaving { Seats = 12, MonthlySaving = 252m, Currency = "USD" };

        var html = HealthReportRenderer.Render(report);

        Assert.Contains("<th>what fixes it</th>", html);
        Assert.Contains(HealthCalculator.Remedy(HealthCalculator.DirectAssignments) + "<br><small>Command: <code>Get-DirectLicenseAssignment -Summary", html);
        Assert.Contains("<b>USD 252.00</b> a month (<b>USD 3,024.00</b> a year) saved by moving <b>12</b> underused premium licence(s)", html);

        report.PremiumSaving = new PremiumSaving { NotMeasured = "Reports.Read.All is missing." };
        Assert.Contains("Underused premium licences were not measured: Reports.Read.All is missing.", HealthReportRenderer.Render(report));
    }

    [Fact]
    public void WithoutEarlierReportsTheTrendSaysWhereItComesFrom()
    {
        var html = HealthReportRenderer.Render(HealthReportSamples.Report(Now));

        Assert.DoesNotContain("aria-label=\"Score over time\"", html);
        Assert.Contains("The trend appears once earlier reports are in the same folder", html);
        Assert.Equal(3, Regex.Matches(html, "<svg ").Count);
    }

    [Fact]
    public void EveryTenantStringIsEncoded()
    {
        var html = HealthReportRenderer.Render(HealthReportSamples.Report(Now, productName: "E5 " + HealthReportSamples.Hostile));

        Assert.DoesNotContain(HealthReportSamples.Hostile, html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("alert('x')", html);
        var encoded = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;";
        Assert.Contains("<title>Licence health 72 - contoso " + encoded + "</title>", html);
        Assert.Contains("<td>E5 " + encoded + "<br>", html);
        Assert.Contains("<li>Sign-in activity " + encoded + "</li>", html);
        // The data element's JSON escapes the markup characters too, so it cannot end its own element.
        var data = Regex.Match(html, "<script type=\"application/json\" id=\"license-health-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("contoso \\u003Cscript\\u003E", data);
        Assert.DoesNotContain("<", data);
    }

    [Fact]
    public void NothingIsFetchedAndNoScriptRuns()
    {
        var html = HealthReportRenderer.Render(HealthReportSamples.Report(Now, earlier: new[] { new HealthTrendPoint { MeasuredAt = Now.AddDays(-7), Score = 50 } }));

        foreach (var pattern in new[] { @"\bsrc\s*=", @"\bhref\s*=", @"url\s*\(", "@import", "@font-face", "https?://", "<link", "<img", "<iframe", "<object", "<embed", @"\bon[a-z]+\s*=" })
        {
            Assert.False(Regex.IsMatch(html, pattern, RegexOptions.IgnoreCase), $"the report contains {pattern}");
        }

        var scripts = Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToList();
        Assert.Equal(new[] { "<script type=\"application/json\" id=\"license-health-data\">" }, scripts);
        Assert.Contains("font-family:system-ui", html);
    }

    [Fact]
    public void TheDataElementCarriesThisScoreAndTheHistoryItDrew()
    {
        var earlier = new[]
        {
            new HealthTrendPoint { MeasuredAt = Now.AddDays(-14), Score = 55, MonthlyWaste = 3000m, Currency = "USD" },
            new HealthTrendPoint { MeasuredAt = Now.AddDays(-7), Score = 63, MonthlyWaste = 2400.5m, Currency = "USD" },
        };
        var html = HealthReportRenderer.Render(HealthReportSamples.Report(Now, score: 71, earlier: earlier));

        var points = HealthReportHistory.Parse(html, HealthReportSamples.Tenant).OrderBy(p => p.MeasuredAt).ToList();

        Assert.Equal(new[] { 55, 63, 71 }, points.Select(p => p.Score));
        Assert.Equal(new[] { Now.AddDays(-14), Now.AddDays(-7), Now }, points.Select(p => p.MeasuredAt));
        Assert.Equal(2400.5m, points[1].MonthlyWaste);
        Assert.Equal(1710m, points[2].MonthlyWaste);
        Assert.Empty(HealthReportHistory.Parse(html, Guid.NewGuid()));
    }

    [Fact]
    public void NumbersAreWrittenTheSameInEveryCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var html = HealthReportRenderer.Render(HealthReportSamples.Report(Now, earlier: new[] { new HealthTrendPoint { MeasuredAt = Now.AddDays(-7), Score = 50 } }));
            Assert.Contains("USD 5,700.00", html);
            Assert.DoesNotContain("5.700,00", html);
            Assert.Matches("stroke-dasharray=\"[0-9.]+ [0-9.]+\"", html);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
