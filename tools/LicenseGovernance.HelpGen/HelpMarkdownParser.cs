using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LicenseGovernance.HelpGen.Model;

namespace LicenseGovernance.HelpGen
{
    /// <summary>
    /// Parses the help source format described in docs/help/README.md. Strict on purpose: an unknown section, a stray
    /// heading or a code block outside an example is an error, because a silently dropped paragraph is help nobody sees.
    /// </summary>
    public static class HelpMarkdownParser
    {
        private const string Fence = "```";

        private static readonly string[] Sections = { "SYNOPSIS", "DESCRIPTION", "PARAMETERS", "INPUTS", "OUTPUTS", "EXAMPLES", "NOTES", "RELATED LINKS" };
        private static readonly string[] SectionsWithItems = { "PARAMETERS", "INPUTS", "OUTPUTS", "EXAMPLES" };

        public static CommandHelp Parse(string sourceFile, string text)
        {
            var lines = text.Replace("\r\n", "\n").Split('\n');
            var index = 0;
            while (index < lines.Length && lines[index].Trim().Length == 0)
            {
                index++;
            }

            if (index == lines.Length || !lines[index].StartsWith("# ", StringComparison.Ordinal))
            {
                throw new HelpSourceException(sourceFile, index + 1, "the file must start with '# <Verb-Noun>'.");
            }

            var help = new CommandHelp(sourceFile, lines[index].Substring(2).Trim());
            var seen = new HashSet<string>();
            string? section = null;
            var block = new Block(index + 2);

            for (index++; index < lines.Length; index++)
            {
                var line = lines[index];
                var lineNumber = index + 1;
                if (line.TrimStart().StartsWith(Fence, StringComparison.Ordinal))
                {
                    index = ReadFence(sourceFile, lines, index, block, section);
                    continue;
                }

                if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    throw new HelpSourceException(sourceFile, lineNumber, "only one '# ' title is allowed.");
                }

                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    Complete(help, section, block);
                    section = line.Substring(3).Trim().ToUpperInvariant();
                    if (!Sections.Contains(section))
                    {
                        throw new HelpSourceException(sourceFile, lineNumber, $"unknown section '{line.Trim()}'. Known sections: {string.Join(", ", Sections)}.");
                    }

                    if (!seen.Add(section))
                    {
                        throw new HelpSourceException(sourceFile, lineNumber, $"section '{section}' appears twice.");
                    }

                    block = new Block(lineNumber + 1);
                    continue;
                }

                if (line.StartsWith("### ", StringComparison.Ordinal))
                {
                    if (section == null || !SectionsWithItems.Contains(section))
                    {
                        throw new HelpSourceException(sourceFile, lineNumber, $"'###' headings belong only under {string.Join(", ", SectionsWithItems)}.");
                    }

                    Complete(help, section, block);
                    block = new Block(lineNumber + 1) { Heading = line.Substring(4).Trim() };
                    continue;
                }

                if (section == null && line.Trim().Length > 0)
                {
                    throw new HelpSourceException(sourceFile, lineNumber, "text before the first '## ' section.");
                }

                block.Lines.Add(line);
            }

            Complete(help, section, block);
            return help;
        }

        private static int ReadFence(string sourceFile, string[] lines, int start, Block block, string? section)
        {
            if (section != "EXAMPLES" || block.Heading == null)
            {
                throw new HelpSourceException(sourceFile, start + 1, "code blocks are allowed only inside an example ('### ' under '## EXAMPLES').");
            }

            if (block.Code != null)
            {
                throw new HelpSourceException(sourceFile, start + 1, $"example '{block.Heading}' has a second code block; put all of its code in one.");
            }

            var code = new List<string>();
            for (var index = start + 1; index < lines.Length; index++)
            {
                if (lines[index].TrimStart().StartsWith(Fence, StringComparison.Ordinal))
                {
                    block.Code = string.Join("\n", code).Trim('\n');
                    return index;
                }

                code.Add(lines[index].TrimEnd());
            }

            throw new HelpSourceException(sourceFile, start + 1, "code block is never closed.");
        }

        private static void Complete(CommandHelp help, string? section, Block block)
        {
            if (section == null)
            {
                return;
            }

            var paragraphs = Paragraphs(block.Lines);
            if (block.Heading == null)
            {
                if (SectionsWithItems.Contains(section))
                {
                    if (paragraphs.Count > 0)
                    {
                        throw new HelpSourceException(help.SourceFile, block.FirstLine, $"text under '## {section}' must follow a '### ' heading.");
                    }

                    return;
                }

                switch (section)
                {
                    case "SYNOPSIS":
                        help.Synopsis = string.Join(" ", paragraphs);
                        break;
                    case "DESCRIPTION":
                        help.Description.AddRange(paragraphs);
                        break;
                    case "NOTES":
                        help.Notes.AddRange(paragraphs);
                        break;
                    case "RELATED LINKS":
                        help.RelatedLinks.AddRange(Links(help.SourceFile, block));
                        break;
                }

                return;
            }

            switch (section)
            {
                case "PARAMETERS":
                    if (!block.Heading.StartsWith("-", StringComparison.Ordinal) || block.Heading.Length < 2)
                    {
                        throw new HelpSourceException(help.SourceFile, block.FirstLine - 1, $"parameter heading '### {block.Heading}' must be '### -Name'.");
                    }

                    var name = block.Heading.Substring(1);
                    if (help.Parameters.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)))
                    {
                        throw new HelpSourceException(help.SourceFile, block.FirstLine - 1, $"parameter -{name} is described twice.");
                    }

                    help.Parameters.Add(new KeyValuePair<string, List<string>>(name, paragraphs));
                    break;
                case "INPUTS":
                    help.Inputs.Add(new TypeHelp(block.Heading, paragraphs));
                    break;
                case "OUTPUTS":
                    help.Outputs.Add(new TypeHelp(block.Heading, paragraphs));
                    break;
                case "EXAMPLES":
                    if (string.IsNullOrWhiteSpace(block.Code))
                    {
                        throw new HelpSourceException(help.SourceFile, block.FirstLine - 1, $"example '{block.Heading}' has no code block.");
                    }

                    help.Examples.Add(new ExampleHelp(block.Heading, block.Code!, paragraphs));
                    break;
            }
        }

        /// <summary>Blank lines separate paragraphs; a list item starts a paragraph of its own; wrapped lines are joined.</summary>
        private static List<string> Paragraphs(IEnumerable<string> lines)
        {
            var paragraphs = new List<string>();
            var current = new StringBuilder();
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.Length == 0 || IsListItem(line))
                {
                    Flush();
                }

                if (line.Length > 0)
                {
                    current.Append(current.Length == 0 ? "" : " ").Append(line);
                }
            }

            Flush();
            return paragraphs;

            void Flush()
            {
                if (current.Length > 0)
                {
                    paragraphs.Add(current.ToString());
                    current.Clear();
                }
            }
        }

        private static bool IsListItem(string line) => line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);

        /// <summary>One link per list item: '- Name' or '- [Name](https://...)'.</summary>
        private static IEnumerable<RelatedLink> Links(string sourceFile, Block block)
        {
            for (var i = 0; i < block.Lines.Count; i++)
            {
                var line = block.Lines[i].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (!IsListItem(line))
                {
                    throw new HelpSourceException(sourceFile, block.FirstLine + i, "related links must be list items ('- Name' or '- [Name](uri)').");
                }

                var item = line.Substring(2).Trim();
                var close = item.IndexOf("](", StringComparison.Ordinal);
                if (item.StartsWith("[", StringComparison.Ordinal) && close > 0 && item.EndsWith(")", StringComparison.Ordinal))
                {
                    yield return new RelatedLink(item.Substring(1, close - 1), item.Substring(close + 2, item.Length - close - 3));
                }
                else
                {
                    yield return new RelatedLink(item, null);
                }
            }
        }

        private sealed class Block
        {
            public Block(int firstLine)
            {
                FirstLine = firstLine;
            }

            /// <summary>The line after the heading, for messages.</summary>
            public int FirstLine { get; }
            public string? Heading { get; init; }
            public List<string> Lines { get; } = new List<string>();
            public string? Code { get; set; }
        }
    }

    /// <summary>A help source file that cannot be used, with the place to fix.</summary>
    public sealed class HelpSourceException : Exception
    {
        public HelpSourceException(string sourceFile, int line, string problem)
            : base($"{sourceFile}({line}): {problem}")
        {
        }
    }
}
