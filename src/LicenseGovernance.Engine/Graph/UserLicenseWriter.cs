using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;
using UserAssignLicenseBody = Microsoft.Graph.Users.Item.AssignLicense.AssignLicensePostRequestBody;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>
    /// A user's direct licences (assignLicense) and the request to reprocess their group licences. Every write is journaled
    /// before it is sent, with the direct licences of the SKU before and after, and goes out through <see cref="WriteRetryPolicy"/>.
    /// <see cref="SendAsync"/> is the bare call, for Undo, which journals its reversal itself.
    /// </summary>
    internal static class UserLicenseWriter
    {
        public const string ReprocessOperation = "User.ReprocessLicense";

        /// <summary>The capability its writes need, for wording a refused $batch item (<see cref="WriteRetryPolicy.Error"/>).</summary>
        public const string Capability = "AssignUserLicense";

        /// <summary>Graph's refusal to remove a licence the user does not hold directly (graph-contract 1.5).</summary>
        private const string NotHeld = "does not have a corresponding license";

        /// <summary>Assigns <paramref name="license"/> directly, with its disabled plans, to a user who does not hold it directly.</summary>
        public static Task AddAsync(GraphSession session, JournalScope journal, Guid userId, string? userPrincipalName, DirectLicense license, CancellationToken cancellation) =>
            journal.RunAsync(ChangeIntents.AssignUserLicenses(userId, userPrincipalName, Array.Empty<DirectLicense>(), new[] { license }),
                () => SendAsync(session, $"assign {license.SkuPartNumber ?? license.SkuId.ToString()} directly to {userPrincipalName ?? userId.ToString()}", userId, new[] { license }, Array.Empty<Guid>(), cancellation),
                cancellation);

        /// <summary>
        /// Removes one SKU's direct assignment from up to 20 users in one $batch, each journaled first with the assignment
        /// it held. One outcome per user, in order; <see cref="WriteOutcome.AlreadyDone"/> where it was already gone.
        /// </summary>
        /// <param name="writesAfter">How many writes the caller still has to send after these (see <see cref="WritePacer"/>).</param>
        public static Task<IReadOnlyList<WriteOutcome>> RemoveDirectAsync(GraphSession session, JournalScope journal, IReadOnlyList<(Guid UserId, string? UserPrincipalName, DirectLicense Held)> users, long writesAfter, CancellationToken cancellation) =>
            ChangeDirectAsync(session, journal, users.Select(u => new DirectLicenseChange(u.UserId, u.UserPrincipalName, new[] { u.Held }, Array.Empty<DirectLicense>(), new[] { u.Held.SkuId })).ToList(), writesAfter, cancellation);

        /// <summary>
        /// Up to 20 users' direct licences changed in one $batch, one assignLicense each (its adds and removals are applied
        /// together, so one request can swap a SKU for another with no instant between), each journaled first with the
        /// direct licences of the SKUs it touches before and after. One outcome per user, in order; a removal of a licence
        /// already gone is <see cref="WriteOutcome.AlreadyDone"/>.
        /// </summary>
        /// <param name="writesAfter">How many writes the caller still has to send after these (see <see cref="WritePacer"/>).</param>
        public static Task<IReadOnlyList<WriteOutcome>> ChangeDirectAsync(GraphSession session, JournalScope journal, IReadOnlyList<DirectLicenseChange> changes, long writesAfter, CancellationToken cancellation) =>
            JournaledBatch.SendAsync(session, journal, "change direct licences", Capability,
                changes.Select(c => (ChangeIntents.AssignUserLicenses(c.UserId, c.UserPrincipalName, c.Before, c.After), new GraphBatch.Request("POST", "/users/" + c.UserId + "/assignLicense", Body(c.Add, c.Remove)))).ToList(),
                NotHeld, "The direct assignment was already gone.", writesAfter, cancellation);

        /// <summary>The bare assignLicense, for a caller that journaled the change itself.</summary>
        public static Task<User?> SendAsync(GraphSession session, string operation, Guid userId, IReadOnlyList<DirectLicense> add, IReadOnlyList<Guid> remove, CancellationToken cancellation) =>
            WriteRetryPolicy.CallAsync(session, operation, Capability, (c, configure) => c.Users[userId.ToString()].AssignLicense.PostAsync(new UserAssignLicenseBody
            {
                AddLicenses = add.Select(l => l.ToAssigned()).ToList(),
                RemoveLicenses = remove.Select(s => (Guid?)s).ToList(),
            }, configure, cancellation), cancellation);

        /// <summary>Asks Entra to apply the user's group licences again, journaled with the errors they show now.</summary>
        public static Task ReprocessAsync(GraphSession session, JournalScope journal, string userId, string? userPrincipalName, IEnumerable<LicenseState> states, CancellationToken cancellation)
        {
            var errors = states.Where(s => !string.IsNullOrEmpty(s.Error) && s.Error != "None").Select(s => new { s.SkuId, s.AssignedByGroup, s.State, s.Error }).ToList();
            return journal.RunAsync(ChangeIntents.Other(ReprocessOperation, "user", userId, userPrincipalName, errors, null),
                () => WriteRetryPolicy.CallAsync(session, "reprocess licences of " + (userPrincipalName ?? userId), "ReprocessLicense",
                    (c, configure) => c.Users[userId].ReprocessLicenseAssignment.PostAsync(configure, cancellation), cancellation), cancellation);
        }

        private static Action<Utf8JsonWriter> Body(IReadOnlyList<DirectLicense> add, IReadOnlyList<Guid> remove) => w =>
        {
            w.WriteStartArray("addLicenses");
            foreach (var license in add)
            {
                w.WriteStartObject();
                w.WriteString("skuId", license.SkuId.ToString());
                w.WriteStartArray("disabledPlans");
                foreach (var plan in license.DisabledPlans)
                {
                    w.WriteStringValue(plan.ToString());
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("removeLicenses");
            foreach (var sku in remove)
            {
                w.WriteStringValue(sku.ToString());
            }

            w.WriteEndArray();
        };
    }
}
