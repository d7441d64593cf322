using LicenseGovernance.Engine.Kernel.Catalog;
using System.Text;
using Xunit;

namespace LicenseGovernance.Tests.Catalog
{
    public class SkuCatalogQuirkTests : IDisposable
    {
        private const string Header = "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names";
        private static readonly Guid ContosoSku = Guid.Parse("11111111-2222-3333-4444-555555555555");
        private static readonly Guid ContosoPlan = Guid.Parse("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");

        private readonly string _directory = Path.Combine(Path.GetTempPath(), "lg-catalog-" + Guid.NewGuid().ToString("N"));

        public SkuCatalogQuirkTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public void Byte_order_mark_does_not_hide_the_first_column()
        {
            var path = WriteFile("bom.csv", Header + "\r\nContoso Suite,CONTOSO_SUITE,11111111-2222-3333-4444-555555555555,CONTOSO_PLAN,aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,Contoso Plan\r\n", withBom: true);
            var catalog = SkuCatalog.CreateBuiltIn();

            var result = catalog.Import(path);

            Assert.Equal(1, result.RowCount);
            Assert.Equal("Contoso Suite", catalog.GetProductName(ContosoSku, null));
        }

        [Fact]
        public void Old_String_space_Id_header_and_stray_spaces_and_reordered_columns_are_accepted()
        {
            var text = " GUID ,String_ Id,Service_Plan_Id, product_display_name ,Service_Plan_Name\n" +
                       "11111111-2222-3333-4444-555555555555,CONTOSO_SUITE,aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,Contoso Suite,CONTOSO_PLAN\n";
            var catalog = SkuCatalog.CreateBuiltIn();

            catalog.Import(new StringReader(text), "old.csv");

            var sku = catalog.FindSku(ContosoSku)!;
            Assert.Equal("CONTOSO_SUITE", sku.PartNumber);
            Assert.Equal("Contoso Suite", sku.ProductName);
            Assert.Equal("CONTOSO_PLAN", Assert.Single(sku.ServicePlans).ServicePlanName);
            Assert.Null(catalog.GetServicePlanName(ContosoPlan, null));
        }

        [Fact]
        public void Quoted_values_keep_their_commas()
        {
            var text = Header + "\n\"Contoso, Enterprise Edition\",CONTOSO_SUITE,11111111-2222-3333-4444-555555555555,CONTOSO_PLAN,aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,\"Reporting, analytics and export\"\n";
            var catalog = SkuCatalog.CreateBuiltIn();

            catalog.Import(new StringReader(text), "quoted.csv");

            Assert.Equal("Contoso, Enterprise Edition", catalog.GetProductName(ContosoSku, "CONTOSO_SUITE"));
            Assert.Equal("Reporting, analytics and export", catalog.GetServicePlanName(ContosoPlan, null));
        }

        [Fact]
        public void Same_part_number_under_two_guids_stays_two_skus()
        {
            var text = Header + "\n" +
                       "Contoso Suite,CONTOSO_SUITE,11111111-2222-3333-4444-555555555555,CONTOSO_PLAN,aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,Contoso Plan\n" +
                       "Contoso Suite (Government),CONTOSO_SUITE,22222222-2222-3333-4444-555555555555,CONTOSO_PLAN,aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,Contoso Plan\n";
            var catalog = SkuCatalog.CreateBuiltIn();

            var result = catalog.Import(new StringReader(text), "dupes.csv");

            Assert.Equal(2, result.SkuCount);
            Assert.Equal(1, result.ServicePlanCount);
            Assert.Equal(2, result.NewSkuCount);
            Assert.Equal(2, catalog.FindByPartNumber("contoso_suite").Count);
            Assert.Equal("Contoso Suite (Government)", catalog.GetProductName(Guid.Parse("22222222-2222-3333-4444-555555555555"), "CONTOSO_SUITE"));
        }

        [Fact]
        public void Malformed_guid_rows_and_blank_lines_are_skipped_and_counted()
        {
            var text = Header + "\n\n" +
                       "Contoso Suite,CONTOSO_SUITE,11111111-2222-3333-4444-555555555555,CONTOSO_PLAN,aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,Contoso Plan\n" +
                       ",,,,,\n" +
                       "Broken,BROKEN,not-a-guid,CONTOSO_PLAN,aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,Contoso Plan\n" +
                       "Contoso Suite,CONTOSO_SUITE,11111111-2222-3333-4444-555555555555,OTHER_PLAN,0000-bad,Other\n";
            var catalog = SkuCatalog.CreateBuiltIn();

            var result = catalog.Import(new StringReader(text), "broken.csv");

            Assert.Equal(3, result.RowCount);
            Assert.Equal(2, result.SkippedRowCount);
            Assert.Equal(1, result.SkuCount);
            Assert.Single(catalog.FindSku(ContosoSku)!.ServicePlans);
        }

        [Fact]
        public void Imported_names_override_built_in_ones_and_known_skus_are_not_new()
        {
            var text = Header + "\nMicrosoft 365 E5 (renamed),SPE_E5,06ebc4ee-1bb5-47dd-8120-11324bc54e06,EXCHANGE_S_ENTERPRISE,efb87545-963c-4e0d-99df-69c6916d9eb0,Exchange Online (Plan 2)\n";
            var catalog = SkuCatalog.CreateBuiltIn();
            Assert.Equal("Microsoft 365 E5", catalog.GetProductName(Guid.Parse("06ebc4ee-1bb5-47dd-8120-11324bc54e06"), null));

            var result = catalog.Import(new StringReader(text), "rename.csv");

            Assert.Equal(0, result.NewSkuCount);
            Assert.Equal("Microsoft 365 E5 (renamed)", catalog.GetProductName(Guid.Parse("06ebc4ee-1bb5-47dd-8120-11324bc54e06"), null));
        }

        [Fact]
        public void A_file_that_is_not_the_licensing_table_is_rejected_with_the_missing_columns()
        {
            var catalog = SkuCatalog.CreateBuiltIn();
            var before = catalog.Skus.Count;

            var error = Assert.Throws<LicenseGovernanceException>(() => catalog.Import(new StringReader("UserPrincipalName,DisplayName\nada@contoso.com,Ada\n"), "users.csv"));

            Assert.Equal(ErrorIds.CatalogFileInvalid, error.Error.Id);
            Assert.Contains("String_Id", error.Message);
            Assert.Contains("GUID", error.Message);
            Assert.Equal(before, catalog.Skus.Count);
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData("\r\n\r\n", "empty")]
        [InlineData(Header + "\r\n", "no rows")]
        [InlineData(Header + "\r\nContoso,CONTOSO,nope,PLAN,nope,Plan\r\n", "valid SKU GUID")]
        public void A_file_without_usable_rows_is_rejected(string text, string reason)
        {
            var error = Assert.Throws<LicenseGovernanceException>(() => SkuCatalog.CreateBuiltIn().Import(new StringReader(text), "x.csv"));

            Assert.Equal(ErrorIds.CatalogFileInvalid, error.Error.Id);
            Assert.Contains(reason, error.Message);
        }

        [Fact]
        public void A_missing_file_is_reported_as_not_found()
        {
            var error = Assert.Throws<LicenseGovernanceException>(() => SkuCatalog.CreateBuiltIn().Import(Path.Combine(_directory, "absent.csv")));

            Assert.Equal(ErrorIds.CatalogFileNotFound, error.Error.Id);
        }

        [Fact]
        public void Unknown_sku_falls_back_to_part_number_then_to_null()
        {
            var catalog = SkuCatalog.CreateBuiltIn();

            Assert.Equal("Microsoft 365 E3", catalog.GetProductName(Guid.NewGuid(), "spe_e3"));
            Assert.Null(catalog.GetProductName(Guid.NewGuid(), "NOT_A_SKU"));
            Assert.Null(catalog.GetProductName(Guid.NewGuid(), null));
            Assert.Equal("Exchange Online (Plan 2)", catalog.GetServicePlanName(Guid.NewGuid(), "EXCHANGE_S_ENTERPRISE"));
            Assert.Null(catalog.GetServicePlanName(Guid.NewGuid(), "NOT_A_PLAN"));
        }

        private string WriteFile(string name, string text, bool withBom)
        {
            var path = Path.Combine(_directory, name);
            File.WriteAllText(path, text, new UTF8Encoding(withBom));
            return path;
        }
    }
}
