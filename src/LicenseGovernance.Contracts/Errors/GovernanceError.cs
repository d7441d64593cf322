using System;

namespace LicenseGovernance
{
    /// <summary>One failure: a stable dotted id, a category, the object it concerns, and a message that says what to do next.</summary>
    public sealed class GovernanceError
    {
        public GovernanceError(string id, GovernanceErrorCategory category, string message, object? target = null, string? recommendedAction = null, Exception? inner = null)
        {
            Id = id;
            Category = category;
            Message = message;
            Target = target;
            RecommendedAction = recommendedAction;
            Inner = inner;
        }

        /// <summary>For example LicenseGovernance.SkuNotFound. Unique per failure kind.</summary>
        public string Id { get; }
        public GovernanceErrorCategory Category { get; }
        public string Message { get; }
        public object? Target { get; }

        /// <summary>The command or step that fixes it, as one short imperative; every factory in <see cref="Errors"/> gives one.</summary>
        public string? RecommendedAction { get; }
        public Exception? Inner { get; }

        public LicenseGovernanceException ToException() => new LicenseGovernanceException(this);

        public override string ToString() => Id + ": " + Message;
    }

    /// <summary>Carries a <see cref="GovernanceError"/>; thrown for failures that stop the whole operation.</summary>
    public sealed class LicenseGovernanceException : Exception
    {
        public LicenseGovernanceException(GovernanceError error) : base(error.Message, error.Inner)
        {
            Error = error;
        }

        public GovernanceError Error { get; }
    }
}
