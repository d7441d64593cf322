using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// What a caller waits for: one user holding each of <see cref="Licenses"/> actively from one group, or (<see cref="Gone"/>)
    /// holding nothing from it any more.
    /// </summary>
    internal sealed class LicenseExpectation
    {
        public LicenseExpectation(string userId, string groupId, IReadOnlyList<ExpectedLicense> licenses)
            : this(userId, groupId, licenses, expectsNone: false)
        {
        }

        private LicenseExpectation(string userId, string groupId, IReadOnlyList<ExpectedLicense> licenses, bool expectsNone)
        {
            UserId = userId;
            GroupId = groupId;
            Licenses = licenses;
            ExpectsNone = expectsNone;
        }

        public string UserId { get; }

        public string GroupId { get; }

        public IReadOnlyList<ExpectedLicense> Licenses { get; }

        /// <summary>The user has left the group, and the caller waits until Entra has taken away every licence state from it.</summary>
        public bool ExpectsNone { get; }

        /// <summary>
        /// The user left the group: met once no licence state from it is left (a tier move waits for this before the user
        /// may take a licence that cannot sit beside the old one).
        /// </summary>
        public static LicenseExpectation Gone(string userId, string groupId) =>
            new LicenseExpectation(userId, groupId, new List<ExpectedLicense>(), expectsNone: true);

        /// <summary>Every licence <paramref name="group"/> carries, with any plans: what a member holds once Entra has processed it.</summary>
        public static LicenseExpectation AllOf(string userId, Group group) =>
            new LicenseExpectation(userId, group.Id!, (group.AssignedLicenses ?? new List<AssignedLicense>())
                .Where(l => l.SkuId.HasValue).Select(l => new ExpectedLicense(l.SkuId!.Value)).ToList());

        /// <param name="states">The user's states from <see cref="GroupId"/>.</param>
        public bool IsMetBy(IReadOnlyList<LicenseState> states) => ExpectsNone ? states.Count == 0 : Licenses.All(l => states.Any(l.IsMetBy));
    }
}
