using System;

namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError HealthReportExists(string path) => new GovernanceError(
            ErrorIds.HealthReportExists, GovernanceErrorCategory.ResourceExists,
            $"'{path}' already exists, so the report was not written. Add -Force to overwrite it, or give another -Path " +
            "(reports side by side in one folder draw the score's trend).",
            path, "Add -Force to overwrite the report, or give another -Path.");

        public static GovernanceError HealthReportPathInvalid(string path, string reason) => new GovernanceError(
            ErrorIds.HealthReportPathInvalid, GovernanceErrorCategory.InvalidArgument,
            $"Export-LicenseHealthReport cannot write '{path}': {reason} Nothing was written.",
            path, "Give -Path a file name, such as report.html, in a folder that exists.");

        public static GovernanceError HealthReportWriteFailed(string path, string reason, Exception? inner = null) => new GovernanceError(
            ErrorIds.HealthReportWriteFailed, GovernanceErrorCategory.WriteError,
            $"The licence health report '{path}' could not be written ({reason}). Check the folder exists and is writable, then run Export-LicenseHealthReport again.",
            path, "Make the folder writable, or give another -Path, then run Export-LicenseHealthReport again.", inner);
    }
}
