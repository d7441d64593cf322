using System.Management.Automation;
using System.Management.Automation.Runspaces;
using LicenseGovernance.Shell;

// Usage: dotnet run --project tools/LicenseGovernance.Shell -- [-Command] "<PowerShell>"
// Without a command it runs the module's main job on the simulated tenant.
const string MainJob =
    "Connect-LicenseGovernance -Simulator | Out-Default; " +
    "Get-LicenseSku | Out-Default; " +
    "New-LicenseTierGroup -Name LIC-M365-F3 -Sku SPE_F1 -Rank 1 -Baseline -Force -Description 'Frontline baseline' | Out-Null; " +
    "New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 -Description 'Knowledge workers' | Out-Null; " +
    "New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 -Rank 3 -Description 'Upgrade on request' | Out-Null; " +
    "New-TierAccessPackage -TierGroup LIC-M365-Tier2 -ExpirationDays 365 | Out-Null; " +
    "New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 180 | Out-Null; " +
    "Get-LicenseTierGroup | Out-Default; " +
    "Test-LicenseMembershipRule -Rule 'user.department -eq \"Finance\"' -Group LIC-M365-Tier3 | Out-Default; " +
    "Get-GroupLicenseError -Summary | Out-Default; " +
    "Get-LicenseUtilization | Out-Default; " +
    "Get-ZombieLicense | Group-Object Reason | Sort-Object Count -Descending | Select-Object Count, @{ n = 'Reason'; e = { $_.Name } }, @{ n = 'AnnualCost'; e = { ($_.Group | Measure-Object AnnualCost -Sum).Sum } } | Out-Default; " +
    "Get-ZombieLicense -Reason Departed -Sku POWER_BI_PRO, VISIOCLIENT | Remove-ZombieLicense -WhatIf -Summary | Format-List Removed, NotConfirmed, MonthlyNotConfirmed, AnnualNotConfirmed, Currency, WhatIf | Out-Default; " +
    "Get-LicenseHealth | Out-Default; " +
    // Document 000: a frontline subcontractor moves up to Tier3 for 180 days and is back on the baseline at the end,
    // with the simulated clock moved on and the reconciler run as a runbook would, never without a mailbox licence.
    "$held = Get-DirectLicenseAssignment; " +
    "$sub = ($held | Where-Object { $_.SkuPartNumber -eq 'SPE_F1' -and $_.Assignment -eq 'Inherited' } | Where-Object { $u = $_.UserId; @($held | Where-Object UserId -eq $u).Count -eq 1 } | Select-Object -First 1).UserPrincipalName; " +
    "$end = (Get-LicenseSimulatorTime).Time.AddDays(180); " +
    "Move-UserLicenseTier -User $sub -Tier LIC-M365-Tier3 -EndDate $end -Justification 'Project Falcon' -Confirm:$false | Out-Default; " +
    "Set-LicenseSimulatorTime -To $end.AddHours(-1) -Confirm:$false | Out-Null; Sync-LicenseTier -User $sub -Confirm:$false | Out-Default; " +
    "Set-LicenseSimulatorTime -To $end.AddHours(1) -Confirm:$false | Out-Null; Sync-LicenseTier -User $sub -Confirm:$false | Out-Default; " +
    "Get-LicenseSimulatorTimeline -User $sub | Out-Default; " +
    "'Instants without a mailbox licence: ' + @(Get-LicenseSimulatorTimeline -User $sub -Gaps | Where-Object ScopeKind -eq 'MailboxLicense').Count | Out-Default; " +
    "Test-LicenseGovernancePermission | Out-Default";

var command = args.SkipWhile(a => a.Equals("-Command", StringComparison.OrdinalIgnoreCase)).FirstOrDefault() ?? MainJob;
var manifest = Path.Combine(FindRoot(), "out", "LicenseGovernance", "LicenseGovernance.psd1");
if (!File.Exists(manifest))
{
    Console.Error.WriteLine($"The module is not built ({manifest} is missing). Run: dotnet build LicenseGovernance.sln");
    return 2;
}

var host = new ConsoleHost();
var state = InitialSessionState.CreateDefault2();
state.ImportPSModule(new[] { manifest });
using var runspace = RunspaceFactory.CreateRunspace(host, state);
runspace.Open();
using var ps = PowerShell.Create(runspace);
ps.AddScript(command).AddCommand("Out-Default");
ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
try
{
    ps.Invoke();
}
catch (RuntimeException ex)
{
    host.UI.WriteErrorLine(ex.ErrorRecord.ToString());
    return 1;
}

return ps.HadErrors ? 1 : 0;

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir != null && !File.Exists(Path.Combine(dir.FullName, "LicenseGovernance.sln")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? Directory.GetCurrentDirectory();
}
