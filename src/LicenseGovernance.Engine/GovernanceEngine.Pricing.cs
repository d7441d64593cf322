using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Engine.Kernel.Pricing;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine
{
    public sealed partial class GovernanceEngine
    {
        public async Task<string> CheckPriceAsync(SetPriceRequest request, IGovernanceSink sink)
        {
            // The price first: it needs no Graph call to refuse.
            PriceBook.Check(request.Sku, request.MonthlyPrice, request.Currency);
            return await ResolveSkuNameAsync(request.Sku, sink).ConfigureAwait(false);
        }

        public async Task<LicensePrice> SetPriceAsync(SetPriceRequest request, IGovernanceSink sink)
        {
            var partNumber = await ResolveSkuNameAsync(request.Sku, sink).ConfigureAwait(false);
            var skuId = Catalog().Skus.FirstOrDefault(s => string.Equals(s.PartNumber, partNumber, StringComparison.OrdinalIgnoreCase))?.SkuId;
            if (skuId == null && _session != null)
            {
                skuId = (await Skus().ReadAsync(_session, sink.Cancellation).ConfigureAwait(false))
                    .FirstOrDefault(s => string.Equals(s.SkuPartNumber, partNumber, StringComparison.OrdinalIgnoreCase))?.SkuId;
            }

            var price = Prices().SetPrice(partNumber, skuId, request.MonthlyPrice, request.Currency);
            price.ProductName ??= skuId.HasValue ? Catalog().GetProductName(skuId.Value, partNumber) : null;
            return price;
        }

        public Task<IReadOnlyList<LicensePrice>> CheckPriceFileAsync(ImportPriceRequest request, IGovernanceSink sink) =>
            Task.FromResult(Prices().CheckCsv(request.Path));

        public Task ImportPricesAsync(ImportPriceRequest request, IGovernanceSink sink)
        {
            foreach (var price in Prices().ImportCsv(request.Path))
            {
                sink.WriteObject(price);
            }

            return Task.CompletedTask;
        }

        public Task GetPricesAsync(GetPriceRequest request, IGovernanceSink sink)
        {
            var all = Prices().All().ToList();
            if (request.Sku == null || request.Sku.Length == 0)
            {
                foreach (var price in all)
                {
                    sink.WriteObject(price);
                }

                return Task.CompletedTask;
            }

            foreach (var wanted in request.Sku)
            {
                var matches = all.Where(p => string.Equals(p.SkuPartNumber, wanted, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(p.ProductName, wanted, StringComparison.OrdinalIgnoreCase)
                    || (Guid.TryParse(wanted, out var id) && p.SkuId == id)).ToList();
                if (matches.Count == 0)
                {
                    var names = all.Select(p => p.SkuPartNumber).Concat(all.Where(p => p.ProductName != null).Select(p => p.ProductName!));
                    sink.WriteError(Errors.SkuNotFound(wanted, NameMatcher.Closest(wanted, names)));
                }

                foreach (var price in matches)
                {
                    sink.WriteObject(price);
                }
            }

            return Task.CompletedTask;
        }
    }
}
