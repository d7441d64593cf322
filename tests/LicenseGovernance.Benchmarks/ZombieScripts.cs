using System.Diagnostics;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Authentication;

namespace LicenseGovernance.Benchmarks;

/// <summary>What a baseline script did: its requests and 429s as the tenant counted them, its time, and the zombies it found.</summary>
internal sealed record ScriptResult(string Name, long Requests, long Throttled, TimeSpan Wall, long Zombies, int Sample = 0)
{
    /// <summary>The per-user script runs on a sample: its figures for all users are the sample's, scaled up.</summary>
    public bool Extrapolated => Sample > 0;
}

/// <summary>
/// The scripts administrators write for the same question, on the Graph SDK as Get-MgUser would run them (its default
/// retry handler, three retries on Retry-After): one pass over every user with signInActivity at 120 a page, the page size
/// the old documentation gave; and the per-user script, which lists the users and then reads each one's sign-ins.
/// </summary>
internal static class ZombieScripts
{
    private static readonly string[] Select = { "id", "userPrincipalName", "accountEnabled", "createdDateTime", "employeeLeaveDateTime", "assignedLicenses", "signInActivity" };

    public static async Task<ScriptResult> OnePassAsync(TenantProcess child)
    {
        var client = Client(child);
        child.ResetStatistics();
        var now = DateTimeOffset.UtcNow;
        long zombies = 0;
        var watch = Stopwatch.StartNew();
        var first = await client.Users.GetAsync(r =>
        {
            r.QueryParameters.Select = Select;
            r.QueryParameters.Top = 120;
        });
        var pages = PageIterator<User, UserCollectionResponse>.CreatePageIterator(client, first!, user =>
        {
            zombies += IsZombie(user, now) ? 1 : 0;
            return true;
        });
        await pages.IterateAsync();
        watch.Stop();
        return new ScriptResult("one pass, 120 a page", child.Requests(), child.Throttled(), watch.Elapsed, zombies);
    }

    /// <summary>Lists every user (999 a page, no signInActivity), then reads <paramref name="sample"/> of them one by one.</summary>
    public static async Task<ScriptResult> PerUserAsync(TenantProcess child, int users, int sample)
    {
        var client = Client(child);
        child.ResetStatistics();
        var now = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        var watch = Stopwatch.StartNew();
        var first = await client.Users.GetAsync(r =>
        {
            r.QueryParameters.Select = new[] { "id", "assignedLicenses" };
            r.QueryParameters.Top = 999;
        });
        await PageIterator<User, UserCollectionResponse>.CreatePageIterator(client, first!, user =>
        {
            if (ids.Count < sample)
            {
                ids.Add(user.Id!);
            }

            return true;
        }).IterateAsync();
        var listing = watch.Elapsed;
        long zombies = 0;
        foreach (var id in ids)
        {
            var user = await client.Users[id].GetAsync(r => r.QueryParameters.Select = Select);
            zombies += IsZombie(user!, now) ? 1 : 0;
        }

        watch.Stop();
        // The sample's reads, scaled to every user; the listing is counted once, as measured.
        var perRead = (watch.Elapsed - listing).TotalSeconds / ids.Count;
        var requests = child.Requests();
        var listed = (long)Math.Ceiling(users / 999.0);
        var scale = users / (double)ids.Count;
        return new ScriptResult("per user", listed + (long)((requests - listed) * scale), (long)(child.Throttled() * scale),
            listing + TimeSpan.FromSeconds(perRead * users), (long)(zombies * scale), ids.Count);
    }

    /// <summary>The script's rule: disabled, gone, or no sign-in for 90 days (successful when recorded, else any) by an account older than that.</summary>
    private static bool IsZombie(User user, DateTimeOffset now)
    {
        if (user.AccountEnabled == false || (user.EmployeeLeaveDateTime.HasValue && user.EmployeeLeaveDateTime <= now))
        {
            return true;
        }

        var a = user.SignInActivity;
        var last = a?.LastSuccessfulSignInDateTime ?? Later(a?.LastSignInDateTime, a?.LastNonInteractiveSignInDateTime);
        var threshold = now.AddDays(-90);
        return last.HasValue ? last.Value < threshold : user.CreatedDateTime <= threshold;
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a > b || !b.HasValue ? a : b;

    private static GraphServiceClient Client(TenantProcess child) =>
        new(GraphClientFactory.Create(), new BaseBearerTokenAuthenticationProvider(new StaticToken(child.Token)), child.BaseAddress.ToString().TrimEnd('/'));

    private sealed class StaticToken : IAccessTokenProvider
    {
        private readonly string _token;

        public StaticToken(string token) => _token = token;

        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(_token);
    }
}
