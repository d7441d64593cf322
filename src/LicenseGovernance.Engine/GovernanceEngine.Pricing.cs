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

            return Prices().SetPrice(partNumber, skuId, request.MonthlyPrice, request.Currency);
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

            // Prices are named like SKUs, so the SKUs' one resolver (names, ids, wildcards) picks them too.
            var priced = all.Select(p => new LicenseSku { SkuId = p.SkuId ?? Guid.Empty, SkuPartNumber = p.SkuPartNumber, ProductName = p.ProductName }).ToList();
            foreach (var sku in LicenseSelection.FilterSkus(priced, request.Sku, sink.WriteError))
            {
                sink.WriteObject(all.First(p => string.Equals(p.SkuPartNumber, sku.SkuPartNumber, StringComparison.OrdinalIgnoreCase)));
            }

            return Task.CompletedTask;
        }
    }
}
