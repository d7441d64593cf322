using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>Every operation Undo-LicenseChange can reverse.</summary>
    public static class ChangeReversers
    {
        public static IReadOnlyList<IChangeReverser> All { get; } = new IChangeReverser[]
        {
            new UserLicenseReverser(),
            new GroupLicenseReverser(),
            new GroupMembershipReverser(ChangeIntents.GroupAddMember),
            new GroupMembershipReverser(ChangeIntents.GroupRemoveMember),
            new AccessPackageAssignmentReverser(AccessPackageChangeIntents.AddAssignment),
            new AccessPackageAssignmentReverser(AccessPackageChangeIntents.RemoveAssignment),
        };

        public static IChangeReverser? Find(string operation) =>
            All.FirstOrDefault(r => string.Equals(r.Operation, operation, StringComparison.Ordinal));
    }
}
