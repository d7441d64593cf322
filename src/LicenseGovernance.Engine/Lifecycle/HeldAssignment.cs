using System;
using System.IO;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Engine.Journal;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// One access package assignment of a tier package, as much of it as a tier move needs. Copied out of the SDK's model
    /// as each page arrives, so tens of thousands of them do not keep their whole responses alive.
    /// </summary>
    internal sealed class HeldAssignment
    {
        public HeldAssignment(AccessPackageAssignment assignment, string packageId)
        {
            Id = Guid.Parse(assignment.Id!);
            PackageId = packageId;
            PolicyId = Guid.TryParse(assignment.AssignmentPolicy?.Id, out var policy) ? policy : Guid.Empty;
            State = assignment.State;
            EndsAt = assignment.Schedule?.Expiration?.EndDateTime;
            ExpiredAt = assignment.ExpiredDateTime;
            TargetUserPrincipalName = assignment.Target?.PrincipalName;
        }

        private HeldAssignment(BinaryReader reader)
        {
            Id = reader.ReadGuid();
            PackageId = reader.ReadString();
            PolicyId = reader.ReadGuid();
            var state = reader.ReadInt32();
            State = state < 0 ? (AccessPackageAssignmentState?)null : (AccessPackageAssignmentState)state;
            EndsAt = reader.ReadOptionalDateTimeOffset();
            ExpiredAt = reader.ReadOptionalDateTimeOffset();
            TargetUserPrincipalName = reader.ReadOptionalString();
        }

        public Guid Id { get; }

        public string PackageId { get; }

        public Guid PolicyId { get; }

        public AccessPackageAssignmentState? State { get; }

        /// <summary>When the assignment is scheduled to end; null when it does not.</summary>
        public DateTimeOffset? EndsAt { get; }

        /// <summary>When it ended, for one that has.</summary>
        public DateTimeOffset? ExpiredAt { get; }

        public string? TargetUserPrincipalName { get; }

        public bool IsLive => State == AccessPackageAssignmentState.Delivered || State == AccessPackageAssignmentState.Delivering;

        public bool IsDelivered => State == AccessPackageAssignmentState.Delivered;

        /// <summary>
        /// A removal (adminRemove, userRemove) is under way: entitlement management still reads the assignment delivered until
        /// it ends, so it is neither an entitlement nor to be removed again (Graph would refuse a second removal).
        /// </summary>
        public bool Removing { get; set; }

        /// <summary>Writes the assignment as read (not <see cref="Removing"/>, which is marked after) to a spill record; <see cref="Read"/> gives it back.</summary>
        public void Write(BinaryWriter writer)
        {
            writer.Write(Id);
            writer.Write(PackageId);
            writer.Write(PolicyId);
            writer.Write(State.HasValue ? (int)State.Value : -1);
            writer.WriteOptional(EndsAt);
            writer.WriteOptional(ExpiredAt);
            writer.WriteOptional(TargetUserPrincipalName);
        }

        public static HeldAssignment Read(BinaryReader reader) => new HeldAssignment(reader);

        /// <summary>The assignment as the journal records its removal (so Undo can request it again under the same policy and end).</summary>
        public AccessPackageAssignmentChange Change(TierUser user, string? packageName, string? justification) => new AccessPackageAssignmentChange
        {
            AccessPackageId = Guid.Parse(PackageId),
            AccessPackageName = packageName,
            AssignmentPolicyId = PolicyId,
            TargetUserId = Guid.Parse(user.Id),
            TargetUserPrincipalName = user.UserPrincipalName ?? TargetUserPrincipalName,
            AssignmentId = Id,
            EndDateTime = EndsAt,
            Justification = justification,
        };
    }
}
