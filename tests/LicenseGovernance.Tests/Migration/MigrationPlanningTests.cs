using LicenseGovernance.Engine;
using LicenseGovernance.Tests.Metadata;
using Xunit;

namespace LicenseGovernance.Tests.Migration
{
    /// <summary>
    /// Move-DirectToGroupLicense's planning stays linear in the users: read from the compiled capability, not timed. The
    /// migration benchmark's migration-plan mode measures the time per user.
    /// </summary>
    public sealed class MigrationPlanningTests
    {
        [Fact]
        public void TheMigrationSearchesNoListPerUser_ItKeepsSetsAndDictionaries()
        {
            var searches = LinearSearches.In(typeof(GovernanceEngine).Assembly, "LicenseGovernance.Engine.Migration");

            MetadataAssert.None(searches, "Searches of a list by value in the migration (each is a pass over the list; per user, planning turns quadratic):");
        }

        [Fact]
        public void APlantedSearchInALambdaIsFound_AndASetIsNot()
        {
            var searches = LinearSearches.In(typeof(MigrationPlanningTests).Assembly, "LicenseGovernance.Tests.Migration.Planted");

            var search = Assert.Single(searches);
            Assert.EndsWith(": List`1.Exists", search);
        }
    }
}

// Only the test above reads these: the quadratic form the migration once had, and its linear replacement.
namespace LicenseGovernance.Tests.Migration.Planted
{
    internal static class Dedupe
    {
        public static List<string> Quadratic(IEnumerable<string> ids)
        {
            var found = new List<string>();
            foreach (var id in ids.Where(id => !found.Exists(f => string.Equals(f, id, StringComparison.OrdinalIgnoreCase))))
            {
                found.Add(id);
            }

            return found;
        }

        public static List<string> Linear(IEnumerable<string> ids)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            return ids.Where(seen.Add).ToList();
        }
    }
}
