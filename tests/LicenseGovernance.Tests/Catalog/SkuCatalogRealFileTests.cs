using LicenseGovernance.Engine.Kernel.Catalog;
using Xunit;

namespace LicenseGovernance.Tests.Catalog
{
    public class SkuCatalogRealFileTests
    {
        private static readonly Guid SpeE5 = Guid.Parse("06ebc4ee-1bb5-47dd-8120-11324bc54e06");
        private static readonly Guid ExchangeOnlinePlan2 = Guid.Parse("efb87545-963c-4e0d-99df-69c6916d9eb0");

        [LicensingCsvFact]
        public void Import_reads_every_row_of_the_published_table()
        {
            var catalog = SkuCatalog.CreateBuiltIn();

            var result = catalog.Import(SharedData.LicensingCsvPath!);

            Assert.Equal(3276, result.RowCount);
            Assert.Equal(0, result.SkippedRowCount);
            Assert.Equal(413, result.SkuCount);
            Assert.Equal(568, result.ServicePlanCount);
            Assert.Equal(413 - BuiltInSkuCount(), result.NewSkuCount);
        }

        [LicensingCsvFact]
        public void Microsoft_365_E5_lists_Exchange_Online_Plan_2()
        {
            var catalog = SkuCatalog.CreateBuiltIn();
            catalog.Import(SharedData.LicensingCsvPath!);

            var sku = catalog.FindSku(SpeE5);

            Assert.NotNull(sku);
            Assert.Equal("SPE_E5", sku!.PartNumber);
            Assert.Equal("Microsoft 365 E5", sku.ProductName);
            var exchange = Assert.Single(sku.ServicePlans, p => p.ServicePlanId == ExchangeOnlinePlan2);
            Assert.Equal("EXCHANGE_S_ENTERPRISE", exchange.ServicePlanName);
            Assert.Equal("Exchange Online (Plan 2)", exchange.FriendlyName);
            Assert.True(sku.ServicePlans.Count > 50, $"SPE_E5 should carry its many plans, got {sku.ServicePlans.Count}");
        }

        [LicensingCsvFact]
        public void Windows_1252_characters_decode_to_the_intended_letters()
        {
            var catalog = SkuCatalog.CreateBuiltIn();
            catalog.Import(SharedData.LicensingCsvPath!);

            var names = catalog.Skus.SelectMany(s => s.ServicePlans).Select(p => p.FriendlyName).ToList();

            Assert.Contains(names, n => n.Contains("Field Service \u2013 Automated Routing"));
            Assert.DoesNotContain(names, n => n.Contains('\uFFFD') || n.Any(c => c >= '\u0080' && c <= '\u009F'));
        }

        [LicensingCsvFact]
        public void Plan_names_prefer_the_readable_spelling_over_capitals_or_codes()
        {
            var catalog = SkuCatalog.CreateBuiltIn();
            catalog.Import(SharedData.LicensingCsvPath!);

            Assert.Equal("Microsoft Teams", catalog.GetServicePlanName(Guid.Parse("57ff2da0-773e-42df-b2af-ffb7a2317929"), null));
            Assert.Equal("Microsoft Bookings", catalog.GetServicePlanName(Guid.Parse("199a5c09-e0ca-4e37-8f7c-b05d533e1ea2"), null));
        }

        [LicensingCsvFact]
        public void Every_built_in_entry_matches_the_published_table()
        {
            var published = SkuCatalog.CreateBuiltIn();
            published.Import(SharedData.LicensingCsvPath!);
            var publishedSkus = published.Skus.ToDictionary(s => s.SkuId);
            var publishedPlans = ReadPlanSpellings(SharedData.LicensingCsvPath!);

            foreach (var (id, partNumber, productName) in BuiltInCatalog.Skus)
            {
                Assert.True(publishedSkus.TryGetValue(Guid.Parse(id), out var sku), $"built-in SKU {partNumber} {id} is not in the published table");
                Assert.Equal(partNumber, sku!.PartNumber);
                Assert.Equal(productName, sku.ProductName);
            }
            foreach (var (id, name, friendly) in BuiltInCatalog.ServicePlans)
            {
                Assert.True(publishedPlans.TryGetValue(Guid.Parse(id), out var spellings), $"built-in plan {name} {id} is not in the published table");
                Assert.Contains(name, spellings!.Names);
                Assert.Contains(friendly, spellings.FriendlyNames);
            }
        }

        private static int BuiltInSkuCount() => BuiltInCatalog.Skus.Length;

        private sealed record Spellings(HashSet<string> Names, HashSet<string> FriendlyNames);

        // Read with a plain split so this check does not depend on the parser it is checking; the columns it needs
        // hold no quoted commas in the real file.
        private static Dictionary<Guid, Spellings> ReadPlanSpellings(string path)
        {
            var result = new Dictionary<Guid, Spellings>();
            foreach (var line in File.ReadAllLines(path, System.Text.Encoding.Latin1).Skip(1))
            {
                var fields = line.Split(',');
                if (fields.Length < 6 || fields[0].Contains('"')) continue;
                if (!Guid.TryParse(fields[4], out var planId)) continue;
                if (!result.TryGetValue(planId, out var spellings))
                {
                    spellings = new Spellings(new HashSet<string>(), new HashSet<string>());
                    result.Add(planId, spellings);
                }
                spellings.Names.Add(fields[3]);
                spellings.FriendlyNames.Add(fields[5]);
            }
            return result;
        }
    }
}
