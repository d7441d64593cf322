using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.HelpGen.Model;

namespace LicenseGovernance.HelpGen
{
    /// <summary>
    /// Pairs each cmdlet with its help source and lists every way the two disagree, so one run reports all of them.
    /// Help that drifts from the code is worse than none: it documents parameters that fail to bind.
    /// </summary>
    public static class HelpValidator
    {
        public const string NoOutput = "None";

        /// <param name="unreadable">Cmdlet names whose help source failed to parse; already reported, so not reported missing.</param>
        public static IReadOnlyList<string> Validate(IReadOnlyList<CmdletInfo> cmdlets, IReadOnlyList<CommandHelp> helps, IReadOnlyCollection<string> unreadable)
        {
            var problems = new List<string>();
            foreach (var cmdlet in cmdlets)
            {
                var help = helps.FirstOrDefault(h => string.Equals(h.Name, cmdlet.Name, StringComparison.OrdinalIgnoreCase));
                if (help == null && unreadable.Contains(cmdlet.Name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (help == null)
                {
                    problems.Add($"{cmdlet.Name} ({cmdlet.TypeName}): no help source {cmdlet.Name}.md.");
                    continue;
                }

                ValidateCommand(cmdlet, help, problems);
            }

            foreach (var help in helps.Where(h => !cmdlets.Any(c => string.Equals(c.Name, h.Name, StringComparison.OrdinalIgnoreCase))))
            {
                problems.Add($"{help.SourceFile}: documents {help.Name}, which is not a cmdlet in the assembly.");
            }

            return problems;
        }

        private static void ValidateCommand(CmdletInfo cmdlet, CommandHelp help, List<string> problems)
        {
            var where = $"{cmdlet.Name} ({help.SourceFile})";
            if (help.Synopsis.Trim().Length == 0)
            {
                problems.Add($"{where}: the SYNOPSIS is empty.");
            }

            if (help.Examples.Count == 0)
            {
                problems.Add($"{where}: there is no example.");
            }

            foreach (var parameter in cmdlet.Parameters.Where(p => !p.IsShouldProcessParameter))
            {
                var described = help.Parameters.FirstOrDefault(p => string.Equals(p.Key, parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (described.Key == null)
                {
                    problems.Add($"{where}: parameter -{parameter.Name} is not described.");
                }
                else if (described.Value.Count == 0)
                {
                    problems.Add($"{where}: parameter -{parameter.Name} has a heading but no description.");
                }
            }

            foreach (var name in help.Parameters.Select(p => p.Key))
            {
                if (!cmdlet.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"{where}: describes parameter -{name}, which the cmdlet does not have.");
                }
            }

            // [OutputType] is the source of truth for what the cmdlet writes; the Markdown may only describe those types.
            foreach (var output in help.Outputs.Select(o => o.TypeName))
            {
                if (output == NoOutput ? cmdlet.OutputTypes.Count > 0 : !cmdlet.OutputTypes.Contains(output))
                {
                    var declared = cmdlet.OutputTypes.Count == 0 ? "no [OutputType]" : "[OutputType] " + string.Join(", ", cmdlet.OutputTypes);
                    problems.Add($"{where}: OUTPUTS lists {output}, but the cmdlet declares {declared}.");
                }
            }
        }
    }
}
