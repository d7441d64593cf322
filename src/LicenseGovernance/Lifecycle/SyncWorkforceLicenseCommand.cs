using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Lifecycle
{
    /// <summary>
    /// HR-driven joiners, movers, leavers and leave: an HR export (or Entra's own HR attributes) and a rules file give
    /// each person a tier. This reads the rules file with the PowerShell data-file reader and hands it on as a request;
    /// the engine decides and changes everything, asking ShouldProcess for the run's seats and cost and then per person.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "WorkforceLicense", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = FileSet)]
    [OutputType(typeof(WorkforceChange), typeof(WorkforcePreview))]
    public sealed class SyncWorkforceLicenseCommand : LicenseGovernanceCmdlet
    {
        private const string FileSet = "Path";
        private const string EntraSet = "FromEntra";
        private static readonly string[] RuleKeys = { "Columns", "Rules", "Default", "LeaveTier" };

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = FileSet)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = EntraSet)]
        public SwitchParameter FromEntra { get; set; }

        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string RulePath { get; set; } = "";

        [Parameter]
        public SwitchParameter Preview { get; set; }

        /// <summary>Seconds each wait for access package delivery or Entra may last.</summary>
        [Parameter]
        [ValidateRange(0, SyncLicenseTierRequest.MaxWaitTimeoutSeconds)]
        public int WaitTimeout { get; set; } = SyncLicenseTierRequest.DefaultWaitTimeoutSeconds;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void EndProcessing()
        {
            var rulePath = GetUnresolvedProviderPathFromPSPath(RulePath);
            var request = new SyncWorkforceLicenseRequest
            {
                Path = FromEntra ? null : GetUnresolvedProviderPathFromPSPath(Path),
                FromEntra = FromEntra,
                RulePath = rulePath,
                Preview = Preview,
                WaitTimeoutSeconds = WaitTimeout,
            };
            try
            {
                ReadRules(rulePath, request);
            }
            catch (LicenseGovernanceException e)
            {
                ThrowParameterError(e.Error);
            }

            RunEngine(sink => Engine.SyncWorkforceLicensesAsync(request, sink));
            base.EndProcessing();
        }

        private void ReadRules(string path, SyncWorkforceLicenseRequest request)
        {
            var data = ReadDataFile(path);
            foreach (DictionaryEntry entry in data)
            {
                var key = entry.Key?.ToString() ?? "";
                switch (Array.Find(RuleKeys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
                {
                    case "Columns": request.Columns = Columns(path, entry.Value); break;
                    case "Rules": request.Rules = Rules(path, entry.Value); break;
                    case "Default": request.Default = Text(path, "Default", entry.Value); break;
                    case "LeaveTier": request.LeaveTier = Text(path, "LeaveTier", entry.Value); break;
                    default: throw Invalid(path, key, $"'{key}' is not a key of the rules file; the keys are {string.Join(", ", RuleKeys)}.");
                }
            }
        }

        /// <summary>The rules file through Import-PowerShellDataFile: data only, no code runs.</summary>
        private Hashtable ReadDataFile(string path)
        {
            if (!System.IO.File.Exists(path))
            {
                throw Invalid(path, "the file", "it does not exist.");
            }

            try
            {
                var read = InvokeCommand.InvokeScript(false, ScriptBlock.Create("param($p) Import-PowerShellDataFile -LiteralPath $p"), null, path);
                return read.Count == 1 && read[0]?.BaseObject is Hashtable table ? table : throw Invalid(path, "the file", "it does not hold one hashtable (@{ ... }).");
            }
            catch (RuntimeException e)
            {
                throw Invalid(path, "the file", e.Message);
            }
        }

        private Dictionary<string, string> Columns(string path, object? value)
        {
            var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (!(Unwrap(value) is Hashtable table))
            {
                throw Invalid(path, "Columns", "it must be a hashtable of field = 'header' (for example @{ UserPrincipalName = 'Work Email' }).");
            }

            foreach (DictionaryEntry entry in table)
            {
                columns[entry.Key?.ToString() ?? ""] = Text(path, "Columns." + entry.Key, entry.Value) ?? "";
            }

            return columns;
        }

        private List<WorkforceTierRule> Rules(string path, object? value)
        {
            var rules = new List<WorkforceTierRule>();
            var items = Unwrap(value) is object[] array ? array : new[] { value };
            for (var i = 0; i < items.Length; i++)
            {
                var key = "Rules[" + i + "]";
                if (!(Unwrap(items[i]) is Hashtable rule))
                {
                    throw Invalid(path, key, "each rule must be a hashtable @{ Tier = '<tier>'; When = '<rule>' }.");
                }

                var parsed = new WorkforceTierRule();
                foreach (DictionaryEntry entry in rule)
                {
                    switch (entry.Key?.ToString()?.ToUpperInvariant())
                    {
                        case "TIER": parsed.Tier = Text(path, key + ".Tier", entry.Value) ?? ""; break;
                        case "WHEN": parsed.When = Text(path, key + ".When", entry.Value) ?? ""; break;
                        default: throw Invalid(path, key + "." + entry.Key, "a rule has only the keys Tier and When.");
                    }
                }

                rules.Add(parsed);
            }

            return rules;
        }

        private string? Text(string path, string key, object? value) =>
            Unwrap(value) switch
            {
                null => null,
                string text => text,
                _ => throw Invalid(path, key, "it must be a string in quotes."),
            };

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static LicenseGovernanceException Invalid(string path, string key, string reason) => Errors.WorkforceRulesInvalid(path, key, reason).ToException();
    }
}
