using LicenseGovernance.Engine.Kernel.Catalog;
using LicenseGovernance.Engine.Kernel.Pricing;
using Xunit;

namespace LicenseGovernance.Tests.Pricing
{
    public class PriceImportTests : IDisposable
    {
        private static readonly Guid SpeE5 = Guid.Parse("06ebc4ee-1bb5-47dd-8120-11324bc54e06");
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "lg-priceimport-" + Guid.NewGuid().ToString("N"));

        public PriceImportTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        private PriceBook NewBook() => new PriceBook(new PriceStore(Path.Combine(_directory, "prices.json")), SkuCatalog.CreateBuiltIn());

        private string Write(string text)
        {
            var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".csv");
            File.WriteAllText(path, text);
            return path;
        }

        [Fact]
        public void Imports_part_numbers_and_ids_with_invariant_decimals()
        {
            var path = Write("Sku,MonthlyPrice,Currency\nSPE_E3,33.25,usd\n06ebc4ee-1bb5-47dd-8120-11324bc54e06,52.10,EUR\n\nCONTOSO_ADDON,4,GBP\n");
            var book = NewBook();

            var imported = book.ImportCsv(path);

            Assert.Equal(3, imported.Count);
            Assert.Equal(33.25m, book.GetPrice(Guid.Parse("05e9a617-0261-4cee-bb44-138d3ef5d965"), "SPE_E3")!.MonthlyPrice);
            var e5 = book.GetPrice(SpeE5, "SPE_E5")!;
            Assert.Equal(52.10m, e5.MonthlyPrice);
            Assert.Equal("SPE_E5", e5.SkuPartNumber);
            Assert.Equal("GBP", NewBook().GetPrice(Guid.Empty, "CONTOSO_ADDON")!.Currency);
        }

        [Theory]
        [InlineData("skupartnumber,PRICE,currency\nSPE_E5,50,USD\n")]
        [InlineData("SkuId;Price;Currency\n06ebc4ee-1bb5-47dd-8120-11324bc54e06;50;USD\n")]
        [InlineData("\"Sku \",\" Monthly Price\",Currency\nSPE_E5,50.00,USD\n")]
        public void Accepts_header_variants(string text)
        {
            var book = NewBook();

            book.ImportCsv(Write(text));

            Assert.Equal(50m, book.GetPrice(SpeE5, "SPE_E5")!.MonthlyPrice);
        }

        [Fact]
        public void A_bad_row_imports_nothing_and_names_every_bad_line()
        {
            var path = Write("Sku,MonthlyPrice,Currency\nSPE_E3,30,USD\nSPE_E5,\"10,60\",USD\nPOWER_BI_PRO,12,dollars\nSPB,-1,USD\n");
            var book = NewBook();

            var error = Assert.Throws<LicenseGovernanceException>(() => book.ImportCsv(path));

            Assert.Equal(ErrorIds.PriceFileInvalid, error.Error.Id);
            Assert.Contains("line 3", error.Message);
            Assert.Contains("line 4", error.Message);
            Assert.Contains("line 5", error.Message);
            Assert.DoesNotContain("line 2", error.Message);
            Assert.Equal("BuiltIn", book.GetPrice(Guid.Parse("05e9a617-0261-4cee-bb44-138d3ef5d965"), "SPE_E3")!.Source);
            Assert.False(File.Exists(Path.Combine(_directory, "prices.json")));
        }

        [Fact]
        public void The_same_sku_twice_is_a_bad_row_even_when_named_two_ways()
        {
            var path = Write("Sku,MonthlyPrice,Currency\nSPE_E5,50,USD\n06ebc4ee-1bb5-47dd-8120-11324bc54e06,51,USD\n");

            var error = Assert.Throws<LicenseGovernanceException>(() => NewBook().ImportCsv(path));

            Assert.Contains("line 3", error.Message);
            Assert.Contains("line 2", error.Message);
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData("Sku,MonthlyPrice,Currency\n", "no prices")]
        [InlineData("Name,Cost\nSPE_E5,50\n", "MonthlyPrice")]
        public void Files_that_are_not_price_lists_are_refused(string text, string reason)
        {
            var error = Assert.Throws<LicenseGovernanceException>(() => NewBook().ImportCsv(Write(text)));

            Assert.Equal(ErrorIds.PriceFileInvalid, error.Error.Id);
            Assert.Contains(reason, error.Message);
        }

        [Fact]
        public void A_missing_file_is_refused()
        {
            var error = Assert.Throws<LicenseGovernanceException>(() => NewBook().ImportCsv(Path.Combine(_directory, "absent.csv")));

            Assert.Equal(ErrorIds.PriceFileInvalid, error.Error.Id);
            Assert.Contains("does not exist", error.Message);
        }
    }
}
