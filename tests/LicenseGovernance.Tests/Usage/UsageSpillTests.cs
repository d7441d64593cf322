using LicenseGovernance.Engine.Usage;
using Microsoft.Graph.Models;
using Xunit;

namespace LicenseGovernance.Tests.Usage;

/// <summary>The on-disk join of usage report rows with users: every user meets its own rows, and only a file's rows are held.</summary>
public class UsageSpillTests
{
    private static readonly DateTime Day0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void EveryUserMeetsItsOwnRows_FileByFile_AndTheFilesGoWhenDone()
    {
        const int users = 20_000;
        string[] paths;
        var seen = 0;
        var largestFile = 0;
        using (var spill = new UsageSpill())
        {
            for (var i = 0; i < users; i++)
            {
                var row = new PackedActivity { Refresh = ReportDay.Pack(Day0.AddDays(300)) };
                row[0] = ReportDay.Pack(Day0.AddDays(i % 300));
                spill.AddActivity(Name(i), row);
            }

            spill.Partition();
            Assert.Equal((users + UsageSpill.RowsPerBucket - 1) / UsageSpill.RowsPerBucket, spill.BucketCount);
            for (var i = 0; i < users; i += 2)
            {
                spill.AddAppUse(Name(i).ToUpperInvariant(), new PackedAppUse { Apps = 1u << (i % 24) });
            }

            for (var i = 0; i < users; i++)
            {
                spill.AddUser(new User { Id = Guid.NewGuid().ToString(), UserPrincipalName = Name(i), AccountEnabled = true, DisplayName = "User " + i });
            }

            paths = spill.FilePaths.ToArray();
            Assert.All(paths, p => Assert.True(File.Exists(p)));
            spill.ForEachUser((user, active, apps) =>
            {
                var i = int.Parse(user.DisplayName!.Substring(5));
                Assert.Equal(Day0.AddDays(i % 300), active[user.UserPrincipalName!].LastActivity["Exchange"]);
                Assert.Equal(i % 2 == 0, apps.TryGetValue(user.UserPrincipalName!, out var app));
                if (app != null)
                {
                    Assert.Equal(new[] { UsageReportReader.AppColumns[i % 24] }, app.AppsUsed);
                }

                largestFile = Math.Max(largestFile, active.Count);
                seen++;
            });
        }

        Assert.Equal(users, seen);
        // Rows are spread by a hash, so a file holds about its share; never the whole report.
        Assert.InRange(largestFile, 1, UsageSpill.RowsPerBucket * 2);
        Assert.All(paths, p => Assert.False(File.Exists(p)));
    }

    [Fact]
    public void RecordsBeforeTheActiveUserRowsArePartitionedAreRefused()
    {
        using var spill = new UsageSpill();

        Assert.Throws<InvalidOperationException>(() => spill.AddUser(new User { UserPrincipalName = Name(1) }));
    }

    private static string Name(int i) => $"user{i}@contoso.com";
}
