using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Journal;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>One change of a <see cref="LicenseRemovalPlan"/>: the direct assignment, or one group membership (and its access package assignment).</summary>
    internal sealed class LicenseRemovalStep
    {
        private LicenseRemovalStep(LicenseRemovalStepKind kind, DirectLicense? directLicense, string? groupId, string? groupName, string? accessPackageName,
            IReadOnlyList<AlsoLostLicense> alsoLost, bool alreadyDone, bool pending = false)
        {
            Kind = kind;
            DirectLicense = directLicense;
            GroupId = groupId;
            GroupName = groupName;
            AccessPackageName = accessPackageName;
            AlsoLost = alsoLost;
            AlreadyDone = alreadyDone;
            Pending = pending;
        }

        public LicenseRemovalStepKind Kind { get; }

        /// <summary>For <see cref="LicenseRemovalStepKind.RemoveDirectAssignment"/>: the SKU with the plans it leaves off, so the journal and Undo can put it back as it was.</summary>
        public DirectLicense? DirectLicense { get; }

        /// <summary>The group whose membership carries the licence; null for the direct assignment.</summary>
        public string? GroupId { get; }

        public string? GroupName { get; }

        /// <summary>For <see cref="LicenseRemovalStepKind.EndAccessPackageAssignment"/>: the package that delivers the membership.</summary>
        public string? AccessPackageName { get; }

        /// <summary>Other SKUs this step takes away; empty for the direct assignment and for a step already done.</summary>
        public IReadOnlyList<AlsoLostLicense> AlsoLost { get; }

        /// <summary>
        /// An earlier removal of the same run already ended this membership, or it was already ending (<see cref="Pending"/>);
        /// Graph would refuse to end it again.
        /// </summary>
        public bool AlreadyDone { get; }

        /// <summary>
        /// The membership was ending before the run: the user had left the group, or the access package assignment delivering
        /// it was being removed. Graph still shows the licence until Microsoft Entra ID processes the group.
        /// </summary>
        public bool Pending { get; }

        /// <summary>The step in words, for confirmation prompts and the changes a result lists.</summary>
        public string Description
        {
            get
            {
                if (Kind == LicenseRemovalStepKind.RemoveDirectAssignment)
                {
                    return "remove the direct " + DirectLicense!.SkuPartNumber;
                }

                if (Pending)
                {
                    return Kind == LicenseRemovalStepKind.EndAccessPackageAssignment
                        ? $"the access package assignment '{AccessPackageName}' that makes the user a member of '{GroupName}' is already being removed"
                        : $"the user already left group '{GroupName}'";
                }

                if (AlreadyDone)
                {
                    return $"left group '{GroupName}' earlier in this run";
                }

                var what = Kind == LicenseRemovalStepKind.EndAccessPackageAssignment
                    ? $"end the access package assignment '{AccessPackageName}' that makes the user a member of '{GroupName}'"
                    : $"remove the user from group '{GroupName}' (or end the access package assignment that delivers it)";
                return AlsoLost.Count == 0 ? what : what + $"; the user also loses {AlsoLostNames}, which that group gives and nothing else does";
            }
        }

        /// <summary>For a step that takes other SKUs: the warning to show before asking, so that nobody loses them unawares.</summary>
        public string? AlsoLostWarning(string target) => AlsoLost.Count == 0 ? null :
            $"{target}: leaving group '{GroupName}' also takes away {AlsoLostNames} from the user (the group gives it and nothing else does). " +
            "Confirm only if the user needs none of it; otherwise assign it another way first.";

        private string AlsoLostNames => string.Join(", ", AlsoLost.Select(l => l.SkuPartNumber));

        public static LicenseRemovalStep RemoveDirect(DirectLicense license) =>
            new LicenseRemovalStep(LicenseRemovalStepKind.RemoveDirectAssignment, license, null, null, null, Array.Empty<AlsoLostLicense>(), alreadyDone: false);

        /// <summary>A membership already ending before the run (<see cref="Pending"/>): through the access package's removal when <paramref name="accessPackageName"/> is given.</summary>
        public static LicenseRemovalStep Ending(string groupId, string groupName, string? accessPackageName) =>
            new LicenseRemovalStep(accessPackageName == null ? LicenseRemovalStepKind.LeaveGroup : LicenseRemovalStepKind.EndAccessPackageAssignment,
                null, groupId, groupName, accessPackageName, Array.Empty<AlsoLostLicense>(), alreadyDone: true, pending: true);

        /// <summary>Ends the membership of the group: through the access package that delivers it when <paramref name="accessPackageName"/> is given.</summary>
        public static LicenseRemovalStep EndMembership(string groupId, string groupName, string? accessPackageName, IReadOnlyList<AlsoLostLicense> alsoLost, bool alreadyDone) =>
            new LicenseRemovalStep(accessPackageName == null ? LicenseRemovalStepKind.LeaveGroup : LicenseRemovalStepKind.EndAccessPackageAssignment,
                null, groupId, groupName, accessPackageName, alsoLost, alreadyDone);
    }
}
