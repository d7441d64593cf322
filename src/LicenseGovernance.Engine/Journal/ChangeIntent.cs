using System.Text.Json.Nodes;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>A change about to be made to a tenant, as it goes into the journal. Build one with <see cref="ChangeIntents"/>.</summary>
    public sealed class ChangeIntent
    {
        internal ChangeIntent(string operation, string targetType, string targetId, string? targetName, JsonNode? before, JsonNode? after)
        {
            Operation = operation;
            TargetType = targetType;
            TargetId = targetId;
            TargetName = targetName;
            Before = before;
            After = after;
        }

        public string Operation { get; }

        public string TargetType { get; }

        public string TargetId { get; }

        public string? TargetName { get; }

        public JsonNode? Before { get; }

        public JsonNode? After { get; }

        /// <summary>Set by the undo machinery on a change that reverses another.</summary>
        internal System.Guid? UndoOf { get; set; }
    }
}
