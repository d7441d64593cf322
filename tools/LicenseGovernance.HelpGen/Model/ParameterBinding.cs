namespace LicenseGovernance.HelpGen.Model
{
    /// <summary>One [Parameter] attribute: how a parameter binds in one parameter set.</summary>
    public sealed class ParameterBinding
    {
        public ParameterBinding(string setName, bool mandatory, int? position, bool valueFromPipeline, bool valueFromPipelineByPropertyName, string? helpMessage)
        {
            SetName = setName;
            Mandatory = mandatory;
            Position = position;
            ValueFromPipeline = valueFromPipeline;
            ValueFromPipelineByPropertyName = valueFromPipelineByPropertyName;
            HelpMessage = helpMessage;
        }

        public string SetName { get; }
        public bool Mandatory { get; }

        /// <summary>Null when the parameter is named only.</summary>
        public int? Position { get; }
        public bool ValueFromPipeline { get; }
        public bool ValueFromPipelineByPropertyName { get; }
        public string? HelpMessage { get; }

        /// <summary>The text MAML's pipelineInput attribute expects.</summary>
        public string PipelineInput => FormatPipelineInput(ValueFromPipeline, ValueFromPipelineByPropertyName);

        public static string FormatPipelineInput(bool byValue, bool byPropertyName) =>
            byValue && byPropertyName ? "True (ByValue, ByPropertyName)"
            : byValue ? "True (ByValue)"
            : byPropertyName ? "True (ByPropertyName)"
            : "False";
    }
}
