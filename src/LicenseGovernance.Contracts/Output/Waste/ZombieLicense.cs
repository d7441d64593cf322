using System;
using System.Linq;

namespace LicenseGovernance
{
    /// <summary>
    /// One licence (user and SKU) paid for nobody, with the evidence behind each reason, the ways the licence reaches the
    /// user (what Remove-ZombieLicense takes away), and what it costs.
    /// </summary>
    public sealed class ZombieLicense
    {
        public Guid UserId { get; set; }
        public string? UserPrincipalName { get; set; }
        public string? DisplayName { get; set; }
        /// <summary>Member or Guest.</summary>
        public string? UserType { get; set; }

        public Guid SkuId { get; set; }
        public string SkuPartNumber { get; set; } = "";
        public string? ProductName { get; set; }

        public ItemList<ZombieReason> Reasons { get; set; } = new ItemList<ZombieReason>();

        /// <summary>Flat form of <see cref="Reasons"/> for tables and Export-Csv.</summary>
        public string Reason => string.Join(", ", Reasons);

        // Evidence.
        public bool AccountEnabled { get; set; }
        /// <summary>Null when not set, or when the token cannot read it (see the command's warnings).</summary>
        public DateTimeOffset? EmployeeLeaveDateTime { get; set; }
        /// <summary>The last successful sign-in, or, where Graph has none recorded, the latest interactive or non-interactive sign-in.</summary>
        public DateTimeOffset? LastSignInDateTime { get; set; }
        /// <summary>Which signInActivity field <see cref="LastSignInDateTime"/> came from; None when nothing is recorded; Unavailable when sign-in activity could not be read, or was not read because -Reason needs none of it.</summary>
        public string LastSignInSource { get; set; } = "None";
        /// <summary>Whole days from <see cref="LastSignInDateTime"/> to the time of the scan.</summary>
        public int? DaysSinceSignIn { get; set; }
        public DateTimeOffset? CreatedDateTime { get; set; }
        /// <summary>The -InactiveDays the search used; Remove-ZombieLicense judges the user again with it before removing anything.</summary>
        public int InactiveDays { get; set; } = 90;

        // How the licence arrives.
        public ItemList<ZombieLicenseSource> Sources { get; set; } = new ItemList<ZombieLicenseSource>();

        /// <summary>Flat form of <see cref="Sources"/>: "Direct", "Group LIC-M365-E5", "AccessPackage Tier 3 (LIC-M365-E5)".</summary>
        public string AssignedBy => string.Join("; ", Sources.Select(s => s.ToString()));

        /// <summary>
        /// Every way the licence arrives is already being taken away (<see cref="ZombieLicenseSource.RemovalPending"/>): the user
        /// has left the group, or the access package assignment is being removed, and Microsoft Entra ID has not yet processed
        /// it. Nothing is left to remove; Remove-ZombieLicense skips such a licence.
        /// </summary>
        public bool RemovalPending { get; set; }

        /// <summary>Why <see cref="RemovalPending"/> is set; null when it is not.</summary>
        public string? RemovalPendingReason { get; set; }

        /// <summary>Exchange Online mailbox plans (EXCHANGE_S_*, not the Foundation plan) this licence enables for the user; removing it makes the mailbox inaccessible.</summary>
        public ItemList<string> MailboxPlans { get; set; } = new ItemList<string>();

        public bool HasMailbox => MailboxPlans.Count > 0;

        // Cost (one seat per user and SKU, however many ways it arrives).
        public decimal? MonthlyCost { get; set; }
        public decimal? AnnualCost { get; set; }
        public string? Currency { get; set; }

        public override string ToString() => (UserPrincipalName ?? UserId.ToString()) + " / " + SkuPartNumber;
    }

    /// <summary>One way a zombie licence reaches the user.</summary>
    public sealed class ZombieLicenseSource
    {
        /// <summary>Direct (assignLicense), Group (a licence group's member) or AccessPackage (a group membership an access package assignment delivers).</summary>
        public LicenseSourceKind Kind { get; set; }
        public Guid? GroupId { get; set; }
        public string? GroupName { get; set; }
        public Guid? AccessPackageId { get; set; }
        public string? AccessPackageName { get; set; }
        public Guid? AccessPackageAssignmentId { get; set; }
        /// <summary>A dynamic group's rule decides its members; Remove-ZombieLicense cannot take the user out and says so.</summary>
        public bool DynamicMembership { get; set; }
        /// <summary>Plans the source switches off for the user.</summary>
        public ItemList<Guid> DisabledPlans { get; set; } = new ItemList<Guid>();

        /// <summary>
        /// The membership is already ending: the user is no longer a member of the group (Graph keeps showing the group's
        /// licence until Microsoft Entra ID processes the group), or the access package assignment is being removed.
        /// </summary>
        public bool RemovalPending { get; set; }

        public override string ToString() => Kind switch
        {
            LicenseSourceKind.Direct => "Direct",
            LicenseSourceKind.AccessPackage => $"AccessPackage {AccessPackageName ?? AccessPackageId?.ToString()} ({GroupName ?? GroupId?.ToString()})",
            _ => $"Group {GroupName ?? GroupId?.ToString()}",
        } + (RemovalPending ? " (removal pending)" : "");
    }
}
