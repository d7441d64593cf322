#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0'; MaximumVersion = '5.999' }
# The change journal (Get-LicenseChangeLog, Undo-LicenseChange, Connect-LicenseGovernance -JournalPath) through the built
# module in out/LicenseGovernance, on the embedded simulated tenant.

BeforeAll {
    $env:LICENSEGOVERNANCE_HOME = Join-Path ([IO.Path]::GetTempPath()) "lg-pester-journal-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $env:LICENSEGOVERNANCE_HOME | Out-Null
    # The built folder, or the module LICENSEGOVERNANCE_TEST_MODULE names (the run against the installed package).
    Import-Module ($env:LICENSEGOVERNANCE_TEST_MODULE ?? (Join-Path $PSScriptRoot '../out/LicenseGovernance/LicenseGovernance.psd1')) -Force
}

AfterAll {
    Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
    Remove-Module LicenseGovernance -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $env:LICENSEGOVERNANCE_HOME -ErrorAction SilentlyContinue
}

Describe 'The change journal' {
    BeforeAll {
        $journal = Join-Path $env:LICENSEGOVERNANCE_HOME 'runbook-journal.jsonl'
        $context = Connect-LicenseGovernance -Simulator -UserCount 100 -JournalPath $journal
        $tier = New-LicenseTierGroup -Name LIC-Journal-Tier2 -Sku SPE_E3 -Rank 2
    }

    It 'is the file Connect-LicenseGovernance -JournalPath named' {
        $context.JournalPath | Should -Be $journal
        (Get-LicenseGovernanceContext).JournalPath | Should -Be $journal
        $journal | Should -Exist
    }

    It 'records each write of a command, with the command, operator and outcome' {
        $log = @(Get-LicenseChangeLog)
        $log.Operation | Should -Be @('Group.Create', 'Group.AddExtension', 'Group.AssignLicense')
        $log.Command | Select-Object -Unique | Should -Be 'New-LicenseTierGroup'
        $log.Status | Select-Object -Unique | Should -Be 'Succeeded'
        $log.CorrelationId | Select-Object -Unique | Should -HaveCount 1
        $log[2].TargetId | Should -Be $tier.GroupId.ToString()
        $log[0].Operator | Should -Be $context.Account
    }

    It 'filters by operation, target and count' {
        @(Get-LicenseChangeLog -Operation 'Group.A*').Count | Should -Be 2
        @(Get-LicenseChangeLog -Target 'LIC-Journal-*').Count | Should -Be 3
        (Get-LicenseChangeLog -Last 1).Operation | Should -Be 'Group.AssignLicense'
        Get-LicenseChangeLog -Operation 'User.*' | Should -BeNullOrEmpty
    }

    It 'shows in a table with the operation and status' {
        $table = Get-LicenseChangeLog | Format-Table | Out-String
        $table | Should -Match 'Operation'
        $table | Should -Match 'Group\.AssignLicense'
        $table | Should -Match 'Succeeded'
    }

    It 'reverses the group''s licence change and says which changes it cannot reverse' {
        $result = Get-LicenseChangeLog | Undo-LicenseChange -Confirm:$false -ErrorVariable undoErrors -ErrorAction SilentlyContinue
        $result.Operation | Should -Be 'Group.AssignLicense'
        $result.Status | Should -Be 'Undone'
        @($undoErrors).Count | Should -Be 2
        $undoErrors.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'LicenseGovernance.ChangeNotReversible*' }
        # The group is still there, but carries no licence now, so it is no longer listed as a tier.
        Get-LicenseTierGroup | Should -BeNullOrEmpty
        @(Get-LicenseChangeLog).Count | Should -Be 4
    }

    It 'says when no change has the correlation id to undo' {
        Undo-LicenseChange -CorrelationId ([guid]::NewGuid()) -Confirm:$false -ErrorVariable undoErrors -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        @($undoErrors).Count | Should -Be 1
        $undoErrors[0].FullyQualifiedErrorId | Should -BeLike 'LicenseGovernance.CorrelationIdNotFound*'
    }
}

Describe 'A journal that cannot be written' {
    It 'is refused by Connect-LicenseGovernance -JournalPath, which connects nothing' {
        Disconnect-LicenseGovernance -WarningAction SilentlyContinue | Out-Null
        $directory = Join-Path $env:LICENSEGOVERNANCE_HOME 'not-a-file'
        New-Item -ItemType Directory -Path $directory | Out-Null

        { Connect-LicenseGovernance -Simulator -UserCount 50 -JournalPath $directory -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.JournalPathUnusable*'
        { Get-LicenseTierGroup -ErrorAction Stop } | Should -Throw -ErrorId 'LicenseGovernance.NotConnected*'
    }

    It 'stops the command before it touches the tenant when it becomes unwritable later' {
        $journal = Join-Path $env:LICENSEGOVERNANCE_HOME 'taken-away.jsonl'
        Connect-LicenseGovernance -Simulator -UserCount 50 -JournalPath $journal | Out-Null
        New-Item -ItemType Directory -Path $journal | Out-Null

        { New-LicenseTierGroup -Name LIC-Never -Sku SPE_E3 -Rank 2 -ErrorAction Stop } |
            Should -Throw -ErrorId 'LicenseGovernance.JournalWriteFailed*'
        Get-LicenseTierGroup | Should -BeNullOrEmpty
    }
}

Describe 'Update-LicenseChangeLog' {
    BeforeAll {
        $journal = Join-Path $env:LICENSEGOVERNANCE_HOME 'reconcile.jsonl'
        $context = Connect-LicenseGovernance -Simulator -UserCount 100 -JournalPath $journal
        $users = @(Get-ZombieLicense | Select-Object -First 2)
        # What a run killed after journaling a change leaves: the change line and no outcome. It assigns a SKU the user does not hold.
        function Add-KilledChange($User) {
            $changeId = [guid]::NewGuid()
            $line = [ordered]@{
                kind = 'change'; id = "$changeId"; time = [DateTimeOffset]::UtcNow.ToString('o'); tenantId = $context.TenantId; command = 'Killed-Run'
                operation = 'User.AssignLicense'; targetType = 'user'; targetId = "$($User.UserId)"; correlationId = "$([guid]::NewGuid())"
                before = @(); after = @(@{ skuId = "$([guid]::NewGuid())"; disabledPlans = @() })
            } | ConvertTo-Json -Compress -Depth 5
            Add-Content -Path $journal -Value $line
            $changeId
        }
        $id = Add-KilledChange $users[0]
        $piped = Add-KilledChange $users[1]
    }

    It 'changes nothing under -WhatIf' {
        Update-LicenseChangeLog -WhatIf | Should -BeNullOrEmpty
        (Get-LicenseChangeLog -Id $id, $piped).Status | Should -Be @('Unknown', 'Unknown')
    }

    It 'records the outcome the tenant shows, and who found it' {
        $result = Update-LicenseChangeLog -Id $id -Confirm:$false
        $result.ChangeId | Should -Be $id
        $result.Status | Should -Be 'Failed'
        $result.Recorded | Should -BeTrue
        $change = Get-LicenseChangeLog -Id $id
        $change.Status | Should -Be 'Failed'
        $change.Error | Should -BeLike 'Not made*'
        $change.ReconciledBy | Should -Be 'Update-LicenseChangeLog'
        (Get-LicenseChangeLog -Id $piped).Status | Should -Be 'Unknown'
    }

    It 'asks about nothing when nothing is piped to it' {
        @() | Update-LicenseChangeLog -Confirm:$false | Should -BeNullOrEmpty
        (Get-LicenseChangeLog -Id $piped).Status | Should -Be 'Unknown'
    }

    It 'takes the changes piped from Get-LicenseChangeLog and shows them in a table' {
        $result = Get-LicenseChangeLog -Id $piped | Update-LicenseChangeLog -Confirm:$false
        $result.ChangeId | Should -Be $piped
        (Get-LicenseChangeLog -Id $piped).Status | Should -Be 'Failed'
        $table = $result | Format-Table | Out-String -Width 120
        $table | Should -Match 'Recorded'
        $table | Should -Match 'User\.AssignLicense +\S+ +Failed +True'
    }
}
