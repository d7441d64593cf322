namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string JournalWriteFailed = "LicenseGovernance.JournalWriteFailed";
        public const string JournalReadFailed = "LicenseGovernance.JournalReadFailed";
        public const string JournalPathUnusable = "LicenseGovernance.JournalPathUnusable";
        public const string ChangeNotFound = "LicenseGovernance.ChangeNotFound";
        public const string CorrelationIdNotFound = "LicenseGovernance.CorrelationIdNotFound";
        public const string ChangeNotReversible = "LicenseGovernance.ChangeNotReversible";
        public const string ChangeConflict = "LicenseGovernance.ChangeConflict";
        public const string ChangeOfOtherTenant = "LicenseGovernance.ChangeOfOtherTenant";
        public const string UndoSelectionRequired = "LicenseGovernance.UndoSelectionRequired";
    }
}
