namespace LicenseGovernance.Hosting
{
    /// <summary>A progress record with a stable activity id; PercentComplete is -1 while the total is unknown.</summary>
    public sealed class GovernanceProgress
    {
        public GovernanceProgress(int activityId, string activity, string status, int percentComplete = -1, bool completed = false, int parentActivityId = -1)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
            PercentComplete = percentComplete;
            Completed = completed;
            ParentActivityId = parentActivityId;
        }

        public int ActivityId { get; }
        public string Activity { get; }
        public string Status { get; }
        public int PercentComplete { get; }
        public bool Completed { get; }
        /// <summary>The activity this one is a step of (its bar shows nested under that one); -1 for none.</summary>
        public int ParentActivityId { get; }

        /// <summary>This record shown as a step of <paramref name="parentActivityId"/>.</summary>
        public GovernanceProgress Under(int parentActivityId) =>
            new GovernanceProgress(ActivityId, Activity, Status, PercentComplete, Completed, parentActivityId);

        public static int Percent(long done, long total) => total <= 0 ? -1 : (int)System.Math.Min(100, done * 100 / total);
    }

    /// <summary>Activity ids are stable so that hosts can update one progress bar per kind of work.</summary>
    public static class ProgressActivity
    {
        public const int ListUsers = 7101;
        public const int ListSkus = 7102;
        public const int ImportCatalog = 7103;
        public const int ImportPrices = 7104;
        public const int TierProcessing = 7105;
        public const int RulePreview = 7106;
        public const int LicenseErrors = 7107;
        public const int Reprocess = 7108;
        public const int TierAssignments = 7201;
        public const int DirectAssignments = 7401;
        public const int MigrationPlan = 7402;
        public const int MigrationAddMembers = 7403;
        public const int MigrationWait = 7404;
        public const int MigrationRemove = 7406;
        public const int UndoChanges = 7501;
        public const int ReconcileChanges = 7502;

        // Waste (zombie licences).
        public const int ZombieRemoval = 7601;

        // Health (score and report).
        public const int LicenseHealth = 7701;

        // Lifecycle (tier moves).
        public const int TierRead = 7801;
        public const int TierMoves = 7802;
        public const int TierWait = 7803;
        public const int WorkforceSync = 7804;

        // UserLicenses (what a user holds and why).
        public const int UserLicenses = 7901;
    }
}
