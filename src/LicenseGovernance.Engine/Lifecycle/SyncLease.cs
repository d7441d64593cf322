using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// The tenant-side lease that keeps two tier runs (two runbook jobs, a job and an administrator) from moving the same
    /// users at once: an open extension on the baseline tier's group. Graph answers a POST of an extension name that exists
    /// with 409, so creating it is the atomic "take"; the owner is read back to confirm. It expires after a few minutes
    /// unless renewed, so a run that died frees it on its own. It is coordination, not a licence change, so it is not journaled.
    /// </summary>
    internal sealed class SyncLease
    {
        public const string ExtensionName = "com.licensegovernance.syncLease";

        /// <summary>Short, so a dead run blocks the next for minutes only; renewed at a third of it while a run works.</summary>
        public static readonly TimeSpan TimeToLive = TimeSpan.FromMinutes(5);

        private readonly GraphSession _session;
        private readonly string _groupId;
        private readonly DateTimeOffset _acquiredAt;
        private DateTimeOffset _renewedAt;

        private SyncLease(GraphSession session, string groupId, string owner)
        {
            _session = session;
            _groupId = groupId;
            Owner = owner;
            _acquiredAt = _renewedAt = session.Now;
        }

        public string Owner { get; }

        /// <summary>Who holds the lease and until when, or null when nobody holds a live one.</summary>
        public static async Task<LeaseHolder?> PeekAsync(GraphSession session, TierSystem system, CancellationToken cancellation)
        {
            var holder = await ReadAsync(session, system.Baseline.Id, cancellation).ConfigureAwait(false);
            return holder != null && holder.ExpiresAt > session.Now ? holder : null;
        }

        /// <summary>
        /// Takes the lease for <paramref name="owner"/>: the lease when taken, else who holds it. An expired lease is taken
        /// over; a live one only with <paramref name="force"/>.
        /// </summary>
        public static async Task<(SyncLease? Lease, LeaseHolder? Holder)> AcquireAsync(GraphSession session, TierSystem system, string owner, bool force, CancellationToken cancellation)
        {
            var groupId = system.Baseline.Id;
            if (!await TryCreateAsync(session, groupId, owner, cancellation).ConfigureAwait(false))
            {
                var holder = await ReadAsync(session, groupId, cancellation).ConfigureAwait(false);
                if (holder != null && holder.ExpiresAt > session.Now && !force)
                {
                    return (null, holder);
                }

                await DeleteAsync(session, groupId, cancellation).ConfigureAwait(false);
                await TryCreateAsync(session, groupId, owner, cancellation).ConfigureAwait(false);
            }

            // Another run may have taken it between the delete and the create: only the owner read back holds it.
            var confirmed = await ReadAsync(session, groupId, cancellation).ConfigureAwait(false);
            return confirmed != null && confirmed.Owner == owner ? (new SyncLease(session, groupId, owner), null) : (null, confirmed);
        }

        /// <summary>
        /// Takes the lease for a command that moves users now, named by <paramref name="command"/>: another run's live lease
        /// ends the command with TierLeaseHeld rather than a wait, and a run that died is taken over as in <see cref="AcquireAsync"/>.
        /// </summary>
        public static async Task<SyncLease> RequireAsync(GraphSession session, TierSystem system, string command, CancellationToken cancellation)
        {
            var (lease, holder) = await AcquireAsync(session, system, $"{command} by {session.Context.Account ?? "unknown"} (run {Guid.NewGuid():N})", false, cancellation).ConfigureAwait(false);
            return lease ?? throw Errors.TierLeaseHeld(holder!.Owner, holder.ExpiresAt).ToException();
        }

        /// <summary>
        /// Pushes the expiry on when a third of its life has passed. Throws TierLeaseHeld when another run has taken the lease
        /// over meanwhile (-Force), so this run stops at a safe point rather than move users beside it.
        /// </summary>
        public async Task RenewAsync(CancellationToken cancellation)
        {
            if (_session.Now - _renewedAt < TimeSpan.FromTicks(TimeToLive.Ticks / 3))
            {
                return;
            }

            var holder = await ReadAsync(_session, _groupId, cancellation).ConfigureAwait(false);
            if (holder == null || holder.Owner != Owner)
            {
                throw Errors.TierLeaseHeld(holder?.Owner ?? "nobody (the lease was deleted)", holder?.ExpiresAt ?? _session.Now).ToException();
            }

            await _session.CallAsync("renew the tier lease", "ManageGroups", async c =>
            {
                await c.Groups[_groupId].Extensions[ExtensionName].PatchAsync(Extension(Owner, _acquiredAt, _session.Now), cancellationToken: cancellation).ConfigureAwait(false);
                return true;
            }, cancellation).ConfigureAwait(false);
            _renewedAt = _session.Now;
        }

        /// <summary>Gives the lease back, if it is still this run's; a failure here only delays the next run until it expires.</summary>
        public async Task ReleaseAsync()
        {
            var holder = await ReadAsync(_session, _groupId, CancellationToken.None).ConfigureAwait(false);
            if (holder?.Owner == Owner)
            {
                await DeleteAsync(_session, _groupId, CancellationToken.None).ConfigureAwait(false);
            }
        }

        private static Task<bool> TryCreateAsync(GraphSession session, string groupId, string owner, CancellationToken cancellation) =>
            session.CallAsync("take the tier lease", "ManageGroups", async c =>
            {
                try
                {
                    await c.Groups[groupId].Extensions.PostAsync(Extension(owner, session.Now, session.Now), cancellationToken: cancellation).ConfigureAwait(false);
                    return true;
                }
                catch (ApiException api) when (api.ResponseStatusCode == 409)
                {
                    return false;
                }
            }, cancellation);

        private static Task DeleteAsync(GraphSession session, string groupId, CancellationToken cancellation) =>
            session.CallAsync("remove the tier lease", "ManageGroups", async c =>
            {
                try
                {
                    await c.Groups[groupId].Extensions[ExtensionName].DeleteAsync(cancellationToken: cancellation).ConfigureAwait(false);
                }
                catch (ApiException api) when (api.ResponseStatusCode == 404)
                {
                    // Gone already (it expired and another run took it over and gave it back): nothing to remove.
                }

                return true;
            }, cancellation);

        private static async Task<LeaseHolder?> ReadAsync(GraphSession session, string groupId, CancellationToken cancellation)
        {
            var extension = await session.CallOrNotFoundAsync("read the tier lease", "ReadGroups",
                c => c.Groups[groupId].Extensions[ExtensionName].GetAsync(cancellationToken: cancellation), cancellation).ConfigureAwait(false);
            var owner = ExtensionValues.String(extension?.AdditionalData, "owner");
            var expires = ExtensionValues.Date(extension?.AdditionalData, "expiresAt");
            // An unreadable lease is treated as expired, so a damaged one cannot block every run for ever.
            return extension == null ? null : new LeaseHolder(owner ?? "unknown", expires ?? DateTimeOffset.MinValue);
        }

        private static OpenTypeExtension Extension(string owner, DateTimeOffset acquiredAt, DateTimeOffset now) => new OpenTypeExtension
        {
            ExtensionName = ExtensionName,
            AdditionalData = new Dictionary<string, object>
            {
                ["owner"] = owner,
                ["acquiredAt"] = ExtensionValues.Round(acquiredAt),
                ["expiresAt"] = ExtensionValues.Round(now + TimeToLive),
            },
        };
    }
}
