using System.Net;
using System.Text;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Tests.Simulator;
using Microsoft.Graph;
using Xunit;

namespace LicenseGovernance.Tests.Usage;

public class UsageReportRouteTests
{
    private const string ActiveUsers = "reports/getOffice365ActiveUserDetail(period='D30')";
    private const string AppUsers = "reports/getM365AppUserDetail(period='D30')";

    // The columns exactly as Graph v1.0 documents them, in order.
    private static readonly string[] ActiveUserColumns =
    {
        "Report Refresh Date", "User Principal Name", "Display Name", "Is Deleted", "Deleted Date", "Has Exchange License", "Has OneDrive License",
        "Has SharePoint License", "Has Skype For Business License", "Has Yammer License", "Has Teams License", "Exchange Last Activity Date",
        "OneDrive Last Activity Date", "SharePoint Last Activity Date", "Skype For Business Last Activity Date", "Yammer Last Activity Date",
        "Teams Last Activity Date", "Exchange License Assign Date", "OneDrive License Assign Date", "SharePoint License Assign Date",
        "Skype For Business License Assign Date", "Yammer License Assign Date", "Teams License Assign Date", "Assigned Products",
    };

    private static readonly string[] AppUserColumns =
    {
        "Report Refresh Date", "User Principal Name", "Last Activation Date", "Last Activity Date", "Report Period", "Windows", "Mac", "Mobile", "Web",
        "Outlook", "Word", "Excel", "PowerPoint", "OneNote", "Teams", "Outlook (Windows)", "Word (Windows)", "Excel (Windows)", "PowerPoint (Windows)",
        "OneNote (Windows)", "Teams (Windows)", "Outlook (Mac)", "Word (Mac)", "Excel (Mac)", "PowerPoint (Mac)", "OneNote (Mac)", "Teams (Mac)",
        "Outlook (Mobile)", "Word (Mobile)", "Excel (Mobile)", "PowerPoint (Mobile)", "OneNote (Mobile)", "Teams (Mobile)", "Outlook (Web)", "Word (Web)",
        "Excel (Web)", "PowerPoint (Web)", "OneNote (Web)", "Teams (Web)",
    };

    [Fact]
    public async Task ActiveUserDetail_Is302ToAPreauthenticatedCsvWithGraphsColumns()
    {
        var t = UsageSteps.Build();
        using var client = SimulatorFixture.Client(t.Sim);

        var redirect = await client.GetAsync(ActiveUsers);

        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var location = redirect.Headers.Location!;
        Assert.StartsWith("https://reports.office.com/data/download/", location.ToString());

        // The download needs no Authorization header: the URL is the credential.
        using var anonymous = new HttpClient(t.Sim.CreateHandler());
        var download = await anonymous.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType!.MediaType);
        var body = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), body.Take(3).ToArray());

        var (header, rows) = UsageSteps.ParseCsv(body);
        Assert.Equal(ActiveUserColumns, header);
        Assert.Equal(6, rows.Count);
        var mail = rows.Single(r => r["User Principal Name"] == t.MailOnly.UserPrincipalName);
        Assert.Equal("2026-10-31", mail["Report Refresh Date"]);
        Assert.Equal("mail only", mail["Display Name"]);
        Assert.Equal("False", mail["Is Deleted"]);
        Assert.Equal("True", mail["Has Exchange License"]);
        Assert.Equal("True", mail["Has Teams License"]);
        Assert.Equal("2026-10-30", mail["Exchange Last Activity Date"]);
        Assert.Equal("2026-10-29", mail["Teams Last Activity Date"]);
        Assert.Equal("", mail["OneDrive Last Activity Date"]);
        Assert.Equal("2025-11-01", mail["Exchange License Assign Date"]);
        Assert.Equal("MICROSOFT 365 E5", mail["Assigned Products"]);
    }

    [Fact]
    public async Task ActivityFollowsSignIns_NeverSignedInShowsNone_DisabledNoneAfterTheLastSignIn_NothingAfterTheRefreshDate()
    {
        var t = UsageSteps.Build();
        using var client = SimulatorFixture.Client(t.Sim);

        var rows = (await Download(client, ActiveUsers)).Rows;

        var never = rows.Single(r => r["User Principal Name"] == t.NeverSignedIn.UserPrincipalName);
        Assert.All(UsageColumns(never), v => Assert.Equal("", v));
        var disabled = rows.Single(r => r["User Principal Name"] == t.Disabled.UserPrincipalName);
        Assert.Equal(t.Disabled.SignInActivity!.LastSignInDateTime!.Value.ToString("yyyy-MM-dd"), disabled["Exchange Last Activity Date"]);
        var desktop = rows.Single(r => r["User Principal Name"] == t.OfficeDesktop.UserPrincipalName);
        Assert.Equal("2026-10-31", desktop["Exchange Last Activity Date"]); // used on 1 November, after the refresh date
        Assert.All(rows.SelectMany(UsageColumns).Where(v => v.Length > 0), v => Assert.True(string.CompareOrdinal(v, "2026-10-31") <= 0, v));

        var apps = (await Download(client, AppUsers)).Rows;
        Assert.All(apps.Single(r => r["User Principal Name"] == t.NeverSignedIn.UserPrincipalName).Where(p => p.Key.Contains('(')), p => Assert.Equal("No", p.Value));
        Assert.Equal("2026-09-22", apps.Single(r => r["User Principal Name"] == t.Disabled.UserPrincipalName)["Last Activity Date"]);
    }

    [Fact]
    public async Task AppUserDetail_CsvSaysWhichAppsOnWhichPlatformsWithinThePeriod()
    {
        var t = UsageSteps.Build();
        using var client = SimulatorFixture.Client(t.Sim);

        var (header, rows) = await Download(client, AppUsers);
        var week = (await Download(client, "reports/getM365AppUserDetail(period='D7')")).Rows;

        Assert.Equal(AppUserColumns, header);
        var desktop = rows.Single(r => r["User Principal Name"] == t.OfficeDesktop.UserPrincipalName);
        Assert.Equal("30", desktop["Report Period"]);
        Assert.Equal("Yes", desktop["Word (Windows)"]);
        Assert.Equal("Yes", desktop["Excel (Windows)"]);
        Assert.Equal("Yes", desktop["Windows"]);
        Assert.Equal("No", desktop["Mac"]);
        Assert.Equal("No", desktop["Teams"]);
        Assert.Equal("2025-11-01", desktop["Last Activation Date"]);
        Assert.Equal("2026-10-31", desktop["Last Activity Date"]);
        var desktopWeek = week.Single(r => r["User Principal Name"] == t.OfficeDesktop.UserPrincipalName);
        Assert.Equal("7", desktopWeek["Report Period"]);
        Assert.Equal("Yes", desktopWeek["Word (Windows)"]);
        Assert.Equal("No", desktopWeek["Excel (Windows)"]); // 25 days ago: in D30, not in D7
        var mail = rows.Single(r => r["User Principal Name"] == t.MailOnly.UserPrincipalName);
        Assert.Equal("Yes", mail["Outlook (Web)"]);
        Assert.Equal("Yes", mail["Teams (Mobile)"]);
        Assert.Equal("Yes", mail["Web"]);
        Assert.Equal("No", mail["Windows"]);
    }

    [Fact]
    public async Task AppUserDetail_JsonIsPagedAsV1Documents()
    {
        var t = UsageSteps.Build();
        using var client = SimulatorFixture.Client(t.Sim);

        var first = await client.GetAsync(AppUsers + "?$format=application/json&$top=4");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = await SimulatorFixture.ReadJson(first);
        Assert.Equal(4, page.GetProperty("value").GetArrayLength());
        var next = page.GetProperty("@odata.nextLink").GetString()!;
        var second = await SimulatorFixture.ReadJson(await client.GetAsync(next));

        Assert.Equal(2, second.GetProperty("value").GetArrayLength());
        Assert.False(second.TryGetProperty("@odata.nextLink", out _));
        var desktop = page.GetProperty("value").EnumerateArray().Single(v => v.GetProperty("userPrincipalName").GetString() == t.OfficeDesktop.UserPrincipalName);
        Assert.Equal("2026-10-31", desktop.GetProperty("reportRefreshDate").GetString());
        var details = desktop.GetProperty("details")[0];
        Assert.Equal(30, details.GetProperty("reportPeriod").GetInt32());
        Assert.True(details.GetProperty("wordWindows").GetBoolean());
        Assert.True(details.GetProperty("windows").GetBoolean());
        Assert.False(details.GetProperty("teamsMobile").GetBoolean());
        Assert.False(details.GetProperty("powerPoint").GetBoolean());
    }

    [Theory]
    [InlineData("reports/getOffice365ActiveUserDetail(period='D8')", 400)]
    [InlineData("reports/getOffice365ActiveUserDetail(period='d7')", 400)]
    [InlineData("reports/getM365AppUserDetail(period='D365')", 400)]
    [InlineData("reports/getOffice365ActiveUserDetail(date=2026-10-30)", 501)]
    [InlineData("reports/getOffice365ActiveUserDetail(period='D7')?$format=application/json", 400)]
    [InlineData("reports/getM365AppUserDetail(period='D7')?$format=text/xml", 400)]
    public async Task InvalidPeriodsAndFormatsAreRefusedAndNothingIsDownloadable(string url, int status)
    {
        var t = UsageSteps.Build();
        using var client = SimulatorFixture.Client(t.Sim);

        var response = await client.GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Null(response.Headers.Location);
        var (_, message) = await SimulatorFixture.ReadError(response);
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public async Task ConcealedByDefault_NamesAreHashed_PatchShowsThem()
    {
        var t = UsageSteps.Build(showNames: false);
        using var client = SimulatorFixture.Client(t.Sim);

        var settings = await SimulatorFixture.ReadJson(await client.GetAsync("admin/reportSettings"));
        Assert.True(settings.GetProperty("displayConcealedNames").GetBoolean());
        var concealed = (await Download(client, ActiveUsers)).Rows;
        var apps = (await Download(client, AppUsers)).Rows;
        Assert.All(concealed, r => Assert.Matches("^[0-9A-F]{32}$", r["User Principal Name"]));
        Assert.All(concealed, r => Assert.Equal(r["User Principal Name"], r["Display Name"]));
        Assert.Equal(6, concealed.Select(r => r["User Principal Name"]).Distinct().Count());
        // The same user gets the same identifier in every report, so concealed reports still join with each other.
        Assert.Equal(concealed.Select(r => r["User Principal Name"]).OrderBy(x => x), apps.Select(r => r["User Principal Name"]).OrderBy(x => x));
        Assert.Equal(6, concealed.Count(r => r["Has Exchange License"] == "True"));

        var patch = await client.PatchAsync("admin/reportSettings", SimulatorFixture.Json(new { displayConcealedNames = false }));
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        Assert.False(t.Sim.Store.DisplayConcealedNames);
        var shown = (await Download(client, ActiveUsers)).Rows;
        Assert.Contains(shown, r => r["User Principal Name"] == t.MailOnly.UserPrincipalName && r["Display Name"] == "mail only");
    }

    [Fact]
    public async Task ReportSettingsPatchValidatesItsBody()
    {
        var t = UsageSteps.Build(showNames: false);
        using var client = SimulatorFixture.Client(t.Sim);

        var response = await client.PatchAsync("admin/reportSettings", SimulatorFixture.Json(new { displayConcealedNames = "no" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(t.Sim.Store.DisplayConcealedNames);
    }

    [Theory]
    [InlineData("GET", ActiveUsers, "User.Read.All")]
    [InlineData("GET", AppUsers, "ReportSettings.ReadWrite.All")]
    [InlineData("GET", "admin/reportSettings", "Reports.Read.All")]
    [InlineData("PATCH", "admin/reportSettings", "ReportSettings.Read.All")]
    public async Task WithoutTheReportPermissionGraphAnswers403(string method, string url, string granted)
    {
        var t = UsageSteps.Build(showNames: false);
        using var client = SimulatorFixture.Client(t.Sim, UsageSteps.App(granted));

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "PATCH" ? SimulatorFixture.Json(new { displayConcealedNames = false }) : null });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var (code, message) = await SimulatorFixture.ReadError(response);
        Assert.Equal("UnknownError", code);
        Assert.Contains("S2SUnauthorized", message);
        Assert.True(t.Sim.Store.DisplayConcealedNames);
    }

    [Theory]
    [InlineData("Reports.Read.All", ActiveUsers, 302)]
    [InlineData("ReportSettings.Read.All", "admin/reportSettings", 200)]
    public async Task TheLeastPrivilegedPermissionIsEnough(string granted, string url, int status)
    {
        var t = UsageSteps.Build();
        using var client = SimulatorFixture.Client(t.Sim, UsageSteps.App(granted));

        Assert.Equal(status, (int)(await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task DownloadLinksExpireAfterFiveMinutes()
    {
        var t = UsageSteps.Build();
        using var client = SimulatorFixture.Client(t.Sim);
        var location = (await client.GetAsync(ActiveUsers)).Headers.Location!;

        t.Sim.Clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("https://graph.microsoft.com/data/download/no-such-token")).StatusCode);
    }

    [Fact]
    public async Task TheGraphSdkFollowsTheRedirectInProcess()
    {
        var t = UsageSteps.Build();
        var sdk = SimulatorFixture.Sdk(t.Sim);
        t.Sim.Statistics.Reset();

        using var stream = await sdk.Reports.GetOffice365ActiveUserDetailWithPeriod("D30").GetAsync();

        var (header, rows) = UsageSteps.ParseCsv(ReadAll(stream!));
        Assert.Equal(ActiveUserColumns, header);
        Assert.Equal(6, rows.Count);
        Assert.Equal(2, t.Sim.Statistics.TotalRequests); // the 302, then the download
    }

    [Fact]
    public async Task InProcess_TheDownloadIsOnAnotherHost_SoTheSdkSendsItWithoutTheToken()
    {
        // As in Graph: the 302 points to reports.office.com, and Kiota's redirect handler drops Authorization when the host
        // changes. Code that needs the token to reach the download, or a network that allows only graph.microsoft.com, fails here too.
        var t = UsageSteps.Build();
        var seen = new List<(Uri Uri, bool Authorized)>();
        var recorder = new Recorder(t.Sim.CreateHandler(), seen);
        var sdk = new GraphServiceClient(GraphClientFactory.Create(finalHandler: recorder), SimulatorFixture.Authentication(t.Sim), SimulatorFixture.Root);

        using var stream = await sdk.Reports.GetOffice365ActiveUserDetailWithPeriod("D7").GetAsync();

        Assert.Equal(6, UsageSteps.ParseCsv(ReadAll(stream!)).Rows.Count);
        Assert.Equal(2, seen.Count);
        Assert.Equal(("graph.microsoft.com", true), (seen[0].Uri.Host, seen[0].Authorized));
        Assert.Equal(("reports.office.com", false), (seen[1].Uri.Host, seen[1].Authorized));
        Assert.StartsWith("/data/download/", seen[1].Uri.AbsolutePath);
    }

    private sealed class Recorder : DelegatingHandler
    {
        private readonly List<(Uri, bool)> _seen;

        public Recorder(HttpMessageHandler inner, List<(Uri, bool)> seen)
            : base(inner) => _seen = seen;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _seen.Add((request.RequestUri!, request.Headers.Authorization != null));
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task TheGraphSdkFollowsTheRedirectOverLoopbackHttp()
    {
        var t = UsageSteps.Build();
        using var server = LoopbackSimulatorServer.Start(t.Sim);
        // The SDK's own middleware (its redirect handler included) over a real socket.
        var sdk = new GraphServiceClient(GraphClientFactory.Create(), SimulatorFixture.Authentication(t.Sim), server.BaseAddress.ToString().TrimEnd('/'));

        using var stream = await sdk.Reports.GetM365AppUserDetailWithPeriod("D7").GetAsync();

        var (header, rows) = UsageSteps.ParseCsv(ReadAll(stream!));
        Assert.Equal(AppUserColumns, header);
        Assert.Contains(rows, r => r["User Principal Name"] == t.OfficeDesktop.UserPrincipalName && r["Word (Windows)"] == "Yes");
    }

    [Fact]
    public async Task DemoTenant_UsageFollowsSignInsAndLicenses()
    {
        var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 800 });
        using var client = SimulatorFixture.Client(tenant);
        var users = tenant.Store.Users.ToDictionary(u => u.UserPrincipalName, StringComparer.OrdinalIgnoreCase);

        var rows = (await Download(client, ActiveUsers)).Rows;

        Assert.False(tenant.Store.DisplayConcealedNames);
        Assert.Equal(users.Values.Count(u => u.LicenseAssignmentStates.Any(s => s.HoldsSeat)), rows.Count);
        var active = 0;
        foreach (var row in rows)
        {
            var user = users[row["User Principal Name"]];
            var dates = UsageColumns(row).Where(v => v.Length > 0).ToList();
            if (user.SignInActivity == null)
            {
                Assert.Empty(dates);
                continue;
            }

            var latest = new[] { user.SignInActivity.LastSignInDateTime, user.SignInActivity.LastNonInteractiveSignInDateTime, user.SignInActivity.LastSuccessfulSignInDateTime }.Max()!.Value;
            Assert.All(dates, d => Assert.True(string.CompareOrdinal(d, latest.ToString("yyyy-MM-dd")) <= 0, $"{user.UserPrincipalName}: activity {d} after sign-in {latest:yyyy-MM-dd}"));
            foreach (var workload in new[] { "Exchange", "OneDrive", "SharePoint", "Teams", "Yammer" })
            {
                if (row[workload + " Last Activity Date"].Length > 0)
                {
                    Assert.Equal("True", row[$"Has {workload} License"]);
                }
            }

            active += dates.Count > 0 ? 1 : 0;
        }

        Assert.InRange(active, rows.Count / 2, rows.Count);
    }

    [Fact]
    public async Task DemoTenant_TheSameOptionsGiveTheSameReports_AnotherSeedOthers()
    {
        async Task<byte[]> Report(int seed)
        {
            var tenant = SimulatedTenant.CreateDemo(new DemoTenantOptions { UserCount = 300, Seed = seed });
            using var client = SimulatorFixture.Client(tenant);
            var redirect = await client.GetAsync(AppUsers);
            return await (await client.GetAsync(redirect.Headers.Location)).Content.ReadAsByteArrayAsync();
        }

        Assert.Equal(await Report(7), await Report(7));
        Assert.NotEqual(await Report(7), await Report(8));
    }

    [Fact]
    public void SnapshotsKeepUsageProfilesAndTheConcealmentSetting()
    {
        var t = UsageSteps.Build(showNames: false);
        var path = Path.Combine(Path.GetTempPath(), "lg-usage-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            t.Sim.SaveSnapshot(path);
            var loaded = SimulatedTenant.LoadSnapshot(path);

            Assert.True(loaded.Store.DisplayConcealedNames);
            var desktop = loaded.Store.GetUser(t.OfficeDesktop.Id).Usage!;
            Assert.Equal(t.OfficeDesktop.Usage!.OneDriveLastActivity, desktop.OneDriveLastActivity);
            Assert.Equal(t.OfficeDesktop.Usage.AppLastUsed, desktop.AppLastUsed);
            Assert.Null(loaded.Store.GetUser(t.E3Holder.Id).Usage?.TeamsLastActivity);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string> UsageColumns(Dictionary<string, string> row) => row.Where(p => p.Key.EndsWith("Last Activity Date", StringComparison.Ordinal)).Select(p => p.Value);

    private static async Task<(string[] Header, List<Dictionary<string, string>> Rows)> Download(HttpClient client, string url)
    {
        var redirect = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        var body = await (await client.GetAsync(redirect.Headers.Location)).Content.ReadAsByteArrayAsync();
        return UsageSteps.ParseCsv(body);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
