using LicenseGovernance.Engine.Kernel.Catalog;
using LicenseGovernance.Engine.Kernel.Pricing;
using Xunit;

namespace LicenseGovernance.Tests.Pricing
{
    public class PriceBookTests : IDisposable
    {
        private static readonly Guid SpeE5 = Guid.Parse("06ebc4ee-1bb5-47dd-8120-11324bc54e06");
        private static readonly Guid SpeE3 = Guid.Parse("05e9a617-0261-4cee-bb44-138d3ef5d965");
        private static readonly DateTime Now = new DateTime(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc);

        private readonly string _directory = Path.Combine(Path.GetTempPath(), "lg-prices-" + Guid.NewGuid().ToString("N"));
        private readonly string _storePath;

        public PriceBookTests()
        {
            Directory.CreateDirectory(_directory);
            _storePath = Path.Combine(_directory, "settings", "prices.json");
        }

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        private PriceBook NewBook() => new PriceBook(new PriceStore(_storePath), SkuCatalog.CreateBuiltIn(), () => Now);

        [Fact]
        public void Microsoft_365_E5_lists_at_720_USD_per_seat_year()
        {
            var price = NewBook().GetPrice(SpeE5, "SPE_E5")!;

            Assert.Equal(720.00m, price.MonthlyPrice * 12);
            Assert.Equal("USD", price.Currency);
            Assert.Equal("BuiltIn", price.Source);
            Assert.Equal(PriceBook.BuiltInPricesAsOf, price.AsOf);
            Assert.Equal("Microsoft 365 E5", price.ProductName);
        }

        [Fact]
        public void Unknown_sku_has_no_price()
        {
            var book = NewBook();

            Assert.Null(book.GetPrice(Guid.NewGuid(), "CONTOSO_UNKNOWN"));
            Assert.Null(book.GetPrice(Guid.Parse("18181a46-0d4e-45cd-891e-60aabd171b4e"), "STANDARDPACK"));
        }

        [Fact]
        public void Built_in_price_is_found_by_part_number_when_the_id_is_new()
        {
            Assert.Equal(39.00m, NewBook().GetPrice(Guid.NewGuid(), "spe_e3")!.MonthlyPrice);
        }

        [Fact]
        public void User_price_overrides_the_built_in_one_and_survives_a_new_session()
        {
            var book = NewBook();

            var set = book.SetPrice("SPE_E5", null, 48.5m, " eur ");

            Assert.Equal(SpeE5, set.SkuId);
            Assert.Equal("EUR", set.Currency);
            var later = NewBook().GetPrice(SpeE5, "SPE_E5")!;
            Assert.Equal(48.5m, later.MonthlyPrice);
            Assert.Equal("EUR", later.Currency);
            Assert.Equal("User", later.Source);
            Assert.Equal(Now, later.AsOf);
            Assert.Single(NewBook().All(), p => p.SkuId == SpeE5);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_storePath)!, "*.tmp"));
        }

        [Fact]
        public void A_part_number_the_catalogue_does_not_know_is_kept_by_part_number()
        {
            NewBook().SetPrice("CONTOSO_ADDON", null, 3m, "USD");

            var book = NewBook();
            Assert.Equal(3m, book.GetPrice(Guid.NewGuid(), "contoso_addon")!.MonthlyPrice);
            Assert.Null(book.All().Single(p => p.SkuPartNumber == "CONTOSO_ADDON").SkuId);
        }

        [Fact]
        public void A_price_keyed_on_one_sku_id_does_not_leak_to_another_with_the_same_part_number()
        {
            var book = NewBook();
            var first = Guid.NewGuid();
            book.SetPrice("CONTOSO_ADDON", first, 3m, "USD");

            Assert.Equal(3m, book.GetPrice(first, "CONTOSO_ADDON")!.MonthlyPrice);
            Assert.Null(book.GetPrice(Guid.NewGuid(), "CONTOSO_ADDON"));
        }

        [Theory]
        [InlineData(-0.01, "USD", "negative")]
        [InlineData(100000, "USD", "not below")]
        [InlineData(10, "US", "ISO 4217")]
        [InlineData(10, "US$", "ISO 4217")]
        [InlineData(10, "", "ISO 4217")]
        public void Invalid_prices_are_refused(double monthly, string currency, string reason)
        {
            var book = NewBook();

            var error = Assert.Throws<LicenseGovernanceException>(() => book.SetPrice("SPE_E5", SpeE5, (decimal)monthly, currency));

            Assert.Equal(ErrorIds.PriceInvalid, error.Error.Id);
            Assert.Contains(reason, error.Message);
            Assert.Equal("BuiltIn", book.GetPrice(SpeE5, "SPE_E5")!.Source);
            Assert.False(File.Exists(_storePath));
        }

        [Fact]
        public void Zero_is_a_valid_price()
        {
            Assert.Equal(0m, NewBook().SetPrice("FLOW_FREE", null, 0m, "usd").MonthlyPrice);
        }

        [Fact]
        public void Effective_table_lists_user_prices_and_the_remaining_built_in_ones()
        {
            var book = NewBook();
            var builtInCount = book.All().Count();
            book.SetPrice("SPE_E3", null, 30m, "USD");
            book.SetPrice("CONTOSO_ADDON", null, 1m, "USD");

            var all = book.All().ToList();

            Assert.Equal(builtInCount + 1, all.Count);
            Assert.Equal("User", Assert.Single(all, p => p.SkuId == SpeE3).Source);
            Assert.All(all.Where(p => p.Source == "BuiltIn"), p => Assert.Equal("USD", p.Currency));
        }

        [Fact]
        public void Failing_to_save_keeps_the_previous_prices()
        {
            File.WriteAllText(Path.Combine(_directory, "settings"), "a file where the folder should be");
            var book = NewBook();

            var error = Assert.Throws<LicenseGovernanceException>(() => book.SetPrice("SPE_E5", SpeE5, 1m, "USD"));

            Assert.Equal(ErrorIds.SettingsWriteFailed, error.Error.Id);
            Assert.Equal("BuiltIn", book.GetPrice(SpeE5, "SPE_E5")!.Source);
        }

        [Fact]
        public void A_corrupt_price_file_is_reported_not_ignored()
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_storePath)!);
            File.WriteAllText(_storePath, "{ not json");

            var error = Assert.Throws<LicenseGovernanceException>(() => NewBook());

            Assert.Equal(ErrorIds.SettingsFileInvalid, error.Error.Id);
        }
    }
}
