using System;
using System.Management.Automation;

namespace LicenseGovernance.Commands.Hosting
{
    /// <summary>Turns the catalogue's errors into PowerShell error records (the only place that maps categories).</summary>
    internal static class ErrorRecords
    {
        internal static ErrorRecord From(GovernanceError error)
        {
            var exception = error.Inner is LicenseGovernanceException ? error.Inner : new LicenseGovernanceException(error);
            var category = Enum.TryParse<ErrorCategory>(error.Category.ToString(), out var parsed) ? parsed : ErrorCategory.NotSpecified;
            // Every catalogue error recommends an action (ErrorCatalogueTests makes sure); Get-Error shows it from ErrorDetails.
            return new ErrorRecord(exception, error.Id, category, error.Target)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction },
            };
        }
    }
}
