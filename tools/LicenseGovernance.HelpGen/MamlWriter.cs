using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using LicenseGovernance.HelpGen.Model;

namespace LicenseGovernance.HelpGen
{
    /// <summary>
    /// Writes the MAML that Get-Help reads from &lt;assembly&gt;-Help.xml, in the shape PowerShell's own modules ship.
    /// Output depends only on its input (ordinal ordering, fixed newlines, no timestamps) so a rebuild is byte-identical.
    /// </summary>
    public static class MamlWriter
    {
        private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
        private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        private const string MsHelp = "http://msdn.microsoft.com/mshelp";

        private const string WhatIfText = "Shows what would happen if the cmdlet runs. The cmdlet is not run.";
        private const string ConfirmText = "Prompts you for confirmation before running the cmdlet.";

        public static byte[] Write(IEnumerable<(CmdletInfo Cmdlet, CommandHelp Help)> commands)
        {
            var settings = new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Replace,
            };

            using var stream = new MemoryStream();
            using (var xml = XmlWriter.Create(stream, settings))
            {
                xml.WriteStartDocument();
                xml.WriteStartElement("helpItems", "http://msh");
                xml.WriteAttributeString("schema", "maml");
                foreach (var (cmdlet, help) in commands.OrderBy(c => c.Cmdlet.Name, StringComparer.Ordinal))
                {
                    WriteCommand(xml, cmdlet, help);
                }

                xml.WriteEndElement();
                xml.WriteEndDocument();
            }

            stream.WriteByte((byte)'\n');
            return stream.ToArray();
        }

        private static void WriteCommand(XmlWriter xml, CmdletInfo cmdlet, CommandHelp help)
        {
            xml.WriteStartElement("command", "command", Command);
            xml.WriteAttributeString("xmlns", "maml", null, Maml);
            xml.WriteAttributeString("xmlns", "dev", null, Dev);
            xml.WriteAttributeString("xmlns", "MSHelp", null, MsHelp);

            xml.WriteStartElement("details", Command);
            xml.WriteElementString("name", Command, cmdlet.Name);
            xml.WriteElementString("verb", Command, cmdlet.Verb);
            xml.WriteElementString("noun", Command, cmdlet.Noun);
            WriteParagraphs(xml, "description", new[] { help.Synopsis });
            xml.WriteEndElement();

            WriteParagraphs(xml, "description", help.Description);
            WriteSyntax(xml, cmdlet, help);

            xml.WriteStartElement("parameters", Command);
            foreach (var parameter in cmdlet.Parameters.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Name, StringComparer.Ordinal))
            {
                var bindings = cmdlet.ParameterSetNames.Select(parameter.BindingFor).Where(b => b != null).Select(b => b!).ToList();
                var positions = bindings.Select(b => b.Position).Distinct().ToList();
                WriteParameter(xml, parameter, Describe(parameter, help),
                    required: bindings.All(b => b.Mandatory),
                    position: positions.Count == 1 ? positions[0] : null,
                    pipelineInput: ParameterBinding.FormatPipelineInput(bindings.Any(b => b.ValueFromPipeline), bindings.Any(b => b.ValueFromPipelineByPropertyName)));
            }

            xml.WriteEndElement();

            WriteTypes(xml, "inputTypes", "inputType", help.Inputs.Count == 0 ? new[] { new TypeHelp(HelpValidator.NoOutput, new List<string>()) } : help.Inputs);
            var outputs = cmdlet.OutputTypes.Count == 0
                ? new[] { new TypeHelp(HelpValidator.NoOutput, help.Outputs.FirstOrDefault()?.Description ?? new List<string>()) }
                : cmdlet.OutputTypes.Select(t => new TypeHelp(t, help.Outputs.FirstOrDefault(o => o.TypeName == t)?.Description ?? new List<string>())).ToArray();
            WriteTypes(xml, "returnValues", "returnValue", outputs);

            if (help.Notes.Count > 0)
            {
                xml.WriteStartElement("alertSet", Maml);
                WriteParagraphs(xml, "alert", help.Notes);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("examples", Command);
            foreach (var example in help.Examples)
            {
                xml.WriteStartElement("example", Command);
                xml.WriteElementString("title", Maml, "---------- " + example.Title + " ----------");
                xml.WriteElementString("code", Dev, example.Code);
                xml.WriteStartElement("remarks", Dev);
                WriteParagraphList(xml, example.Remarks);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();

            xml.WriteStartElement("relatedLinks", Command);
            foreach (var link in help.RelatedLinks)
            {
                xml.WriteStartElement("navigationLink", Maml);
                xml.WriteElementString("linkText", Maml, link.Text);
                xml.WriteElementString("uri", Maml, link.Uri ?? "");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        /// <summary>
        /// One syntax line per parameter set, default set first, as Get-Help lists them. Within a line: positional
        /// parameters by position, then mandatory, then optional ones, each group in declaration order.
        /// </summary>
        private static void WriteSyntax(XmlWriter xml, CmdletInfo cmdlet, CommandHelp help)
        {
            xml.WriteStartElement("syntax", Command);
            var sets = cmdlet.ParameterSetNames.OrderBy(s => s == cmdlet.DefaultParameterSetName ? 0 : 1).ToList();
            foreach (var set in sets)
            {
                xml.WriteStartElement("syntaxItem", Command);
                xml.WriteElementString("name", Maml, cmdlet.Name);
                var ordered = cmdlet.ParametersInSet(set)
                    .Select((entry, index) => (entry.Parameter, entry.Binding, index))
                    .OrderBy(e => e.Binding.Position.HasValue ? 0 : e.Binding.Mandatory ? 1 : 2)
                    .ThenBy(e => e.Binding.Position ?? 0)
                    .ThenBy(e => e.index);
                foreach (var (parameter, binding, _) in ordered)
                {
                    WriteParameter(xml, parameter, Describe(parameter, help), binding.Mandatory, binding.Position, binding.PipelineInput);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        private static void WriteParameter(XmlWriter xml, CmdletParameter parameter, IReadOnlyList<string> description, bool required, int? position, string pipelineInput)
        {
            xml.WriteStartElement("parameter", Command);
            xml.WriteAttributeString("required", required ? "true" : "false");
            xml.WriteAttributeString("variableLength", "true");
            xml.WriteAttributeString("globbing", "false");
            xml.WriteAttributeString("pipelineInput", pipelineInput);
            xml.WriteAttributeString("position", position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named");
            xml.WriteAttributeString("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases));
            xml.WriteElementString("name", Maml, parameter.Name);
            WriteParagraphs(xml, "Description", description);

            if (parameter.ValidValues.Count > 0)
            {
                xml.WriteStartElement("parameterValueGroup", Command);
                foreach (var value in parameter.ValidValues)
                {
                    xml.WriteStartElement("parameterValue", Command);
                    xml.WriteAttributeString("required", "false");
                    xml.WriteAttributeString("command", "variableLength", Command, "false");
                    xml.WriteString(value);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            if (!parameter.IsSwitch)
            {
                xml.WriteStartElement("parameterValue", Command);
                xml.WriteAttributeString("required", "true");
                xml.WriteAttributeString("variableLength", "false");
                xml.WriteString(parameter.ShortTypeName);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("type", Dev);
            xml.WriteElementString("name", Maml, parameter.TypeName);
            xml.WriteElementString("uri", Maml, "");
            xml.WriteEndElement();
            xml.WriteElementString("defaultValue", Dev, parameter.IsSwitch ? "False" : "None");
            xml.WriteEndElement();
        }

        private static IReadOnlyList<string> Describe(CmdletParameter parameter, CommandHelp help)
        {
            var described = help.Parameters.FirstOrDefault(p => string.Equals(p.Key, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (described.Key != null)
            {
                return described.Value;
            }

            return parameter.Name == "WhatIf" ? new[] { WhatIfText } : parameter.Name == "Confirm" ? new[] { ConfirmText } : Array.Empty<string>();
        }

        private static void WriteTypes(XmlWriter xml, string listElement, string itemElement, IEnumerable<TypeHelp> types)
        {
            xml.WriteStartElement(listElement, Command);
            foreach (var type in types)
            {
                xml.WriteStartElement(itemElement, Command);
                xml.WriteStartElement("type", Dev);
                xml.WriteElementString("name", Maml, type.TypeName);
                xml.WriteEndElement();
                WriteParagraphs(xml, "description", type.Description);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        private static void WriteParagraphs(XmlWriter xml, string element, IEnumerable<string> paragraphs)
        {
            xml.WriteStartElement(element, Maml);
            WriteParagraphList(xml, paragraphs);
            xml.WriteEndElement();
        }

        private static void WriteParagraphList(XmlWriter xml, IEnumerable<string> paragraphs)
        {
            foreach (var paragraph in paragraphs)
            {
                xml.WriteElementString("para", Maml, paragraph);
            }
        }
    }
}
