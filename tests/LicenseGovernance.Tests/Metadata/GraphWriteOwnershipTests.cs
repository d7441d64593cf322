using System.Text.RegularExpressions;
using LicenseGovernance.Tests.Health;
using Xunit;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>
/// Licence, membership and access package writes go out only through the Graph writers (docs/ARCHITECTURE.md), so each
/// is journaled and paced by the session's one pacer. Read from the source rather than the assembly: a write inside a
/// $batch is only a URL string, which no type reference shows.
/// </summary>
public sealed class GraphWriteOwnershipTests
{
    /// <summary>The files allowed to issue those writes, relative to the repository root.</summary>
    private static readonly string[] Writers =
    {
        "src/LicenseGovernance.Engine/Graph/UserLicenseWriter.cs",
        "src/LicenseGovernance.Engine/Graph/GroupLicenseWriter.cs",
        "src/LicenseGovernance.Engine/Graph/GroupMembershipWriter.cs",
        "src/LicenseGovernance.Engine/Graph/AccessPackageAssignmentWriter.cs",
        "src/LicenseGovernance.Engine/Graph/GraphBatch.cs",
    };

    /// <summary>The SDK request builders and the URLs of those writes, and the $batch endpoint that could carry any of them.</summary>
    private static readonly Regex Write = new(
        @"AssignLicense\.|/assignLicense|\.Ref\.(Post|Delete)|members@odata\.bind|AssignmentRequests\.Post|ReprocessLicenseAssignment|/members/\$ref|/\$batch""",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    [Fact]
    public void OnlyTheGraphWritersIssueLicenseMembershipAndAccessPackageWrites()
    {
        var root = HealthPaths.RepoRoot;
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("src/LicenseGovernance.Simulator/", StringComparison.Ordinal) && !path.Contains("/obj/") && !path.Contains("/bin/"))
            .ToList();

        Assert.Contains("src/LicenseGovernance.Engine/Waste/ZombieLicenseRemover.cs", sources);
        Assert.All(Writers, writer => Assert.NotEmpty(WritesIn(File.ReadAllText(Path.Combine(root, writer)))));
        MetadataAssert.None(sources.Except(Writers).SelectMany(path => WritesIn(File.ReadAllText(Path.Combine(root, path))).Select(w => path + ":" + w)),
            "Graph writes outside the writers in src/LicenseGovernance.Engine/Graph (call UserLicenseWriter, GroupLicenseWriter, GroupMembershipWriter or AccessPackageAssignmentWriter instead):");
    }

    [Fact]
    public void PlantedWrites_AreFound_AndCommentsAreNot()
    {
        const string planted = """
            // A comment may name POST /users/{id}/assignLicense freely.
            await c.Users[id].AssignLicense.PostAsync(body, cancellationToken: ct);
            await c.Groups[gid].Members[uid].Ref.DeleteAsync();
            var bind = new Dictionary<string, object> { ["members@odata.bind"] = ids };
            items.Add(("POST", "/users/" + id + "/assignLicense", body));
            await c.IdentityGovernance.EntitlementManagement.AssignmentRequests.PostAsync(request);
            await c.Users[id].ReprocessLicenseAssignment.PostAsync();
            var uri = new Uri(baseUrl + "/$batch");
            await c.Groups[gid].GetAsync();
            """;

        var found = WritesIn(planted);

        Assert.Equal(new[] { 2, 3, 4, 5, 6, 7, 8 }, found.Select(f => int.Parse(f[..f.IndexOf(':')])).ToArray());
    }

    /// <summary>"line: code" for every line of <paramref name="source"/> that issues one of the writes; comment lines are skipped.</summary>
    internal static IReadOnlyList<string> WritesIn(string source) =>
        source.Split('\n')
            .Select((line, i) => (Line: i + 1, Code: line.Trim()))
            .Where(l => !l.Code.StartsWith("//", StringComparison.Ordinal) && !l.Code.StartsWith("*", StringComparison.Ordinal) && Write.IsMatch(l.Code))
            .Select(l => $"{l.Line}: {l.Code}")
            .ToList();
}
