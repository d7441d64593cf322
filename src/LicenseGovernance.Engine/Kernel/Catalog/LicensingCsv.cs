using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using CsvHelper.Configuration;

namespace LicenseGovernance.Engine.Kernel.Catalog
{
    /// <summary>
    /// Reads and writes Microsoft's "Product names and service plan identifiers for licensing" table: one row per
    /// SKU x service plan. Everything is keyed on the GUIDs, because display names and part numbers repeat across rows.
    /// </summary>
    internal static class LicensingCsv
    {
        public const string ProductDisplayName = "Product_Display_Name";
        public const string StringId = "String_Id";
        public const string Guid = "GUID";
        public const string ServicePlanName = "Service_Plan_Name";
        public const string ServicePlanId = "Service_Plan_Id";
        public const string FriendlyNames = "Service_Plans_Included_Friendly_Names";

        private static readonly string[] Required = { ProductDisplayName, StringId, Guid, ServicePlanName, ServicePlanId };

        public static ParsedCatalog Parse(TextReader reader, string sourceName)
        {
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                IgnoreBlankLines = true,
                TrimOptions = TrimOptions.Trim,
                MissingFieldFound = null,
                // A stray quote inside a field is still a readable row; the GUID checks decide whether it is usable.
                BadDataFound = null,
            };

            using var csv = new CsvReader(reader, configuration);
            if (!csv.Read()) throw Errors.CatalogFileInvalid(sourceName, "the file is empty.").ToException();
            csv.ReadHeader();
            var header = csv.HeaderRecord ?? Array.Empty<string>();

            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                var key = HeaderKey(header[i]);
                if (key.Length > 0 && !columns.ContainsKey(key)) columns[key] = i;
            }
            var missing = Required.Where(name => !columns.ContainsKey(HeaderKey(name))).ToList();
            if (missing.Count > 0)
            {
                throw Errors.CatalogFileInvalid(sourceName,
                    $"it has no column {string.Join(", ", missing)} (found: {string.Join(", ", header.Select(h => h.Trim()))}).").ToException();
            }

            int productColumn = columns[HeaderKey(ProductDisplayName)], partColumn = columns[HeaderKey(StringId)], skuColumn = columns[HeaderKey(Guid)];
            int planNameColumn = columns[HeaderKey(ServicePlanName)], planIdColumn = columns[HeaderKey(ServicePlanId)];
            var friendlyColumn = columns.TryGetValue(HeaderKey(FriendlyNames), out var f) ? f : -1;

            var result = new ParsedCatalog();
            while (csv.Read())
            {
                if (IsBlank(csv)) continue;
                result.RowCount++;

                if (!System.Guid.TryParse(Field(csv, skuColumn), out var skuId))
                {
                    result.SkippedRowCount++;
                    continue;
                }
                var planIdText = Field(csv, planIdColumn);
                var planName = Field(csv, planNameColumn);
                Guid planId = default;
                var hasPlan = planIdText.Length > 0 || planName.Length > 0;
                if (hasPlan && !System.Guid.TryParse(planIdText, out planId))
                {
                    result.SkippedRowCount++;
                    continue;
                }

                var sku = result.AddSku(skuId, Field(csv, partColumn), Field(csv, productColumn));
                if (!hasPlan) continue;
                result.AddPlan(planId, planName, friendlyColumn < 0 ? "" : Field(csv, friendlyColumn));
                if (!sku.PlanIds.Contains(planId)) sku.PlanIds.Add(planId);
            }

            if (result.RowCount == 0) throw Errors.CatalogFileInvalid(sourceName, "it has a header but no rows.").ToException();
            if (result.Skus.Count == 0)
                throw Errors.CatalogFileInvalid(sourceName, $"none of its {result.RowCount} rows has a valid SKU GUID.").ToException();
            return result;
        }

        public static void Write(TextWriter writer, IEnumerable<CatalogSku> skus)
        {
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
            foreach (var column in new[] { ProductDisplayName, StringId, Guid, ServicePlanName, ServicePlanId, FriendlyNames }) csv.WriteField(column);
            csv.NextRecord();
            foreach (var sku in skus)
            {
                if (sku.ServicePlans.Count == 0)
                {
                    WriteRow(csv, sku, null);
                    continue;
                }
                foreach (var plan in sku.ServicePlans) WriteRow(csv, sku, plan);
            }
        }

        private static void WriteRow(CsvWriter csv, CatalogSku sku, CatalogServicePlan? plan)
        {
            csv.WriteField(sku.ProductName);
            csv.WriteField(sku.PartNumber);
            csv.WriteField(sku.SkuId.ToString("D"));
            csv.WriteField(plan?.ServicePlanName ?? "");
            csv.WriteField(plan?.ServicePlanId.ToString("D") ?? "");
            csv.WriteField(plan?.FriendlyName ?? "");
            csv.NextRecord();
        }

        // Older copies spell the header "String_ Id", and hand-edited copies add spaces or change case.
        private static string HeaderKey(string header) =>
            new string(header.Where(c => !char.IsWhiteSpace(c) && c != '_' && c != '\uFEFF').Select(char.ToUpperInvariant).ToArray());

        private static string Field(CsvReader csv, int index) =>
            index < csv.Parser.Count ? (csv.Parser[index] ?? "").Trim() : "";

        // Rows of bare commas are what spreadsheet tools leave where a person deleted a row's contents.
        private static bool IsBlank(CsvReader csv)
        {
            for (var i = 0; i < csv.Parser.Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(csv.Parser[i])) return false;
            }
            return true;
        }
    }

    /// <summary>The rows of one licensing CSV, grouped by GUID, before they are merged into a catalogue.</summary>
    internal sealed class ParsedCatalog
    {
        public int RowCount { get; set; }
        public int SkippedRowCount { get; set; }
        public Dictionary<Guid, ParsedSku> Skus { get; } = new Dictionary<Guid, ParsedSku>();
        public Dictionary<Guid, ParsedPlan> Plans { get; } = new Dictionary<Guid, ParsedPlan>();

        public ParsedSku AddSku(Guid skuId, string partNumber, string productName)
        {
            if (!Skus.TryGetValue(skuId, out var sku))
            {
                sku = new ParsedSku(skuId, partNumber, productName);
                Skus.Add(skuId, sku);
            }
            return sku;
        }

        public void AddPlan(Guid planId, string name, string friendlyName)
        {
            if (!Plans.TryGetValue(planId, out var plan))
            {
                Plans.Add(planId, new ParsedPlan(planId, name, friendlyName));
                return;
            }
            if (FriendlyNameQuality(friendlyName, name) > FriendlyNameQuality(plan.FriendlyName, plan.Name))
                Plans[planId] = new ParsedPlan(planId, plan.Name.Length > 0 ? plan.Name : name, friendlyName);
        }

        // The same plan is named many ways across rows ("Microsoft Teams", "MICROSOFT TEAMS", "TEAMS1"); prefer the
        // name a person would write over shouting or a repeat of the code name.
        private static int FriendlyNameQuality(string friendlyName, string planName)
        {
            if (friendlyName.Length == 0) return 0;
            var score = 1;
            if (!string.Equals(friendlyName, planName, StringComparison.OrdinalIgnoreCase)) score += 2;
            if (friendlyName.Any(char.IsLower)) score += 1;
            return score;
        }
    }

    internal sealed class ParsedSku
    {
        public ParsedSku(Guid skuId, string partNumber, string productName)
        {
            SkuId = skuId;
            PartNumber = partNumber;
            ProductName = productName;
        }

        public Guid SkuId { get; }
        public string PartNumber { get; }
        public string ProductName { get; }
        public List<Guid> PlanIds { get; } = new List<Guid>();
    }

    internal sealed class ParsedPlan
    {
        public ParsedPlan(Guid servicePlanId, string name, string friendlyName)
        {
            ServicePlanId = servicePlanId;
            Name = name;
            FriendlyName = friendlyName;
        }

        public Guid ServicePlanId { get; }
        public string Name { get; }
        public string FriendlyName { get; }
    }
}
