using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Engine.Kernel.Catalog;

namespace LicenseGovernance.Engine.Kernel.Pricing
{
    /// <summary>The user's own prices, persisted as JSON at a path the caller chooses (the engine passes &lt;settings dir&gt;/prices.json).</summary>
    public sealed class PriceStore
    {
        private const int CurrentVersion = 1;

        public PriceStore(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A path for the price file is required.", nameof(path));
            Path = path;
        }

        public string Path { get; }

        /// <summary>No file yet means no user prices.</summary>
        public IReadOnlyList<StoredPrice> Load()
        {
            if (!File.Exists(Path)) return Array.Empty<StoredPrice>();
            PriceFile? file;
            try
            {
                file = JsonSerializer.Deserialize<PriceFile>(File.ReadAllText(Path));
            }
            catch (JsonException e)
            {
                throw Errors.SettingsFileInvalid(Path, $"the saved prices are not valid JSON ({e.Message}).").ToException();
            }
            if (file?.Prices == null) return Array.Empty<StoredPrice>();

            var prices = new List<StoredPrice>();
            foreach (var entry in file.Prices)
            {
                if (entry == null || entry.Currency == null || (string.IsNullOrEmpty(entry.PartNumber) && entry.SkuId == null))
                    throw Errors.SettingsFileInvalid(Path, "a saved price has no SKU or currency.").ToException();
                prices.Add(new StoredPrice(entry.PartNumber ?? "", entry.SkuId, entry.MonthlyPrice, entry.Currency, DateTime.SpecifyKind(entry.SetAt, DateTimeKind.Utc)));
            }
            return prices;
        }

        public void Save(IEnumerable<StoredPrice> prices)
        {
            var file = new PriceFile
            {
                Version = CurrentVersion,
                Prices = prices.Select(p => new PriceEntry
                {
                    PartNumber = p.PartNumber,
                    SkuId = p.SkuId,
                    MonthlyPrice = p.MonthlyPrice,
                    Currency = p.Currency,
                    SetAt = p.SetAt,
                }).ToList(),
            };
            AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(file, new JsonSerializerOptions { WriteIndented = true }));
        }

        private sealed class PriceFile
        {
            public int Version { get; set; }
            public List<PriceEntry>? Prices { get; set; }
        }

        private sealed class PriceEntry
        {
            public string? PartNumber { get; set; }
            public Guid? SkuId { get; set; }
            public decimal MonthlyPrice { get; set; }
            public string? Currency { get; set; }
            public DateTime SetAt { get; set; }
        }
    }
}
