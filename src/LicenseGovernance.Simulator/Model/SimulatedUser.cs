using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LicenseGovernance.Simulator.Model
{
    /// <summary>
    /// A user as the tenant stores it. Read freely; mutate through <see cref="TenantStore.UpdateUser"/> so that
    /// seat counts and concurrent readers stay consistent.
    /// </summary>
    public sealed class SimulatedUser
    {
        public Guid Id { get; set; }

        public string UserPrincipalName { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public string? GivenName { get; set; }

        public string? Surname { get; set; }

        public string? Mail { get; set; }

        public string? MailNickname { get; set; }

        public string? JobTitle { get; set; }

        public string? Department { get; set; }

        public string? CompanyName { get; set; }

        public string? Country { get; set; }

        public string? City { get; set; }

        public string? OfficeLocation { get; set; }

        public string? MobilePhone { get; set; }

        public List<string> BusinessPhones { get; set; } = new List<string>();

        public string? PreferredLanguage { get; set; }

        public string? UsageLocation { get; set; }

        public bool AccountEnabled { get; set; } = true;

        public string UserType { get; set; } = "Member";

        public string? EmployeeId { get; set; }

        public string? EmployeeType { get; set; }

        public DateTimeOffset? EmployeeHireDate { get; set; }

        public DateTimeOffset? EmployeeLeaveDateTime { get; set; }

        public DateTimeOffset CreatedDateTime { get; set; }

        public bool? OnPremisesSyncEnabled { get; set; }

        /// <summary>extensionAttribute1..15 at index 0..14.</summary>
        public string?[] ExtensionAttributes { get; set; } = new string?[15];

        public Guid? ManagerId { get; set; }

        /// <summary>Null for users who never signed in.</summary>
        public SignInActivity? SignInActivity { get; set; }

        /// <summary>Usage report data (Usage area); null for users with no activity in any workload.</summary>
        public UsageProfile? Usage { get; set; }

        public DateTimeOffset? SignInSessionsValidFromDateTime { get; set; }

        /// <summary>How many times revokeSignInSessions ran for the user: refresh tokens issued before the last one are invalid.</summary>
        public int SignInSessionsRevoked { get; set; }

        /// <summary>
        /// The mailbox's userPurpose once Exchange set it (a rehearsal control: converted to shared); null means a user
        /// mailbox while a licence carries an Exchange Online mailbox plan, and no mailbox otherwise.
        /// </summary>
        public string? MailboxPurpose { get; set; }

        /// <summary>Sharing permissions granted on the root of the user's OneDrive (driveItem invite), in the order granted.</summary>
        public List<SimulatedDrivePermission> DrivePermissions { get; set; } = new List<SimulatedDrivePermission>();

        public List<LicenseAssignmentState> LicenseAssignmentStates { get; set; } = new List<LicenseAssignmentState>();

        /// <summary>Open extensions (openTypeExtension) in the order they were created.</summary>
        public List<SimulatedOpenExtension> Extensions { get; set; } = new List<SimulatedOpenExtension>();

        /// <summary>Before this instant the object is still "replicating": 404 by id and absent from lists.</summary>
        public DateTimeOffset? VisibleAfter { get; set; }

        /// <summary>Direct group memberships, derived from the groups; rebuilt after a snapshot load.</summary>
        [JsonIgnore]
        public HashSet<Guid> MemberOf { get; } = new HashSet<Guid>();

        [JsonIgnore]
        internal long Sequence { get; set; }
    }
}
