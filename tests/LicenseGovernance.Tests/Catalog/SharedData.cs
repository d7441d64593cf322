using Xunit;

namespace LicenseGovernance.Tests.Catalog
{
    /// <summary>Finds ../shared/data beside the repository root; the real licensing CSV lives there and is never copied in.</summary>
    internal static class SharedData
    {
        public const string LicensingCsvName = "product-names-and-service-plan-identifiers.csv";

        public static readonly string? LicensingCsvPath = Locate();

        private static string? Locate()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "shared", "data", LicensingCsvName);
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }
    }

    /// <summary>A fact that needs the real licensing CSV, skipped with the reason when the shared folder is absent.</summary>
    public sealed class LicensingCsvFactAttribute : FactAttribute
    {
        public LicensingCsvFactAttribute()
        {
            if (SharedData.LicensingCsvPath == null)
                Skip = $"../shared/data/{SharedData.LicensingCsvName} was not found above {AppContext.BaseDirectory}; clone the shared folder beside the repository to run this test.";
        }
    }
}
