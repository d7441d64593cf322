using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LicenseGovernance.Engine.Kernel.Catalog;

namespace LicenseGovernance.Engine.Kernel.Pricing
{
    /// <summary>
    /// Monthly per-seat prices: the user's own (persisted, always winning) over a small dated table of public list
    /// prices. A SKU with neither has no price; nothing is estimated.
    /// </summary>
    public sealed class PriceBook
    {
        public const string BuiltInSource = "BuiltIn";
        public const string UserSource = "User";
        public const string BuiltInCurrency = "USD";
        public const decimal MaximumMonthlyPrice = 100000m;

        /// <summary>When the built-in list prices were in effect (Microsoft's commercial price update of 1 July 2026).</summary>
        public static readonly DateTime BuiltInPricesAsOf = new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc);

        private readonly object _gate = new object();
        private readonly PriceStore _store;
        private readonly SkuCatalog _catalog;
        private readonly Func<DateTime> _utcNow;
        private List<StoredPrice> _userPrices;

        public PriceBook(PriceStore store, SkuCatalog catalog, Func<DateTime>? utcNow = null)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
            _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
            _userPrices = store.Load().ToList();
        }

        public LicensePrice SetPrice(string partNumber, Guid? skuId, decimal monthly, string currency)
        {
            var price = Resolve(partNumber, skuId, monthly, currency, out var problem);
            if (price == null) throw Errors.PriceInvalid(Label(partNumber, skuId), problem!).ToException();
            Commit(new[] { price });
            return ToOutput(price);
        }

        /// <summary>Refuses a price <see cref="SetPrice"/> would refuse, saving nothing, so that the cmdlet can check before it asks.</summary>
        public static void Check(string sku, decimal monthly, string currency)
        {
            var problem = ProblemWith(monthly, currency);
            if (problem != null) throw Errors.PriceInvalid(sku, problem).ToException();
        }

        /// <summary>
        /// Imports a CSV with columns Sku (part number or SKU id), MonthlyPrice and Currency. Every row is checked
        /// before any is kept: one bad row, and the error names each bad line and nothing is imported.
        /// </summary>
        public IReadOnlyList<LicensePrice> ImportCsv(string path)
        {
            var prices = ReadCsv(path);
            Commit(prices);
            return prices.Select(ToOutput).ToList();
        }

        /// <summary>The prices a CSV holds, every row checked, saving nothing; the error names each bad line.</summary>
        public IReadOnlyList<LicensePrice> CheckCsv(string path) => ReadCsv(path).Select(ToOutput).ToList();

        private List<StoredPrice> ReadCsv(string path)
        {
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
                throw Errors.PriceFileInvalid(path, "the file does not exist.").ToException();

            var rows = PriceCsv.Read(CsvTextDecoder.Decode(File.ReadAllBytes(path)), path);
            var accepted = new List<StoredPrice>();
            var problems = new List<string>();
            var firstLineBySku = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows)
            {
                Guid? skuId = Guid.TryParse(row.Sku, out var id) ? id : (Guid?)null;
                var partNumber = skuId == null ? row.Sku : "";
                if (row.Sku.Length == 0)
                {
                    problems.Add($"line {row.Line}: the Sku is empty");
                    continue;
                }
                if (!TryParseAmount(row.MonthlyPrice, out var monthly))
                {
                    problems.Add($"line {row.Line}: '{row.MonthlyPrice}' is not a price (use digits and a '.' for decimals, such as 36.00)");
                    continue;
                }
                var price = Resolve(partNumber, skuId, monthly, row.Currency, out var problem);
                if (price == null)
                {
                    problems.Add($"line {row.Line}: {problem}");
                    continue;
                }
                var key = KeyOf(price);
                if (firstLineBySku.TryGetValue(key, out var earlier))
                {
                    problems.Add($"line {row.Line}: {row.Sku} is already priced on line {earlier}");
                    continue;
                }
                firstLineBySku[key] = row.Line;
                accepted.Add(price);
            }

            if (problems.Count > 0)
            {
                const int shown = 10;
                var more = problems.Count > shown ? $" (and {problems.Count - shown} more)" : "";
                throw Errors.PriceFileInvalid(path, $"{problems.Count} bad row(s): {string.Join("; ", problems.Take(shown))}{more}.").ToException();
            }
            return accepted;
        }

        /// <summary>The effective price for a SKU, or null when neither the user nor the built-in table has one.</summary>
        public LicensePrice? GetPrice(Guid skuId, string partNumber)
        {
            lock (_gate)
            {
                var user = FindUserPrice(skuId, partNumber);
                if (user != null) return ToOutput(user);
            }
            var builtIn = FindBuiltIn(skuId, partNumber);
            return builtIn == null ? null : BuiltInOutput(builtIn.Value);
        }

        /// <summary>Every price in force: the user's, then the built-in ones the user has not overridden.</summary>
        public IEnumerable<LicensePrice> All()
        {
            List<StoredPrice> user;
            lock (_gate) user = _userPrices.ToList();

            var result = user.Select(ToOutput).ToList();
            foreach (var entry in BuiltInPrices.Usd)
            {
                var id = Guid.Parse(entry.SkuId);
                var overridden = user.Any(u => u.SkuId == id || (u.SkuId == null && string.Equals(u.PartNumber, entry.PartNumber, StringComparison.OrdinalIgnoreCase)));
                if (!overridden) result.Add(BuiltInOutput(entry));
            }
            return result;
        }

        private StoredPrice? Resolve(string partNumber, Guid? skuId, decimal monthly, string? currency, out string? problem)
        {
            partNumber = (partNumber ?? "").Trim();
            if (skuId == Guid.Empty) skuId = null;
            if (partNumber.Length == 0 && skuId == null)
            {
                problem = "name the SKU by part number or id.";
                return null;
            }
            problem = ProblemWith(monthly, currency);
            if (problem != null) return null;

            // Key on the SKU id whenever the catalogue can tell it, so a price survives a rename of the part number.
            if (skuId == null)
            {
                var matches = _catalog.FindByPartNumber(partNumber);
                if (matches.Count == 1) skuId = matches[0].SkuId;
            }
            if (skuId != null && partNumber.Length == 0) partNumber = _catalog.FindSku(skuId.Value)?.PartNumber ?? "";

            return new StoredPrice(partNumber, skuId, monthly, (currency ?? "").Trim().ToUpperInvariant(), _utcNow());
        }

        /// <summary>What is wrong with a price whatever its SKU, or null: the one check both Set-LicensePrice and the CSV import use.</summary>
        private static string? ProblemWith(decimal monthly, string? currency)
        {
            if (monthly < 0)
                return $"the monthly price {monthly.ToString(CultureInfo.InvariantCulture)} is negative; give the price of one seat for one month, 0 for a free SKU.";
            if (monthly >= MaximumMonthlyPrice)
                return $"the monthly price {monthly.ToString(CultureInfo.InvariantCulture)} is not below {MaximumMonthlyPrice.ToString(CultureInfo.InvariantCulture)} per seat; give the price of one seat for one month.";
            var code = (currency ?? "").Trim().ToUpperInvariant();
            if (code.Length != 3 || !code.All(c => c >= 'A' && c <= 'Z'))
                return $"the currency '{currency}' is not a three-letter ISO 4217 code such as USD or EUR.";
            return null;
        }

        private void Commit(IReadOnlyCollection<StoredPrice> prices)
        {
            lock (_gate)
            {
                var updated = _userPrices.ToList();
                foreach (var price in prices)
                {
                    updated.RemoveAll(existing => Supersedes(price, existing));
                    updated.Add(price);
                }
                // Save first: if the profile cannot be written, the session keeps the prices it had.
                _store.Save(updated);
                _userPrices = updated;
            }
        }

        private static bool Supersedes(StoredPrice price, StoredPrice existing)
        {
            if (price.SkuId != null && existing.SkuId == price.SkuId) return true;
            return existing.SkuId == null && string.Equals(existing.PartNumber, price.PartNumber, StringComparison.OrdinalIgnoreCase) && price.PartNumber.Length > 0;
        }

        private StoredPrice? FindUserPrice(Guid skuId, string partNumber)
        {
            if (skuId != Guid.Empty)
            {
                var byId = _userPrices.FirstOrDefault(p => p.SkuId == skuId);
                if (byId != null) return byId;
            }
            if (string.IsNullOrWhiteSpace(partNumber)) return null;
            // A price keyed on another SKU's id must not leak onto a different SKU that shares the part number.
            return _userPrices.FirstOrDefault(p =>
                (p.SkuId == null || skuId == Guid.Empty) && string.Equals(p.PartNumber, partNumber.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        private static (string SkuId, string PartNumber, decimal Monthly)? FindBuiltIn(Guid skuId, string partNumber)
        {
            var id = skuId.ToString("D");
            foreach (var entry in BuiltInPrices.Usd)
            {
                if (string.Equals(entry.SkuId, id, StringComparison.OrdinalIgnoreCase)) return entry;
            }
            if (string.IsNullOrWhiteSpace(partNumber)) return null;
            // An id the table does not know under a known part number is, in practice, the same product re-issued.
            foreach (var entry in BuiltInPrices.Usd)
            {
                if (string.Equals(entry.PartNumber, partNumber.Trim(), StringComparison.OrdinalIgnoreCase)) return entry;
            }
            return null;
        }

        private LicensePrice ToOutput(StoredPrice price) => Named(new LicensePrice
        {
            SkuPartNumber = price.PartNumber,
            SkuId = price.SkuId,
            MonthlyPrice = price.MonthlyPrice,
            Currency = price.Currency,
            Source = UserSource,
            AsOf = price.SetAt,
        });

        private LicensePrice Named(LicensePrice price)
        {
            (price.ProductName, price.InCatalog) = _catalog.DisplayName(price.SkuId ?? Guid.Empty, price.SkuPartNumber);
            return price;
        }

        private LicensePrice BuiltInOutput((string SkuId, string PartNumber, decimal Monthly) entry)
        {
            var id = Guid.Parse(entry.SkuId);
            return Named(new LicensePrice
            {
                SkuPartNumber = entry.PartNumber,
                SkuId = id,
                MonthlyPrice = entry.Monthly,
                Currency = BuiltInCurrency,
                Source = BuiltInSource,
                AsOf = BuiltInPricesAsOf,
            });
        }

        private static string KeyOf(StoredPrice price) => price.SkuId?.ToString("D") ?? price.PartNumber;

        private static string Label(string partNumber, Guid? skuId) =>
            !string.IsNullOrWhiteSpace(partNumber) ? partNumber.Trim() : skuId?.ToString("D") ?? "";

        // Culture-invariant and without thousands separators, so "10,60" from a comma-decimal locale is refused
        // instead of being read as 1060.
        private static bool TryParseAmount(string text, out decimal amount) =>
            decimal.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out amount);
    }
}
