using System;
using System.Globalization;

namespace LicenseGovernance
{
    /// <summary>One way a licence reaches a user: directly, as a member of a group, or through a group membership an access package assignment delivers.</summary>
    public sealed class UserLicensePath
    {
        /// <summary>Direct, Group or AccessPackage.</summary>
        public LicenseSourceKind Kind { get; set; }
        public Guid? GroupId { get; set; }
        public string? GroupName { get; set; }
        public Guid? AccessPackageId { get; set; }
        public string? AccessPackageName { get; set; }
        public Guid? AccessPackageAssignmentId { get; set; }
        /// <summary>When the access package assignment expires, and the membership and licence with it; null when it never does.</summary>
        public DateTimeOffset? AssignmentEndDate { get; set; }
        /// <summary>Graph's state of this assignment (licenseAssignmentStates): Active, ActiveWithError, Error or Disabled.</summary>
        public string? State { get; set; }
        public string? Error { get; set; }
        /// <summary>The plans this way switches off, as friendly names.</summary>
        public ItemList<string> DisabledPlans { get; set; } = new ItemList<string>();

        public override string ToString()
        {
            var way = Kind switch
            {
                LicenseSourceKind.Direct => "Direct",
                LicenseSourceKind.AccessPackage => $"{AccessPackageName ?? AccessPackageId?.ToString()} > {GroupName ?? GroupId?.ToString()}"
                    + (AssignmentEndDate == null ? "" : " until " + AssignmentEndDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                _ => GroupName ?? GroupId?.ToString() ?? "Group",
            };
            return Error == null ? way : way + " (" + Error + ")";
        }
    }
}
