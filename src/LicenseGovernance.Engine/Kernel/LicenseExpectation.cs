using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>What a caller waits for: one user holding each of <see cref="Licenses"/> actively from one group.</summary>
    internal sealed class LicenseExpectation
    {
        public LicenseExpectation(string userId, string groupId, IReadOnlyList<ExpectedLicense> licenses)
        {
            UserId = userId;
            GroupId = groupId;
            Licenses = licenses;
        }

        public string UserId { get; }

        public string GroupId { get; }

        public IReadOnlyList<ExpectedLicense> Licenses { get; }

        /// <summary>Every licence <paramref name="group"/> carries, with any plans: what a member holds once Entra has processed it.</summary>
        public static LicenseExpectation AllOf(string userId, Group group) =>
            new LicenseExpectation(userId, group.Id!, (group.AssignedLicenses ?? new List<AssignedLicense>())
                .Where(l => l.SkuId.HasValue).Select(l => new ExpectedLicense(l.SkuId!.Value)).ToList());

        /// <param name="states">The user's states from <see cref="GroupId"/>.</param>
        public bool IsMetBy(IReadOnlyList<LicenseAssignmentState> states) => Licenses.All(l => states.Any(l.IsMetBy));
    }
}
