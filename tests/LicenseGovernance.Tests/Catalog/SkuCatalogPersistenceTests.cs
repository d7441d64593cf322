using LicenseGovernance.Engine.Kernel.Catalog;
using Xunit;

namespace LicenseGovernance.Tests.Catalog
{
    public class SkuCatalogPersistenceTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "lg-overlay-" + Guid.NewGuid().ToString("N"));

        public SkuCatalogPersistenceTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public void Saved_overlay_is_read_back_by_a_later_session()
        {
            var text = "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names\n" +
                       "\"Contoso, Suite\",CONTOSO_SUITE,11111111-2222-3333-4444-555555555555,CONTOSO_PLAN,aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,Contoso Plan\n" +
                       "Contoso Suite,CONTOSO_SUITE,11111111-2222-3333-4444-555555555555,EXCHANGE_S_ENTERPRISE,efb87545-963c-4e0d-99df-69c6916d9eb0,Exchange Online (Plan 2)\n";
            var first = SkuCatalog.CreateBuiltIn();
            first.Import(new StringReader(text), "contoso.csv");
            var overlay = Path.Combine(_directory, "nested", "catalog.csv");

            first.Save(overlay);
            var later = SkuCatalog.LoadWithOverlay(overlay);

            var sku = later.FindSku(Guid.Parse("11111111-2222-3333-4444-555555555555"))!;
            Assert.Equal("Contoso, Suite", sku.ProductName);
            Assert.Equal(new[] { "CONTOSO_PLAN", "EXCHANGE_S_ENTERPRISE" }, sku.ServicePlans.Select(p => p.ServicePlanName));
            Assert.Equal("Contoso Plan", later.GetServicePlanName(Guid.Parse("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"), null));
            Assert.Equal(SkuCatalog.CreateBuiltIn().Skus.Count + 1, later.Skus.Count);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(overlay)!, "*.tmp"));
        }

        [Fact]
        public void Overlay_holds_only_imported_entries()
        {
            var overlay = Path.Combine(_directory, "catalog.csv");

            SkuCatalog.CreateBuiltIn().Save(overlay);

            Assert.Single(File.ReadAllLines(overlay));
        }

        [Fact]
        public void No_overlay_file_means_the_built_in_table()
        {
            var catalog = SkuCatalog.LoadWithOverlay(Path.Combine(_directory, "none.csv"));

            Assert.Equal(SkuCatalog.CreateBuiltIn().Skus.Count, catalog.Skus.Count);
            Assert.Equal(SkuCatalog.CreateBuiltIn().Skus.Count, SkuCatalog.LoadWithOverlay(null).Skus.Count);
        }

        [Fact]
        public void Saving_where_no_file_can_be_written_is_a_settings_write_failure()
        {
            var blocker = Path.Combine(_directory, "file");
            File.WriteAllText(blocker, "x");

            var error = Assert.Throws<LicenseGovernanceException>(() => SkuCatalog.CreateBuiltIn().Save(Path.Combine(blocker, "catalog.csv")));

            Assert.Equal(ErrorIds.SettingsWriteFailed, error.Error.Id);
        }

        [LicensingCsvFact]
        public void The_real_table_round_trips_through_the_overlay()
        {
            var first = SkuCatalog.CreateBuiltIn();
            first.Import(SharedData.LicensingCsvPath!);
            var overlay = Path.Combine(_directory, "catalog.csv");

            first.Save(overlay);
            var later = SkuCatalog.LoadWithOverlay(overlay);

            Assert.Equal(first.Skus.Count, later.Skus.Count);
            var e5 = later.FindSku(Guid.Parse("06ebc4ee-1bb5-47dd-8120-11324bc54e06"))!;
            Assert.Equal(first.FindSku(e5.SkuId)!.ServicePlans.Select(p => p.ServicePlanId), e5.ServicePlans.Select(p => p.ServicePlanId));
        }
    }
}
