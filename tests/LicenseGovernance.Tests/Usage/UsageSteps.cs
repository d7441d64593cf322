using System.Globalization;
using CsvHelper;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Tests.Usage;

/// <summary>A small tenant whose users' usage is known exactly, and helpers to read the reports it serves.</summary>
internal static class UsageSteps
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The report's refresh date: the day before the clock's date.</summary>
    public static readonly DateTime Refresh = new(2026, 10, 31, 0, 0, 0, DateTimeKind.Utc);

    public sealed record Tenant(SimulatedTenant Sim, SimulatedUser MailOnly, SimulatedUser OfficeDesktop, SimulatedUser Idle, SimulatedUser NeverSignedIn, SimulatedUser Disabled, SimulatedUser E3Holder);

    /// <summary>
    /// Four E5 holders and one E3 holder: mail and Teams only; Office on Windows; idle for 200 days; never signed in (a
    /// profile that must not show); disabled 40 days ago with a profile claiming later activity (which must not show either).
    /// </summary>
    public static Tenant Build(bool showNames = true)
    {
        // Licensed a year ago, so the reports (a day behind) list the user: the tenant starts then and the clock moves to Now.
        var licensedAt = Now.AddYears(-1);
        var sim = SimulatedTenant.CreateEmpty(licensedAt);
        sim.Store.AddSku("SPE_E5", 10);
        sim.Store.AddSku("SPE_E3", 10);
        var e5 = SkuCatalog.SkuId("SPE_E5");
        var e3 = SkuCatalog.SkuId("SPE_E3");

        SimulatedUser Add(string name, Guid sku, DateTimeOffset? signIn, UsageProfile? usage, bool enabled = true)
        {
            var user = sim.Store.AddUser(name + "@contoso.onmicrosoft.com", u =>
            {
                u.UsageLocation = "US";
                u.DisplayName = name.Replace('.', ' ');
                u.AccountEnabled = enabled;
                u.CreatedDateTime = Now.AddYears(-2);
                u.SignInActivity = signIn == null ? null : new SignInActivity { LastSignInDateTime = signIn, LastSuccessfulSignInDateTime = signIn, LastNonInteractiveSignInDateTime = signIn };
            });
            sim.Store.AssignLicense(user.Id, sku);
            sim.Store.SetUsage(user.Id, usage);
            return sim.Store.GetUser(user.Id);
        }

        var mail = Add("mail.only", e5, Now.AddDays(-1), new UsageProfile
        {
            ExchangeLastActivity = Now.AddDays(-2),
            TeamsLastActivity = Now.AddDays(-3),
            AppLastUsed = { ["Outlook (Web)"] = Now.AddDays(-2), ["Teams (Mobile)"] = Now.AddDays(-3) },
        });
        var desktop = Add("office.desktop", e5, Now.AddHours(-1), new UsageProfile
        {
            ExchangeLastActivity = Now.AddHours(-2),
            OneDriveLastActivity = Now.AddDays(-4),
            SharePointLastActivity = Now.AddDays(-20),
            TeamsLastActivity = Now.AddDays(-1),
            AppsLastActivation = Now.AddYears(-1),
            AppLastUsed = { ["Word (Windows)"] = Now.AddDays(-2), ["Excel (Windows)"] = Now.AddDays(-25), ["Outlook (Windows)"] = Now.AddDays(-1) },
        });
        var idle = Add("idle", e5, Now.AddDays(-200), new UsageProfile { ExchangeLastActivity = Now.AddDays(-201) });
        var never = Add("never.signed.in", e5, null, new UsageProfile { ExchangeLastActivity = Now.AddDays(-1), AppLastUsed = { ["Word (Web)"] = Now.AddDays(-1) } });
        var disabled = Add("disabled", e5, Now.AddDays(-40), new UsageProfile { ExchangeLastActivity = Now.AddDays(-5), AppLastUsed = { ["Outlook (Windows)"] = Now.AddDays(-5) } }, enabled: false);
        var e3User = Add("e3.holder", e3, Now.AddDays(-1), new UsageProfile { ExchangeLastActivity = Now.AddDays(-2) });
        sim.Store.DisplayConcealedNames = !showNames;
        sim.Clock.Advance(Now - licensedAt);
        return new Tenant(sim, mail, desktop, idle, never, disabled, e3User);
    }

    /// <summary>Reads a downloaded report: its header and its rows by column name.</summary>
    public static (string[] Header, List<Dictionary<string, string>> Rows) ParseCsv(byte[] body)
    {
        using var reader = new StreamReader(new MemoryStream(body), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? "", StringComparer.Ordinal));
        }

        return (header, rows);
    }

    public static SimulatedPrincipal App(params string[] permissions) =>
        new("9b1c3d2e-0000-4000-8000-00000000c0de", "Usage test app", null, permissions);
}
