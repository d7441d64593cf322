using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Journal;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// Where a user returns when a temporary move ends: kept on the user (open extension) rather than in a local file, so
    /// whichever session or runbook reconciles next returns the user to the tier they came from, with its old end date.
    /// </summary>
    internal sealed class TierReturn
    {
        public const string ExtensionName = "com.licensegovernance.tierReturn";

        public string ReturnTierGroupId { get; set; } = "";

        public string? ReturnPackageId { get; set; }

        /// <summary>The end the user's assignment of the return tier had; null when it had none.</summary>
        public DateTimeOffset? ReturnEndDate { get; set; }

        /// <summary>The package of the temporary tier, whose assignment ends at <see cref="Until"/>.</summary>
        public string? TemporaryPackageId { get; set; }

        public DateTimeOffset Until { get; set; }

        public OpenTypeExtension ToExtension() => new OpenTypeExtension
        {
            ExtensionName = ExtensionName,
            AdditionalData = new Dictionary<string, object>
            {
                ["returnTierGroupId"] = ReturnTierGroupId,
                ["returnPackageId"] = ReturnPackageId ?? "",
                ["returnEndDate"] = ReturnEndDate == null ? "" : ExtensionValues.Round(ReturnEndDate.Value),
                ["temporaryPackageId"] = TemporaryPackageId ?? "",
                ["until"] = ExtensionValues.Round(Until),
                ["managedBy"] = "LicenseGovernance",
            },
        };

        /// <summary>Null when the extension is missing or unreadable.</summary>
        public static TierReturn? From(Extension? extension)
        {
            var data = extension?.AdditionalData;
            var tier = ExtensionValues.String(data, "returnTierGroupId");
            var until = ExtensionValues.Date(data, "until");
            if (string.IsNullOrEmpty(tier) || until == null)
            {
                return null;
            }

            return new TierReturn
            {
                ReturnTierGroupId = tier!,
                ReturnPackageId = NullIfEmpty(ExtensionValues.String(data, "returnPackageId")),
                ReturnEndDate = ExtensionValues.Date(data, "returnEndDate"),
                TemporaryPackageId = NullIfEmpty(ExtensionValues.String(data, "temporaryPackageId")),
                Until = until.Value,
            };
        }

        public static async Task<TierReturn?> ReadAsync(GraphSession session, string userId, CancellationToken cancellation) =>
            From(await session.CallOrNotFoundAsync("read the tier return of " + userId, "ReadUsers",
                c => c.Users[userId].Extensions[ExtensionName].GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false));

        /// <summary>Records the return (journaled); one already there is replaced, since a later move knows better.</summary>
        public Task WriteAsync(GraphSession session, JournalScope journal, TierUser user, CancellationToken cancellation) =>
            journal.RunAsync(ChangeIntents.Other("User.SetTierReturn", "user", user.Id, user.UserPrincipalName, null, ToExtension().AdditionalData), () =>
                session.CallAsync("record the tier return of " + user.Label, "ManageUserExtensions", async c =>
                {
                    try
                    {
                        await c.Users[user.Id].Extensions.PostAsync(ToExtension(), cancellationToken: cancellation).ConfigureAwait(false);
                    }
                    catch (ApiException api) when (api.ResponseStatusCode == 409)
                    {
                        await c.Users[user.Id].Extensions[ExtensionName].PatchAsync(ToExtension(), cancellationToken: cancellation).ConfigureAwait(false);
                    }

                    return true;
                }, cancellation), cancellation);

        /// <summary>Deletes the return (journaled) once the user is back, or it can no longer apply; one already gone is fine.</summary>
        public Task DeleteAsync(GraphSession session, JournalScope journal, TierUser user, CancellationToken cancellation) =>
            journal.RunAsync(ChangeIntents.Other("User.ClearTierReturn", "user", user.Id, user.UserPrincipalName, ToExtension().AdditionalData, null), () =>
                session.CallAsync("clear the tier return of " + user.Label, "ManageUserExtensions", async c =>
                {
                    try
                    {
                        await c.Users[user.Id].Extensions[ExtensionName].DeleteAsync(cancellationToken: cancellation).ConfigureAwait(false);
                    }
                    catch (ApiException api) when (api.ResponseStatusCode == 404)
                    {
                        // Deleted already (an earlier run that stopped right after): the user is as asked.
                    }

                    return true;
                }, cancellation), cancellation);

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
