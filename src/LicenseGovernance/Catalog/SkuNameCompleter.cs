using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Catalog
{
    /// <summary>
    /// Completes the tenant's subscribed SKUs: part numbers (with the product name as the tooltip), and product names for
    /// what matches no part number ("Microsoft 3" gives 'Microsoft 365 E3'), since -Sku takes either.
    /// </summary>
    public sealed class SkuNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = EngineCompletion.Prefix(wordToComplete);
            var skus = EngineCompletion.Collect<LicenseSku>((engine, sink) => engine.GetSkusAsync(new GetLicenseSkuRequest(), sink));
            var byPartNumber = skus.Where(s => EngineCompletion.Matches(s.SkuPartNumber, prefix))
                .OrderBy(s => s.SkuPartNumber, System.StringComparer.OrdinalIgnoreCase)
                .Select(s => EngineCompletion.Result(s.SkuPartNumber, s.ProductName));
            var byProductName = skus.Where(s => s.InCatalog && s.ProductName != null && !EngineCompletion.Matches(s.SkuPartNumber, prefix) && EngineCompletion.Matches(s.ProductName, prefix))
                .OrderBy(s => s.ProductName, System.StringComparer.OrdinalIgnoreCase)
                .Select(s => EngineCompletion.Result(s.ProductName!, s.SkuPartNumber));
            return byPartNumber.Concat(byProductName).ToList();
        }
    }
}
