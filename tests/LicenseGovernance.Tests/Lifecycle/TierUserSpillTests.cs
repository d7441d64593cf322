using LicenseGovernance.Engine.Lifecycle;
using Microsoft.Graph.Models;
using Xunit;

namespace LicenseGovernance.Tests.Lifecycle;

/// <summary>The tier system's users on disk: each comes back once and whole (states, memberships, assignments, bridges), a file at a time.</summary>
public sealed class TierUserSpillTests
{
    private static readonly Guid Sku = Guid.NewGuid(), Plan = Guid.NewGuid(), Bridged = Guid.NewGuid(), Package = Guid.NewGuid();
    private static readonly DateTimeOffset Updated = new(2026, 11, 1, 9, 30, 0, TimeSpan.FromHours(2));
    private const string Tier1 = "11111111-0000-4000-8000-000000000001", Tier2 = "11111111-0000-4000-8000-000000000002";

    [Fact]
    public void EveryUserComesBackOnceAndWhole_FileByFile()
    {
        const int users = 20_000;
        var seen = new HashSet<string>();
        var largestFile = 0;
        string[] paths;
        using (var spill = new TierUserSpill())
        {
            for (var i = 0; i < users; i++)
            {
                spill.AddMember(Tier1, Member(i));
            }

            for (var i = 0; i < users; i += 4)
            {
                spill.AddMember(Tier2, Member(i));
            }

            for (var i = 0; i < users; i += 5)
            {
                // Graph may write a target's id in another case than the member pages do.
                spill.AddAssignment(Id(i).ToUpperInvariant(), Upn(i), new HeldAssignment(Assignment(i), Package.ToString()));
            }

            spill.Partition();
            Assert.True(spill.FileCount > 2);
            for (var i = 0; i < users; i += 7)
            {
                spill.AddBridges(Id(i), new[] { Bridged });
            }

            paths = spill.FilePaths.ToArray();
            foreach (var file in spill.Files())
            {
                largestFile = Math.Max(largestFile, file.Count);
                foreach (var user in file.Values)
                {
                    Assert.True(seen.Add(user.Id));
                    Check(user);
                }
            }
        }

        Assert.Equal(users, seen.Count);
        Assert.InRange(largestFile, 1, TierUserSpill.RecordsPerFile * 2);
        Assert.All(paths, p => Assert.False(File.Exists(p)));
    }

    private static void Check(TierUser user)
    {
        var i = int.Parse(user.Id.Substring(24));
        Assert.Equal(Upn(i), user.UserPrincipalName);
        Assert.Equal(i % 4 == 0 ? new[] { Tier1, Tier2 } : new[] { Tier1 }, user.Memberships);
        var state = Assert.Single(user.States!);
        Assert.Equal((Sku, Tier1, "Active", "None", Updated), (state.SkuId!.Value, state.AssignedByGroup, state.State, state.Error, state.LastUpdatedDateTime!.Value));
        Assert.Equal(Updated.Offset, state.LastUpdatedDateTime!.Value.Offset);
        Assert.Equal(i % 2 == 0 ? new[] { Plan } : Array.Empty<Guid>(), state.DisabledPlans);
        Assert.Equal(i % 7 == 0 ? new[] { Bridged } : Array.Empty<Guid>(), user.JournalBridges);
        if (i % 5 != 0)
        {
            Assert.Empty(user.Assignments);
            return;
        }

        var held = Assert.Single(user.Assignments);
        var expected = Assignment(i);
        Assert.Equal((Guid.Parse(expected.Id!), Package.ToString(), Guid.Parse(expected.AssignmentPolicy!.Id!), expected.State, expected.Schedule!.Expiration!.EndDateTime, (DateTimeOffset?)null, Upn(i), false),
            (held.Id, held.PackageId, held.PolicyId, held.State, held.EndsAt, held.ExpiredAt, held.TargetUserPrincipalName, held.Removing));
    }

    private static User Member(int i) => new()
    {
        Id = Id(i),
        UserPrincipalName = Upn(i),
        LicenseAssignmentStates = new List<LicenseAssignmentState>
        {
            new() { SkuId = Sku, AssignedByGroup = Tier1, State = "Active", Error = "None", LastUpdatedDateTime = Updated, DisabledPlans = i % 2 == 0 ? new List<Guid?> { Plan } : new List<Guid?>() },
        },
    };

    private static AccessPackageAssignment Assignment(int i) => new()
    {
        Id = new Guid(i, 1, 2, new byte[8]).ToString(),
        State = i % 10 == 0 ? AccessPackageAssignmentState.Delivering : AccessPackageAssignmentState.Delivered,
        AssignmentPolicy = new AccessPackageAssignmentPolicy { Id = new Guid(i, 3, 4, new byte[8]).ToString() },
        Schedule = new EntitlementManagementSchedule { Expiration = new ExpirationPattern { EndDateTime = Updated.AddDays(i % 365) } },
        Target = new AccessPackageSubject { ObjectId = Id(i), PrincipalName = Upn(i) },
    };

    private static string Id(int i) => $"00000000-0000-4000-8000-{i:D12}";

    private static string Upn(int i) => $"user{i}@contoso.com";
}
