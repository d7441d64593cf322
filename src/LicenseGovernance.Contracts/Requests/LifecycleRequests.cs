using System;

namespace LicenseGovernance.Requests
{
    /// <summary>Sync-LicenseTier: the reconciler.</summary>
    public sealed class SyncLicenseTierRequest
    {
        /// <summary>Twice an hourly schedule: assignments ending within it get their bridge before Entra takes them away.</summary>
        public static readonly TimeSpan DefaultLookAhead = TimeSpan.FromHours(2);

        /// <summary>Longer look-aheads only bridge earlier; beyond this a typo (days for hours) is likelier than intent.</summary>
        public static readonly TimeSpan MaxLookAhead = TimeSpan.FromDays(31);

        public const int DefaultWaitTimeoutSeconds = 1800;

        /// <summary>A day: longer than Entra takes to process any tier.</summary>
        public const int MaxWaitTimeoutSeconds = 86400;

        /// <summary>User principal names or ids; null for every user in the tier system.</summary>
        public string[]? User { get; set; }

        /// <summary>Null takes <see cref="DefaultLookAhead"/>.</summary>
        public TimeSpan? LookAhead { get; set; }

        /// <summary>Take over a lease another run still holds.</summary>
        public bool Force { get; set; }

        /// <summary>Write one <see cref="TierSyncSummary"/> instead of a result per user.</summary>
        public bool Summary { get; set; }

        /// <summary>How long each wait for access package delivery or Entra lasts at most.</summary>
        public int WaitTimeoutSeconds { get; set; } = DefaultWaitTimeoutSeconds;
    }

    /// <summary>Move-UserLicenseTier: one administrator's upgrade or downgrade, in the safe order.</summary>
    public sealed class MoveUserLicenseTierRequest
    {
        public const int DefaultWaitTimeoutSeconds = 900;

        public string User { get; set; } = "";

        /// <summary>The tier group's name or id, or its access package's name.</summary>
        public string Tier { get; set; } = "";

        /// <summary>When the new tier's assignment ends; null takes its policy's own end. Moving down with an end date returns the user up at its end.</summary>
        public DateTimeOffset? EndDate { get; set; }

        public string? Justification { get; set; }

        public int WaitTimeoutSeconds { get; set; } = DefaultWaitTimeoutSeconds;
    }

    /// <summary>Get-LicenseTierConflict.</summary>
    public sealed class GetLicenseTierConflictRequest
    {
        /// <summary>User principal names or ids; null for every user in the tier system or holding a tier's SKU.</summary>
        public string[]? User { get; set; }

        /// <summary>Only these kinds; null for all.</summary>
        public TierConflictKind[]? Kind { get; set; }
    }
}

namespace LicenseGovernance.Requests
{
    /// <summary>
    /// Sync-WorkforceLicense: an HR export (or Entra's own HR attributes) and the rules that give each person a tier. The
    /// cmdlet reads the rules file; the engine checks every rule and tier name before reading the tenant.
    /// </summary>
    public sealed class SyncWorkforceLicenseRequest
    {
        /// <summary>The HR export; null with <see cref="FromEntra"/>.</summary>
        public string? Path { get; set; }

        /// <summary>Read employeeHireDate, employeeLeaveDateTime, department, jobTitle, employeeType and companyName from Entra instead of a file.</summary>
        public bool FromEntra { get; set; }

        /// <summary>The rules file, for messages.</summary>
        public string RulePath { get; set; } = "";

        /// <summary>The module's field (EmployeeId, UserPrincipalName, Status, ...) to the file's header; fields left out keep their own name.</summary>
        public System.Collections.Generic.Dictionary<string, string> Columns { get; set; } = new System.Collections.Generic.Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>In order: the first rule whose condition holds gives the tier.</summary>
        public System.Collections.Generic.List<WorkforceTierRule> Rules { get; set; } = new System.Collections.Generic.List<WorkforceTierRule>();

        /// <summary>The tier when no rule matches; null takes the baseline.</summary>
        public string? Default { get; set; }

        /// <summary>The tier for people on leave; null takes the baseline.</summary>
        public string? LeaveTier { get; set; }

        /// <summary>Return one <see cref="WorkforcePreview"/> and change nothing.</summary>
        public bool Preview { get; set; }

        /// <summary>How long each wait for access package delivery or Entra lasts at most.</summary>
        public int WaitTimeoutSeconds { get; set; } = SyncLicenseTierRequest.DefaultWaitTimeoutSeconds;
    }

    /// <summary>One entry of the rules file's Rules: a tier and the membership rule over the HR row that gives it.</summary>
    public sealed class WorkforceTierRule
    {
        public string Tier { get; set; } = "";

        public string When { get; set; } = "";
    }
}
