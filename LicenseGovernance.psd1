@{
    RootModule           = 'LicenseGovernance.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0c8a7e-3f1d-4e52-9a61-2d7c4b9e8f13'
    Author               = 'LicenseGovernance contributors'
    CompanyName          = 'LicenseGovernance'
    Copyright            = '(c) 2026 LicenseGovernance authors. Licensed under the MIT License (LICENSE in the module folder).'
    Description          = 'Governs Microsoft 365 licences through Microsoft Graph: SKU catalogue with friendly names and prices, permission checks, licence tiers as groups (group-based licensing, dynamic membership rules with a what-if preview, processing errors and reprocessing), access packages per tier (entitlement management: requests, approval, expiry, extension, reviews, exceptions), a change journal of every change made to a tenant with undo, migration from direct to group-based licensing without a gap, waste (zombie licences and their reclamation, seat utilization, underused premium licences from usage reports, a licence health score and HTML report), the tier lifecycle (one tier per user, upgrades, downgrades and expiry without a licence gap), and an embedded simulated tenant for rehearsal (Connect-LicenseGovernance -Simulator).'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'

    # The engine and its dependencies (Microsoft.Graph, Azure.Identity, ...) load from Dependencies/ on first use,
    # in a private load context on PowerShell 7. Listing them here would load them early into the shared context.
    FormatsToProcess     = @('LicenseGovernance.format.ps1xml')

    CmdletsToExport      = @(
        'Connect-LicenseGovernance'
        'Disconnect-LicenseGovernance'
        'Get-LicenseGovernanceContext'
        'Test-LicenseGovernancePermission'
        'Get-LicenseSku'
        'Import-LicenseCatalog'
        'Set-LicensePrice'
        'Import-LicensePrice'
        'Get-LicensePrice'
        # Rehearsal on the simulated tenant.
        'Save-LicenseGovernanceSnapshot'
        'Get-LicenseSimulatorTime'
        'Set-LicenseSimulatorTime'
        'Set-LicenseSimulatorUser'
        'Get-LicenseSimulatorTimeline'
        'New-LicenseTierGroup'
        'Set-LicenseTierGroup'
        'Remove-LicenseTierGroup'
        'Get-LicenseTierGroup'
        'Test-LicenseMembershipRule'
        'Get-GroupLicenseError'
        'Invoke-LicenseReprocess'
        'Get-LicenseChangeLog'
        'Undo-LicenseChange'
        'Update-LicenseChangeLog'
        'New-TierAccessPackage'
        'New-LicenseExceptionPackage'
        'Get-TierAccessPackage'
        'Remove-TierAccessPackage'
        'Add-TierAssignment'
        'Get-TierAssignment'
        'Remove-TierAssignment'
        'Get-TierAssignmentRequest'
        'Request-TierAssignment'
        'Get-TierAccessReview'
        'Set-TierAccessReviewDecision'
        'Approve-TierAssignmentRequest'
        'Deny-TierAssignmentRequest'
        'Get-DirectLicenseAssignment'
        'Move-DirectToGroupLicense'
        # What users hold and why.
        'Get-UserLicense'
        # Waste: zombie licences and utilization.
        'Get-ZombieLicense'
        'Remove-ZombieLicense'
        'Get-LicenseUtilization'
        'Get-UnderusedLicense'
        # Health
        'Get-LicenseHealth'
        'Export-LicenseHealthReport'
        # Lifecycle
        'Sync-LicenseTier'
        'Sync-WorkforceLicense'
        'Move-UserLicenseTier'
        'Get-LicenseTierConflict'
        'New-TierLifecycleWorkflow'
        'Start-LicenseOffboarding'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('Microsoft365', 'Licensing', 'MicrosoftGraph', 'EntraID', 'Governance', 'PSEdition_Desktop', 'PSEdition_Core')
            # ProjectUri and LicenseUri stay out until the project has a public address: an empty one stops
            # Publish-PSResource ("ProjectUrl cannot be empty"), and the licence text ships in the package (LICENSE).
            ReleaseNotes = 'Platform: connecting (interactive, device code, secret, certificate, managed identity, access token, simulator), SKU catalogue, prices, permission checks, simulated tenant. Licence tiers: New-, Set-, Remove- and Get-LicenseTierGroup (security groups used only for licensing, static or dynamic, one or more SKUs with chosen plans, rank and baseline recorded on the group), Test-LicenseMembershipRule (validate and preview a rule: who joins and leaves, seats, monthly cost), Get-GroupLicenseError (errors per tier group, or a summary for runbook alerts), Invoke-LicenseReprocess. Change journal: every change to a tenant recorded before it is made (Get-LicenseChangeLog), and reversed with Undo-LicenseChange; several processes may append to one journal (a lock file, each change on a fresh line), unreadable lines are skipped with one warning, and Update-LicenseChangeLog (and the re-run of Move-DirectToGroupLicense, Remove-ZombieLicense or Sync-LicenseTier) records the real outcome of changes a killed run left Unknown. Waste: Get-ZombieLicense (licences of disabled, departed, inactive and never-signed-in users, with evidence, source and cost), Remove-ZombieLicense (removed the way each arrives, journaled, undoable), Get-LicenseUtilization (seats and waste per SKU). Health: Get-LicenseHealth (a 0-100 score from waste, licence errors, direct assignments, ungoverned grants and conflicting tiers, each with its weight, value, points and the command that fixes it) and Export-LicenseHealthReport (one self-contained HTML file with inline SVG charts and the trend of earlier reports). Usage: Get-UnderusedLicense (premium SKUs whose holders use only what a cheaper tier covers, from Microsoft 365 usage reports, with the saving). What users hold: Get-UserLicense (per user and SKU every path, direct, groups and the access package assignment that brings a group with its end, the union of enabled plans as friendly names, state and error per path, the tier; -Unlicensed lists the users of the tier system who hold nothing). Offboarding: Start-LicenseOffboarding (a leaver in the safe order: sign-in blocked, sessions revoked, eDiscovery holds keep the mailbox licence, the mailbox licence kept until the mailbox is shared, the OneDrive handed to the manager, pending requests cancelled, packages, tiers and direct licences ended, the seats and money recovered reported and mailed to finance; resumable, undoable). HR-driven people changes: Sync-WorkforceLicense (an HR export or the HR attributes of Entra with a psd1 rules file: joiners get their tier on their first day through its access package, movers move without a gap, leavers are offboarded on their last day, leave moves down until it ends and back; HR dates written to Entra; bad rows reported by line; seats per SKU refused whole when short, with the cost of buying them; -Preview and -WhatIf). Tier lifecycle: Sync-LicenseTier (the reconciler: every user in exactly the tier they are entitled to, moved without a licence gap, bridges ahead of expiry, a lease against two runs at once, resumable), Move-UserLicenseTier (an upgrade or downgrade by an administrator through the access package of the tier; a temporary move returns the user at its end), Get-LicenseTierConflict, Remove-TierAccessPackage (takes the access package of a tier down; refused while it is held unless -Force, which first moves its holders in the safe order). Changed: New-LicenseTierGroup and Set-LicenseTierGroup take the rank as -Rank (was -Tier), and LicenseTierGroup and TierAccessPackage show it as TierRank (was Tier); -Tier always names a tier (name, id or object), and a number under it is refused with TierGivenAsRank naming the tier of that rank; New-TierAccessPackage hands out a static licence group outside the tier ladder (such as Office Licenses) without a rank; Get-TierAccessPackage returns the policy as properties (WhoCanRequest, Requestors, Approval, ApprovalStages with typed approvers and fallback approvers, ApprovalTimeoutDays, justification flags, ExpirationDays, ExpirationDate, NoExpiration, AllowExtension, ExtensionApproval, AccessReview, Reviewers) with the words in Summary; the package of the baseline tier never expires unless -ExpirationDays or -ExpirationDate says so; Invoke-LicenseReprocess -Wait reports Active only once every licence from the groups of the user is Active (a user not yet processed is Pending) and reads the members of a group page by page; every licence, membership and access package write is paced against the write quota of Graph; Outcome, Kind and Result properties are enums (compare them to their names as before); the error ids GroupCannotCarryLicences and TierLicencesExclusive are now spelt GroupCannotCarryLicenses and TierLicensesExclusive; a tier change that takes a SKU or plans from members needs -Force, shows the losses under -WhatIf and is undone by Undo-LicenseChange; an existing group made a tier keeps its membership type, rule and description; a rule on a tier an access package hands out is refused; Remove-ZombieLicense reads users fifteen to a request, sends changes twenty to a JSON batch through the write pacer, treats a membership already gone as done, and Get-ZombieLicense shows RemovalPending; every error fills RecommendedAction; -AccessToken must be a Graph JWT; negative prices are refused; reads that select signInActivity page by 500 and are paced to the signInActivity quota of Graph (Get-ZombieLicense -Reason Inactive filters on the server); Move-DirectToGroupLicense plans in linear time; Get-LicenseHealth lists licensed groups and access packages once and reads groups twenty to a batch; Get-DirectLicenseAssignment skips unlicensed users on the server. Self-service: Request-TierAssignment (the request of the signed-in user, userAdd or userExtend with -Extend, checked against the policy before it is sent), Approve-TierAssignmentRequest and Deny-TierAssignmentRequest (the decision of an approver on the current stage), each with -As on the simulated tenant to act as any of its users. They read only what Graph shows a requestor or approver without an entitlement role (the packages offered to them with the requirements of their policies, their own requests, the requests waiting for their decision); signed in as a user, the administrator reads need an entitlement role (EntitlementRoleRequired). Simulated tenant: signed-in users hold Entra roles and are refused the administrator reads of entitlement management without one; its clock starts today with its seeded history before it, and Connect-LicenseGovernance -Simulator -StartDate pins the start. Access reviews: New-TierAccessPackage and New-LicenseExceptionPackage take the review start, duration, recurrence (weekly to annual), reviewers with -FallbackReviewer (required for a review by managers) and -ReviewNoResponse, checked before anything is sent; Get-TierAccessReview lists the review instances and decisions of the tier packages (-AssignedToMe for a reviewer), Set-TierAccessReviewDecision records the decision of a reviewer (with -As on the simulated tenant), and the simulated tenant runs the reviews on its clock and removes denied access at the end of a review. Memory: Get-UnderusedLicense, Get-LicenseTierConflict and Sync-LicenseTier keep their per-user data in temporary files (TEMP or TMPDIR, deleted when the command ends), so the memory they need does not grow with the tenant. Release: MIT licence (LICENSE ships in the package); build.ps1 -Task Package packs a PowerShell Gallery package, which every test run publishes with Publish-PSResource, installs with Install-PSResource and tests with the Pester suite in pwsh 7.6.10; on Windows PowerShell 5.1 the module answers assembly requests from Dependencies only for its own assemblies and never with a copy older than the version asked for. Tested on PowerShell 7.6 on Linux; Windows PowerShell 5.1 and PowerShell 7.2 to 7.5 are built for but untested.'
        }
    }
}
