using System.Net;
using System.Text;
using System.Text.Json;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Simulator;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Throttling;
using Xunit;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Graph;

/// <summary>
/// Graph answers $batch items in any order (https://learn.microsoft.com/en-us/graph/json-batching). The simulator
/// shuffles them by default; every module path that reads batch answers must match them by id, and these tests fail when
/// one matches by position.
/// </summary>
public sealed class BatchAnswerOrderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _journalPath = Path.Combine(Path.GetTempPath(), "lg-batch-order-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose() => File.Delete(_journalPath);

    [Fact]
    public async Task TheSimulatorAnswersInAnotherOrder_EachAnswerUnderItsOwnId()
    {
        var (tenant, users, _) = Tenant(5);
        using var client = Client(tenant);
        var batch = new { requests = users.Select((u, i) => new { id = "r" + i, method = "GET", url = $"users/{u.Id}?$select=id" }).ToArray() };

        var response = await client.PostAsync("$batch", new StringContent(JsonSerializer.Serialize(batch), Encoding.UTF8, "application/json"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var answers = document.RootElement.GetProperty("responses").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(batch.requests.Select(r => r.id), answers.Select(a => a.GetProperty("id").GetString()));
        Assert.All(answers, a => Assert.Equal(users[int.Parse(a.GetProperty("id").GetString()!.Substring(1))].Id.ToString(), a.GetProperty("body").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ThrottledItemsComeBackAs429WithRetryAfter_InsideA200Batch()
    {
        var (tenant, users, _) = Tenant(6);
        tenant.Options.Throttling = new ThrottlingOptions { WritesPer150Seconds = 3 };
        using var client = Client(tenant);
        var batch = new
        {
            requests = users.Select((u, i) => new
            {
                id = (i + 1).ToString(),
                method = "PATCH",
                url = $"users/{u.Id}",
                headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                body = new { usageLocation = "GB" },
            }).ToArray(),
        };

        var response = await client.PostAsync("$batch", new StringContent(JsonSerializer.Serialize(batch), Encoding.UTF8, "application/json"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var answers = document.RootElement.GetProperty("responses").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Items are evaluated in request order: the first three spend the write quota, the other three are refused.
        Assert.All(new[] { "1", "2", "3" }, id => Assert.Equal(204, answers[id].GetProperty("status").GetInt32()));
        Assert.All(new[] { "4", "5", "6" }, id =>
        {
            Assert.Equal(429, answers[id].GetProperty("status").GetInt32());
            Assert.True(int.Parse(answers[id].GetProperty("headers").GetProperty("Retry-After").GetString()!) >= 1);
        });
    }

    [Fact]
    public async Task GraphBatchGivesEachRequestItsOwnAnswer()
    {
        var (tenant, users, _) = Tenant(GraphBatch.MaxRequests);
        var session = GraphSessionFactory.ForSimulator(tenant, null, tenant.Clock.UtcNow);

        var answers = await GraphBatch.SendAsync(session, "read users", "ReadUsers",
            users.Select(u => new GraphBatch.Request("GET", "/users/" + u.Id + "?$select=id", null)).ToList(), CancellationToken.None);

        Assert.Equal(users.Select(u => u.Id.ToString()), answers.Select(a => a.Body!.Value.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task HeldSkusAreTheUsersOwn()
    {
        var (tenant, users, skus) = Tenant(GraphBatch.MaxRequests);
        var session = GraphSessionFactory.ForSimulator(tenant, null, tenant.Clock.UtcNow);

        var held = await HeldSkuReader.ReadAsync(session, users.Select(u => u.Id.ToString()).ToList(), CancellationToken.None);

        Assert.Equal(users.Select((_, i) => skus[i % skus.Count].SkuId), held.Select(h => Assert.Single(h!)));
    }

    [Fact]
    public async Task ThrottledRefusedAndAcceptedWritesOfOneBatchEachReachTheirOwnUserAndJournalEntry()
    {
        var (tenant, users, skus) = Tenant(GraphBatch.MaxRequests);
        var session = GraphSessionFactory.ForSimulator(tenant, null, tenant.Clock.UtcNow);
        var journal = new JournalScope(new JournalFile(_journalPath), session, "Test", null);
        tenant.Store.RemoveLicense(users[3].Id, SkuOf(users, skus, 3));
        var gone = Guid.NewGuid();
        var removals = users.Select((u, i) => (i == 15 ? gone : u.Id, (string?)u.UserPrincipalName, new DirectLicense(SkuOf(users, skus, i), null))).ToList();
        // Half the batch is throttled as its own 429 items and sent again; the refusals stay with their own users.
        tenant.Options.Throttling = new ThrottlingOptions { WritesPer150Seconds = 10 };

        var outcomes = await UserLicenseWriter.RemoveDirectAsync(session, journal, removals, 0, CancellationToken.None);

        Assert.True(tenant.Statistics.Throttled > 0);
        Assert.True(outcomes[3].AlreadyDone);
        Assert.Equal(404, outcomes[15].Status);
        Assert.All(Enumerable.Range(0, users.Count).Except(new[] { 3, 15 }), i => Assert.True(outcomes[i].Succeeded, $"user {i}: {outcomes[i].Describe()}"));
        Assert.All(users.Where((_, i) => i != 15), u => Assert.Empty(tenant.Store.GetUser(u.Id).LicenseAssignmentStates));
        var entries = new JournalFile(_journalPath).Load(out _).ToDictionary(e => e.TargetId);
        Assert.Equal(LicenseChangeStatus.Failed, entries[gone.ToString()].Status);
        Assert.Equal("The direct assignment was already gone.", entries[users[3].Id.ToString()].Error);
        Assert.Equal(18, entries.Values.Count(e => e.Status == LicenseChangeStatus.Succeeded));
    }

    private static Guid SkuOf(List<SimulatedUser> _, List<SimulatedSku> skus, int i) => skus[i % skus.Count].SkuId;

    /// <summary>Users each holding one of three SKUs directly, so an answer read for the wrong user shows.</summary>
    private static (SimulatedTenant Tenant, List<SimulatedUser> Users, List<SimulatedSku> Skus) Tenant(int count)
    {
        var tenant = SimulatedTenant.CreateEmpty(Now, new SimulatorOptions());
        var skus = new[] { "SPE_E3", "SPE_E5", "SPE_F1" }.Select(s => tenant.Store.AddSku(s, 100)).ToList();
        var users = Enumerable.Range(0, count).Select(i => tenant.Store.AddUser($"user{i}@contoso.onmicrosoft.com", u => u.UsageLocation = "US")).ToList();
        for (var i = 0; i < count; i++)
        {
            tenant.Store.AssignLicense(users[i].Id, skus[i % skus.Count].SkuId);
        }

        return (tenant, users, skus);
    }
}
