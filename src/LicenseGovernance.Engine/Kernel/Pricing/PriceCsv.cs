using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using CsvHelper.Configuration;

namespace LicenseGovernance.Engine.Kernel.Pricing
{
    /// <summary>Reads a user's price list into raw rows with their line numbers; <see cref="PriceBook"/> judges the values.</summary>
    internal static class PriceCsv
    {
        private static readonly string[] SkuHeaders = { "SKU", "SKUPARTNUMBER", "SKUID", "PARTNUMBER" };
        private static readonly string[] PriceHeaders = { "MONTHLYPRICE", "PRICE" };
        private static readonly string[] CurrencyHeaders = { "CURRENCY" };

        public static IReadOnlyList<PriceRow> Read(string text, string sourceName)
        {
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                IgnoreBlankLines = true,
                TrimOptions = TrimOptions.Trim,
                MissingFieldFound = null,
                BadDataFound = null,
                // Spreadsheets in comma-decimal locales save lists with ';'.
                DetectDelimiter = true,
            };
            using var csv = new CsvReader(new StringReader(text), configuration);
            if (!csv.Read()) throw Errors.PriceFileInvalid(sourceName, "the file is empty.").ToException();
            csv.ReadHeader();
            var header = (csv.HeaderRecord ?? Array.Empty<string>()).Select(Key).ToList();

            var skuColumn = Find(header, SkuHeaders);
            var priceColumn = Find(header, PriceHeaders);
            var currencyColumn = Find(header, CurrencyHeaders);
            var missing = new List<string>();
            if (skuColumn < 0) missing.Add("Sku");
            if (priceColumn < 0) missing.Add("MonthlyPrice");
            if (currencyColumn < 0) missing.Add("Currency");
            if (missing.Count > 0)
                throw Errors.PriceFileInvalid(sourceName, $"it has no column {string.Join(", ", missing)}.").ToException();

            var rows = new List<PriceRow>();
            while (csv.Read())
            {
                if (Enumerable.Range(0, csv.Parser.Count).All(i => string.IsNullOrWhiteSpace(csv.Parser[i]))) continue;
                rows.Add(new PriceRow(csv.Parser.RawRow, Field(csv, skuColumn), Field(csv, priceColumn), Field(csv, currencyColumn)));
            }
            if (rows.Count == 0) throw Errors.PriceFileInvalid(sourceName, "it has a header but no prices.").ToException();
            return rows;
        }

        private static int Find(IList<string> header, string[] names)
        {
            foreach (var name in names)
            {
                var index = header.IndexOf(name);
                if (index >= 0) return index;
            }
            return -1;
        }

        private static string Key(string header) =>
            new string(header.Where(c => !char.IsWhiteSpace(c) && c != '_' && c != '\uFEFF').Select(char.ToUpperInvariant).ToArray());

        private static string Field(CsvReader csv, int index) =>
            index < csv.Parser.Count ? (csv.Parser[index] ?? "").Trim() : "";
    }

    internal sealed class PriceRow
    {
        public PriceRow(int line, string sku, string monthlyPrice, string currency)
        {
            Line = line;
            Sku = sku;
            MonthlyPrice = monthlyPrice;
            Currency = currency;
        }

        /// <summary>1-based line in the file, as a spreadsheet shows it.</summary>
        public int Line { get; }
        public string Sku { get; }
        public string MonthlyPrice { get; }
        public string Currency { get; }
    }
}
