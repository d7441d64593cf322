using System.Text.Json;
using static LicenseGovernance.Tests.Simulator.SimulatorFixture;

namespace LicenseGovernance.Tests.Simulator;

/// <summary>Lifecycle workflow bodies as the v1.0 reference writes them, and requests that send Prefer: include-unknown-enum-members.</summary>
internal static class WorkflowBodies
{
    public const string Lcw = "identityGovernance/lifecycleWorkflows/";
    public const string Ns = "#microsoft.graph.identityGovernance.";
    public const string AddToGroups = "22085229-5809-45e8-97fd-270d28d66910";
    public const string RemoveFromGroups = "1953a66c-751c-45e5-8bfe-01462c70da3c";
    public const string RemoveAllLicenses = "8fa97d28-3e52-4985-b3a9-a1126f9b8b4e";
    public const string RequestPackage = "c1ec1e76-f374-4375-aaa6-0bb6bd4c60be";
    public const string RemovePackage = "4a0b64f2-c7ec-46ba-b117-18f262946c50";
    public const string NotifyManager = "aab41899-9972-422a-9d97-f626014578b7";

    /// <summary>A membership-change workflow (the "Employee group membership changes" template's shape).</summary>
    public static Dictionary<string, object?> Membership(string name, string category, string changeType, IEnumerable<Guid> groups, params Dictionary<string, object?>[] tasks) => new()
    {
        ["category"] = category,
        ["displayName"] = name,
        ["description"] = "test",
        ["isEnabled"] = true,
        ["isSchedulingEnabled"] = true,
        ["executionConditions"] = new Dictionary<string, object?>
        {
            ["@odata.type"] = Ns + "triggerAndScopeBasedConditions",
            ["scope"] = new Dictionary<string, object?> { ["@odata.type"] = Ns + "groupBasedSubjectSet", ["groups"] = groups.Select(g => new { id = g.ToString() }).ToArray() },
            ["trigger"] = new Dictionary<string, object?> { ["@odata.type"] = Ns + "membershipChangeTrigger", ["changeType"] = changeType },
        },
        ["tasks"] = tasks,
    };

    /// <summary>A workflow that only runs on demand.</summary>
    public static Dictionary<string, object?> OnDemand(string name, string category, params Dictionary<string, object?>[] tasks) => new()
    {
        ["category"] = category,
        ["displayName"] = name,
        ["isEnabled"] = true,
        ["isSchedulingEnabled"] = false,
        ["executionConditions"] = new Dictionary<string, object?> { ["@odata.type"] = Ns + "onDemandExecutionOnly" },
        ["tasks"] = tasks,
    };

    public static Dictionary<string, object?> Task(string definitionId, params (string Name, string Value)[] arguments) => new()
    {
        ["displayName"] = "Task " + definitionId[..8],
        ["taskDefinitionId"] = definitionId,
        ["isEnabled"] = true,
        ["continueOnError"] = false,
        ["arguments"] = arguments.Select(a => new { name = a.Name, value = a.Value }).ToArray(),
    };

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, object? body = null, bool prefer = true)
    {
        var request = new HttpRequestMessage(method, url) { Content = body == null ? null : Json(body) };
        if (prefer)
        {
            request.Headers.Add("Prefer", "include-unknown-enum-members");
        }

        return client.SendAsync(request);
    }

    /// <summary>Creates a workflow (with the Prefer header) and returns its id; fails the test on anything but 201.</summary>
    public static async Task<string> CreateAsync(this HttpClient client, object body)
    {
        var response = await client.SendAsync(HttpMethod.Post, Lcw + "workflows", body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new Xunit.Sdk.XunitException($"Create workflow answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, bool prefer = true) =>
        await ReadJson(await client.SendAsync(HttpMethod.Get, url, prefer: prefer));
}
