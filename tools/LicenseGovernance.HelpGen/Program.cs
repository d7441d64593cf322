using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LicenseGovernance.HelpGen.Model;

namespace LicenseGovernance.HelpGen
{
    /// <summary>
    /// dotnet LicenseGovernance.HelpGen.dll --assembly &lt;LicenseGovernance.dll&gt; --source &lt;docs/help&gt; --out &lt;...-Help.xml&gt;
    /// Exit codes: 0 written, 1 help and code disagree (every problem listed), 2 bad arguments or unreadable input.
    /// </summary>
    public static class Program
    {
        /// <summary>Describes the help format itself; it documents no cmdlet.</summary>
        private const string FormatReadme = "README.md";

        public static int Main(string[] args)
        {
            var options = ParseArguments(args);
            if (options == null)
            {
                Console.Error.WriteLine("Usage: LicenseGovernance.HelpGen --assembly <cmdlet dll> --source <help source folder> --out <MAML file>");
                return 2;
            }

            try
            {
                return Generate(options["--assembly"], options["--source"], options["--out"]);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is BadImageFormatException)
            {
                Console.Error.WriteLine("HelpGen: " + e.Message);
                return 2;
            }
        }

        private static int Generate(string assemblyPath, string sourceFolder, string outputPath)
        {
            IReadOnlyList<CmdletInfo> cmdlets;
            using (var reader = new CmdletMetadataReader(assemblyPath))
            {
                cmdlets = reader.ReadCmdlets();
            }

            var problems = new List<string>();
            var helps = new List<CommandHelp>();
            var unreadable = new List<string>();
            var sources = Directory.GetFiles(sourceFolder, "*.md")
                .Where(f => !string.Equals(Path.GetFileName(f), FormatReadme, StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal);
            foreach (var file in sources)
            {
                try
                {
                    var help = HelpMarkdownParser.Parse(Path.GetFileName(file), File.ReadAllText(file));
                    if (!string.Equals(help.Name, Path.GetFileNameWithoutExtension(file), StringComparison.OrdinalIgnoreCase))
                    {
                        problems.Add($"{help.SourceFile}: its title is '# {help.Name}'; the file must be named after the cmdlet it documents.");
                    }

                    helps.Add(help);
                }
                catch (HelpSourceException e)
                {
                    problems.Add(e.Message);
                    unreadable.Add(Path.GetFileNameWithoutExtension(file));
                }
            }

            problems.AddRange(HelpValidator.Validate(cmdlets, helps, unreadable));
            if (problems.Count > 0)
            {
                Console.Error.WriteLine($"HelpGen: the help in {Path.GetFullPath(sourceFolder)} does not match {Path.GetFileName(assemblyPath)}:");
                foreach (var problem in problems)
                {
                    Console.Error.WriteLine("  " + problem);
                }

                return 1;
            }

            var pairs = cmdlets.Select(c => (c, helps.Single(h => string.Equals(h.Name, c.Name, StringComparison.OrdinalIgnoreCase))));
            var outputFolder = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
            Directory.CreateDirectory(outputFolder);
            File.WriteAllBytes(outputPath, MamlWriter.Write(pairs));
            Console.WriteLine($"HelpGen: wrote help for {cmdlets.Count} cmdlets to {outputPath}");
            return 0;
        }

        private static Dictionary<string, string>? ParseArguments(string[] args)
        {
            var required = new[] { "--assembly", "--source", "--out" };
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i += 2)
            {
                if (i + 1 >= args.Length || !required.Contains(args[i]) || options.ContainsKey(args[i]))
                {
                    return null;
                }

                options[args[i]] = args[i + 1];
            }

            return required.All(options.ContainsKey) ? options : null;
        }
    }
}
