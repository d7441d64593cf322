# Dot-sourced by the Pester files that rehearse tier moves on the embedded demo tenant (Lifecycle, Workforce): its
# frontline group (SPE_F1) becomes the Tier1 baseline, Tier2 (SPE_E3) and Tier3 (SPE_E5) are new, each with its package.

function Connect-Rehearsal {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Connect-LicenseGovernance -Simulator -UserCount 200 | Out-Null
    New-LicenseTierGroup -Name LIC-M365-F3 -Sku SPE_F1 -Rank 1 -Baseline -Force | Out-Null
    New-LicenseTierGroup -Name LIC-M365-Tier2 -Sku SPE_E3 -Rank 2 | Out-Null
    New-LicenseTierGroup -Name LIC-M365-Tier3 -Sku SPE_E5 -Rank 3 | Out-Null
    New-TierAccessPackage -TierGroup LIC-M365-Tier2 -ExpirationDays 365 | Out-Null
    New-TierAccessPackage -TierGroup LIC-M365-Tier3 -ExpirationDays 365 | Out-Null
}

# Frontline workers holding nothing but the baseline's SPE_F1, from the baseline group.
function Get-Frontline([int] $Count) {
    $held = Get-DirectLicenseAssignment
    $held | Where-Object { $_.SkuPartNumber -eq 'SPE_F1' -and $_.Assignment -eq 'Inherited' } |
        Where-Object { $u = $_.UserId; @($held | Where-Object UserId -eq $u).Count -eq 1 } |
        Select-Object -First $Count -ExpandProperty UserPrincipalName
}
