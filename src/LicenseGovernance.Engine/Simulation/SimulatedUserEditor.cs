using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Requests;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;

namespace LicenseGovernance.Engine.Simulation
{
    /// <summary>
    /// Changes a simulated user's attributes the way Entra sees them changed: a PATCH /users/{id} through the session, so the
    /// tenant validates it as Graph does and dynamic groups whose rules read a changed attribute re-evaluate on its clock.
    /// Every property is checked (known name, right type) before the user is read, and the user before anything is sent.
    /// </summary>
    internal static class SimulatedUserEditor
    {
        // A user PATCH needs User.ReadWrite.All, which is what the reprocess capability asks for; a 403 then names it.
        private const string WriteCapability = "ReprocessLicense";

        private const string MailboxPurposeProperty = "mailboxSettings.userPurpose";

        private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping =
            new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

        public static async Task<LicenseSimulatorUserPlan> PlanAsync(GraphSession session, SetSimulatorUserRequest request, CancellationToken cancellation)
        {
            if (request.Property.Count == 0 && request.MailboxPurpose == null)
            {
                throw Errors.SimulatorUserPropertiesEmpty().ToException();
            }

            var asked = request.Property.Select(p =>
            {
                var property = SimulatedUserProperty.Find(p.Key);
                return (Property: property, Value: property.Normalize(p.Value));
            }).ToList();
            var user = await ReadAsync(session, request.User.Trim(), cancellation).ConfigureAwait(false)
                ?? throw Errors.UserNotFound(request.User).ToException();
            var userId = Guid.Parse(user.Id!);
            var upn = user.UserPrincipalName ?? user.Id!;
            var plan = new LicenseSimulatorUserPlan
            {
                UserId = userId,
                UserPrincipalName = upn,
                Changes = asked.Select(a => new LicenseSimulatorUserChange
                {
                    UserId = userId,
                    UserPrincipalName = upn,
                    Property = a.Property.Name,
                    OldValue = SimulatedUserProperty.Show(a.Property.Current(user)),
                    NewValue = SimulatedUserProperty.Show(a.Value),
                }).ToList(),
                Body = Body(asked),
                MailboxPurpose = request.MailboxPurpose,
            };
            if (request.MailboxPurpose != null)
            {
                plan.Changes.Add(new LicenseSimulatorUserChange
                {
                    UserId = userId,
                    UserPrincipalName = upn,
                    Property = MailboxPurposeProperty,
                    OldValue = MailboxPurposeOf(session, userId),
                    NewValue = request.MailboxPurpose,
                });
            }

            return plan;
        }

        /// <summary>
        /// Exchange Online's side of the simulated tenant: Graph only reads userPurpose, so the rehearsal sets it on the
        /// tenant directly, as Set-Mailbox -Type Shared would. A user without a mailbox cannot be given one.
        /// </summary>
        private static string? MailboxPurposeOf(GraphSession session, Guid userId) =>
            session.Tenant!.Store.MailboxPurposeOf(userId) ?? throw Errors.SimulatorUserHasNoMailbox(userId.ToString()).ToException();

        /// <summary>Sends the planned body (nothing when nothing changes) and stamps each change with the simulated time.</summary>
        public static async Task<IReadOnlyList<LicenseSimulatorUserChange>> ApplyAsync(GraphSession session, LicenseSimulatorUserPlan plan, CancellationToken cancellation)
        {
            if (plan.Changes.Any(c => c.Property != MailboxPurposeProperty && c.OldValue != c.NewValue))
            {
                await session.CallAsync("update user " + plan.UserPrincipalName, WriteCapability, async client =>
                {
                    await PatchAsync(client, plan, cancellation).ConfigureAwait(false);
                    return true;
                }, cancellation).ConfigureAwait(false);
            }

            if (plan.MailboxPurpose != null)
            {
                session.Tenant!.Store.SetMailboxPurpose(plan.UserId, plan.MailboxPurpose);
            }

            var now = session.Now;
            foreach (var change in plan.Changes)
            {
                change.Changed = now;
            }

            return plan.Changes;
        }

        private static Task<User?> ReadAsync(GraphSession session, string idOrUpn, CancellationToken cancellation) =>
            session.CallOrNotFoundAsync("read user " + idOrUpn, "ReadUsers",
                c => c.Users[idOrUpn].GetAsync(r => r.QueryParameters.Select = new[] { "id", "userPrincipalName" }.Concat(SimulatedUserProperty.Select).ToArray(), cancellation),
                cancellation);

        private static Task PatchAsync(GraphServiceClient client, LicenseSimulatorUserPlan plan, CancellationToken cancellation)
        {
            var request = client.Users[plan.UserId.ToString()].ToPatchRequestInformation(new User());
            request.SetStreamContent(new MemoryStream(Encoding.UTF8.GetBytes(plan.Body)), "application/json");
            return client.RequestAdapter.SendNoContentAsync(request, ErrorMapping, cancellation);
        }

        /// <summary>Graph's shape: top-level properties, and the extension attributes inside onPremisesExtensionAttributes.</summary>
        private static string Body(IReadOnlyList<(SimulatedUserProperty Property, object? Value)> asked)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var (property, value) in asked.Where(a => a.Property.Parent == null))
                {
                    property.Write(writer, value);
                }

                var nested = asked.Where(a => a.Property.Parent != null).ToList();
                if (nested.Count > 0)
                {
                    writer.WriteStartObject(SimulatedUserProperty.ExtensionAttributes);
                    foreach (var (property, value) in nested)
                    {
                        property.Write(writer, value);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
