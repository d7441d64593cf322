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

        private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping =
            new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

        public static async Task<LicenseSimulatorUserPlan> PlanAsync(GraphSession session, SetSimulatorUserRequest request, CancellationToken cancellation)
        {
            if (request.Property.Count == 0)
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
            return new LicenseSimulatorUserPlan
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
            };
        }

        /// <summary>Sends the planned body (nothing when nothing changes) and stamps each change with the simulated time.</summary>
        public static async Task<IReadOnlyList<LicenseSimulatorUserChange>> ApplyAsync(GraphSession session, LicenseSimulatorUserPlan plan, CancellationToken cancellation)
        {
            if (plan.Changes.Any(c => c.OldValue != c.NewValue))
            {
                await session.CallAsync("update user " + plan.UserPrincipalName, WriteCapability, async client =>
                {
                    await PatchAsync(client, plan, cancellation).ConfigureAwait(false);
                    return true;
                }, cancellation).ConfigureAwait(false);
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
