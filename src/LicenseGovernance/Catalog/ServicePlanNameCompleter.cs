using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Catalog
{
    /// <summary>Completes service plan names of the SKUs already given in -Sku (of every SKU when none is given yet).</summary>
    public sealed class ServicePlanNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = EngineCompletion.Prefix(wordToComplete);
            var request = new GetLicenseSkuRequest { Sku = BoundSkus(fakeBoundParameters) };
            return EngineCompletion.Collect<LicenseSku>((engine, sink) => engine.GetSkusAsync(request, sink))
                .SelectMany(s => s.ServicePlans)
                .GroupBy(p => p.ServicePlanName, System.StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .Where(p => EngineCompletion.Matches(p.ServicePlanName, prefix))
                .OrderBy(p => p.ServicePlanName, System.StringComparer.OrdinalIgnoreCase)
                .Select(p => EngineCompletion.Result(p.ServicePlanName, p.FriendlyName));
        }

        private static string[]? BoundSkus(IDictionary fakeBoundParameters)
        {
            var value = fakeBoundParameters?["Sku"];
            var values = value is IEnumerable items && !(value is string) ? items.Cast<object?>() : new[] { value };
            var skus = values.Select(v => LanguagePrimitives.ConvertTo<string>(v is PSObject ps ? ps.BaseObject : v)).Where(s => !string.IsNullOrEmpty(s)).ToArray();
            return skus.Length == 0 ? null : skus;
        }
    }
}
