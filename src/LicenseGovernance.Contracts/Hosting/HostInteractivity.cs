using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Hosting
{
    /// <summary>
    /// Decides whether the host can show a browser or a device-code prompt to a person. Runbooks, scheduled jobs and
    /// `pwsh -NonInteractive` cannot, and a prompt there would hang the job until it times out.
    /// </summary>
    public static class HostInteractivity
    {
        private static readonly string[] InteractiveHosts = { "ConsoleHost", "Visual Studio Code Host", "Windows PowerShell ISE Host" };

        /// <param name="hostName">$Host.Name</param>
        /// <param name="commandLineArgs">The process's command line (pwsh -NonInteractive ...).</param>
        /// <param name="environment">Environment variable lookup.</param>
        /// <param name="userInteractive">Environment.UserInteractive.</param>
        public static bool IsInteractive(string? hostName, IEnumerable<string> commandLineArgs, Func<string, string?> environment, bool userInteractive)
        {
            if (!userInteractive || hostName == null || !InteractiveHosts.Contains(hostName, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            // pwsh accepts any unambiguous prefix of -NonInteractive (for example -noni).
            if (commandLineArgs.Any(a => a.Length >= 5 && "-noninteractive".StartsWith(a, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            // Azure Automation and CI systems run PowerShell without anyone watching.
            var unattendedMarkers = new[] { "AUTOMATION_ASSET_ACCOUNTID", "AZUREPS_HOST_ENVIRONMENT", "CI", "TF_BUILD", "GITHUB_ACTIONS" };
            return !unattendedMarkers.Any(v => !string.IsNullOrEmpty(environment(v)));
        }
    }
}
