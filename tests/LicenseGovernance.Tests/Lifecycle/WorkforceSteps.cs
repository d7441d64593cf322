using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Seeding;
using LicenseGovernance.Tests.AccessPackages;
using LicenseGovernance.Tests.Engine;
using LicenseGovernance.Tests.Tiers;
using static LicenseGovernance.Tests.Lifecycle.LifecycleSteps;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>
/// An HR rehearsal tenant: the README's three tiers, each with its package, filled by persona (frontline workers in the
/// Tier1 baseline, sales in Tier2, analysts in Tier3) and some new hires holding nothing; and the rules file that maps
/// the personas back to the tiers.
/// </summary>
internal static class WorkforceSteps
{
    public static readonly (string Department, string JobTitle, string Tier)[] Personas =
    {
        ("Operations", "Warehouse Associate", Tier1), ("Sales", "Account Executive", Tier2), ("Finance", "Financial Analyst", Tier3),
    };

    /// <summary>The tier the rules give a row's department.</summary>
    public static string TierOf(string? department) => Personas.Single(p => p.Department == department).Tier;

    public static SyncWorkforceLicenseRequest Request(string path, bool preview = false) => new()
    {
        Path = path, RulePath = "rules.psd1", Preview = preview, Default = Tier1, LeaveTier = Tier1,
        Rules = { new WorkforceTierRule { Tier = Tier3, When = "user.jobTitle -contains \"Analyst\"" }, new WorkforceTierRule { Tier = Tier2, When = "user.department -eq \"Sales\"" } },
    };

    /// <param name="shares">Users per persona in <see cref="Personas"/>' order; <paramref name="newHires"/> more hold nothing.</param>
    public static async Task<EngineFixture> WorkforceAsync(int[] shares, int newHires, int e5Seats = 200)
    {
        var tenant = SimulatedTenant.CreateEmpty(Start);
        var total = shares.Sum() + newHires;
        tenant.Store.AddSku("SPE_F1", total + 50);
        tenant.Store.AddSku("SPE_E3", total + 50);
        tenant.Store.AddSku("SPE_E5", e5Seats);
        var fx = new EngineFixture(tenant: tenant);
        await fx.NewTierAsync(Tier1, new[] { "SPE_F1" }, tier: 1, baseline: true);
        await fx.NewTierAsync(Tier2, new[] { "SPE_E3" }, tier: 2);
        await fx.NewTierAsync(Tier3, new[] { "SPE_E5" }, tier: 3);
        foreach (var tier in new[] { Tier1, Tier2, Tier3 })
        {
            await fx.NewPackageAsync(new TierAccessPackageRequest { TierGroup = tier, ExpirationDays = 365 });
        }

        var n = 0;
        for (var p = 0; p < Personas.Length; p++)
        {
            for (var i = 0; i < shares[p]; i++)
            {
                var user = AddPerson(tenant, n++, Personas[p]);
                Place(tenant, user, Personas[p].Tier);
            }
        }

        for (var i = 0; i < newHires; i++)
        {
            AddPerson(tenant, n++, Personas[i % Personas.Length]);
        }

        tenant.Settle();
        return fx;
    }

    private static SimulatedUser AddPerson(SimulatedTenant tenant, int n, (string Department, string JobTitle, string Tier) persona) =>
        tenant.Store.AddUser($"person{n:D4}@{tenant.DefaultDomain}", u =>
        {
            u.UsageLocation = "US";
            u.Department = persona.Department;
            u.JobTitle = persona.JobTitle;
            u.EmployeeId = (200000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
            u.EmployeeType = "Employee";
            u.EmployeeHireDate = Start.AddYears(-2);
        });

    private static void Place(SimulatedTenant tenant, SimulatedUser user, string tier)
    {
        if (tier == Tier1)
        {
            tenant.Store.AddMember(tenant.Group(Tier1).Id, user.Id);
        }
        else
        {
            tenant.AdminAdd(user.Id, tier, Start.AddDays(300));
        }
    }

    public static string WriteExport(this EngineFixture fx, HrExport export)
    {
        var path = Path.Combine(fx.SettingsDirectory, "hr-" + Guid.NewGuid().ToString("N") + ".csv");
        Directory.CreateDirectory(fx.SettingsDirectory);
        File.WriteAllText(path, export.Csv);
        return path;
    }

    public static async Task<CollectingSink> WorkforceSyncAsync(this EngineFixture fx, SyncWorkforceLicenseRequest request, CollectingSink? sink = null)
    {
        sink ??= new CollectingSink();
        await fx.Engine.SyncWorkforceLicensesAsync(request, sink);
        return sink;
    }

    /// <summary>The tier groups the user is a member of.</summary>
    public static List<string> TiersOf(this SimulatedTenant tenant, string userPrincipalName)
    {
        var user = tenant.Store.Users.Single(u => u.UserPrincipalName == userPrincipalName);
        return new[] { Tier1, Tier2, Tier3 }.Where(t => tenant.Group(t).MemberSet.Contains(user.Id)).ToList();
    }
}
