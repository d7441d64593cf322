namespace LicenseGovernance.Simulator.Model.Lifecycle
{
    /// <summary>One of a task's arguments (Graph's keyValuePair); lists are comma-separated in the value.</summary>
    public sealed class TaskArgument
    {
        public string Name { get; set; } = string.Empty;

        public string Value { get; set; } = string.Empty;
    }
}
