using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>Completes tier access package names (of the catalog given with -Catalog, else the default one) from the connected tenant.</summary>
    public sealed class TierAccessPackageNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = EngineCompletion.Prefix(wordToComplete);
            var catalog = fakeBoundParameters?["Catalog"] as string ?? TierAccessPackageRequest.DefaultCatalog;
            var request = new GetTierAccessPackageRequest { Catalog = catalog, Tier = new[] { WildcardPattern.Escape(prefix) + "*" } };
            return EngineCompletion.Collect<TierAccessPackage>((engine, sink) => engine.GetTierAccessPackagesAsync(request, sink))
                .Where(p => EngineCompletion.Matches(p.Name, prefix))
                .Select(p => EngineCompletion.Result(p.Name, p.TierGroup + ": " + p.Summary));
        }
    }
}
