namespace LicenseGovernance.Engine.Journal
{
    /// <summary>The outcome the tenant shows for a change left Unknown, as <see cref="ChangeReconciler"/> read it.</summary>
    internal sealed class ChangeFinding
    {
        public ChangeFinding(JournalEntry change, LicenseChangeStatus status, string detail)
        {
            Change = change;
            Status = status;
            Detail = detail;
        }

        public JournalEntry Change { get; }

        /// <summary>Succeeded or Failed when the tenant told; Unknown when it cannot.</summary>
        public LicenseChangeStatus Status { get; }

        /// <summary>What the tenant showed, or why it cannot tell; for Failed, the error the journal records.</summary>
        public string Detail { get; }

        public bool Resolved => Status != LicenseChangeStatus.Unknown;

        public LicenseChangeReconcileResult ToResult(bool recorded) => new LicenseChangeReconcileResult
        {
            ChangeId = Change.Id,
            Time = Change.Time,
            Operation = Change.Operation,
            Target = Change.TargetLabel,
            Status = Status,
            Detail = Detail,
            Recorded = recorded,
        };
    }
}
