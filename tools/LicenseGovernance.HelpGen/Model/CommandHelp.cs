using System.Collections.Generic;

namespace LicenseGovernance.HelpGen.Model
{
    /// <summary>The hand-written part of one cmdlet's help, as parsed from docs/help/&lt;Verb-Noun&gt;.md.</summary>
    public sealed class CommandHelp
    {
        public CommandHelp(string sourceFile, string name)
        {
            SourceFile = sourceFile;
            Name = name;
        }

        public string SourceFile { get; }
        public string Name { get; }
        public string Synopsis { get; set; } = "";
        public List<string> Description { get; } = new List<string>();

        /// <summary>Parameter name (without the dash) to its paragraphs, in the order the file describes them.</summary>
        public List<KeyValuePair<string, List<string>>> Parameters { get; } = new List<KeyValuePair<string, List<string>>>();
        public List<TypeHelp> Inputs { get; } = new List<TypeHelp>();
        public List<TypeHelp> Outputs { get; } = new List<TypeHelp>();
        public List<ExampleHelp> Examples { get; } = new List<ExampleHelp>();
        public List<string> Notes { get; } = new List<string>();
        public List<RelatedLink> RelatedLinks { get; } = new List<RelatedLink>();
    }

    /// <summary>An input or output type and what it means for this cmdlet.</summary>
    public sealed class TypeHelp
    {
        public TypeHelp(string typeName, List<string> description)
        {
            TypeName = typeName;
            Description = description;
        }

        public string TypeName { get; }
        public List<string> Description { get; }
    }

    public sealed class ExampleHelp
    {
        public ExampleHelp(string title, string code, List<string> remarks)
        {
            Title = title;
            Code = code;
            Remarks = remarks;
        }

        public string Title { get; }
        public string Code { get; }
        public List<string> Remarks { get; }
    }

    public sealed class RelatedLink
    {
        public RelatedLink(string text, string? uri)
        {
            Text = text;
            Uri = uri;
        }

        public string Text { get; }
        public string? Uri { get; }
    }
}
