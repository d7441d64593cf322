using LicenseGovernance.Engine.Kernel;
using Xunit;

namespace LicenseGovernance.Tests.Kernel;

/// <summary>The one way scans hold records of many users on disk: each key's records meet in one file, read back a file at a time.</summary>
public sealed class SpillBucketsTests
{
    [Fact]
    public void EveryKeysRecordsComeBackInOneFile_InTheOrderWritten_AndEachFileGoesWhenTheNextIsRead()
    {
        const int keys = 5_000, perBucket = 1_000;
        var read = new Dictionary<int, List<int>>();
        string[] paths;
        using (var spill = new SpillBuckets(perBucket))
        {
            for (var i = 0; i < keys; i++)
            {
                var n = i;
                spill.Stage(NameKey.Of(Name(n)), w => { w.Write(n); w.Write(0); });
            }

            spill.Partition();
            Assert.Equal(keys / perBucket, spill.BucketCount);
            for (var i = 0; i < keys; i += 3)
            {
                var n = i;
                // Keys ignore case: a user's records meet whatever case Graph wrote the name in.
                spill.Add(NameKey.Of(Name(n).ToUpperInvariant()), w => { w.Write(n); w.Write(1); w.Write(new string('x', n % 50)); });
            }

            paths = spill.FilePaths.ToArray();
            var files = 0;
            foreach (var file in spill.Drain())
            {
                var inFile = new HashSet<int>();
                foreach (var record in file)
                {
                    var n = record.Reader.ReadInt32();
                    Assert.Equal(NameKey.Of(Name(n)), record.Key);
                    (read.TryGetValue(n, out var kinds) ? kinds : read[n] = new List<int>()).Add(record.Reader.ReadInt32());
                    inFile.Add(n);
                }

                // Spread by a hash, so a file holds about its share, never everything.
                Assert.InRange(inFile.Count, 1, perBucket * 2);
                Assert.Equal(files, paths.Count(p => !File.Exists(p)));
                files++;
            }
        }

        Assert.Equal(keys, read.Count);
        Assert.All(read, pair => Assert.Equal(pair.Key % 3 == 0 ? new[] { 0, 1 } : new[] { 0 }, pair.Value));
        Assert.All(paths, p => Assert.False(File.Exists(p)));
    }

    [Fact]
    public void FilesLeftUnreadAreDeletedWhenTheSpillIsDisposed()
    {
        string[] paths;
        using (var spill = new SpillBuckets(10))
        {
            spill.Stage(NameKey.Of("a"), w => w.Write(1));
            spill.Partition();
            spill.Add(NameKey.Of("b"), w => w.Write(2));
            paths = spill.FilePaths.ToArray();
            Assert.All(paths, p => Assert.True(File.Exists(p)));
        }

        Assert.All(paths, p => Assert.False(File.Exists(p)));
    }

    [Fact]
    public void RecordsOutOfTurnAreRefused()
    {
        using var spill = new SpillBuckets(10);

        Assert.Throws<InvalidOperationException>(() => spill.Add(NameKey.Of("a"), w => w.Write(1)));
        Assert.Throws<InvalidOperationException>(() => spill.Drain().First());
        spill.Partition();
        Assert.Throws<InvalidOperationException>(() => spill.Stage(NameKey.Of("a"), w => w.Write(1)));
    }

    private static string Name(int i) => $"user{i}@contoso.com";
}
