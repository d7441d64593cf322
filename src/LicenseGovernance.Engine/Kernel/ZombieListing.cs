using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// The user listings of one zombie scan: every user (or every holder of one SKU), or, when only inactive users are
    /// wanted, only the users Graph's signInActivity filter says may be inactive. That filter takes one property at a
    /// time and cannot be combined with any other (the SKU is then judged here), so it takes up to three listings, each
    /// keeping only the users the ones before could not have seen, as <see cref="ZombieRules.LastSignIn"/> judges them:
    /// an old last successful sign-in; without one (Graph fills it only since December 2023), an old non-interactive
    /// sign-in; without either, an old interactive one.
    /// </summary>
    internal sealed class ZombieListing
    {
        private readonly GraphSession _session;
        private readonly List<string> _optional;
        private readonly string? _skuFilter;
        private readonly DateTimeOffset? _inactiveBefore;

        /// <param name="inactiveBefore">The inactivity threshold when only inactive users are wanted; null to list everyone.</param>
        public ZombieListing(GraphSession session, List<string> optional, string? skuFilter, DateTimeOffset? inactiveBefore)
        {
            _session = session;
            _optional = optional;
            _skuFilter = skuFilter;
            _inactiveBefore = inactiveBefore;
        }

        /// <summary>Users the listing will go through, for progress; -1 when unknown (Graph counts no signInActivity filter).</summary>
        public long Total { get; set; } = -1;

        private bool SignInRead => _optional.Contains(WasteScanner.SignInActivity);

        public bool SignInFiltered => _inactiveBefore.HasValue && SignInRead;

        public int PageSize => SignInRead ? _session.SignInReads.PageSize : WasteScanner.PageSize;

        /// <summary>Hands every user listed to <paramref name="onUser"/> with whether sign-ins and leave dates were read.</summary>
        public async Task ReadAsync(Action<User, bool, bool> onUser, Action<string> warn, ZombieQuery query, CancellationToken cancellation)
        {
            if (!_inactiveBefore.HasValue)
            {
                await WasteScanner.ReadUsersAsync(_session, _optional, _ => _skuFilter, onUser, warn, query, cancellation).ConfigureAwait(false);
                return;
            }

            await WasteScanner.ReadUsersAsync(_session, _optional, signIn => signIn ? OlderThan(ZombieRules.SuccessfulField) : _skuFilter, onUser, warn, query, cancellation).ConfigureAwait(false);
            if (!SignInRead)
            {
                return;
            }

            await WasteScanner.ReadUsersAsync(_session, _optional, _ => OlderThan(ZombieRules.NonInteractiveField), (u, s, l) =>
            {
                if (u.SignInActivity?.LastSuccessfulSignInDateTime == null)
                {
                    onUser(u, s, l);
                }
            }, warn, query, cancellation).ConfigureAwait(false);
            await WasteScanner.ReadUsersAsync(_session, _optional, _ => OlderThan(ZombieRules.InteractiveField), (u, s, l) =>
            {
                if (u.SignInActivity?.LastSuccessfulSignInDateTime == null && u.SignInActivity?.LastNonInteractiveSignInDateTime == null)
                {
                    onUser(u, s, l);
                }
            }, warn, query, cancellation).ConfigureAwait(false);
        }

        /// <summary>
        /// Users whose <paramref name="field"/> is at or before the threshold, rounded up to the second, so the filter keeps
        /// every user the rule (strictly before the threshold) calls inactive.
        /// </summary>
        private string OlderThan(string field)
        {
            var threshold = _inactiveBefore!.Value.UtcDateTime;
            var seconds = new DateTime(threshold.Ticks - (threshold.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            if (seconds < threshold)
            {
                seconds = seconds.AddSeconds(1);
            }

            return $"signInActivity/{field} le {seconds.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";
        }

        /// <summary>Progress: users and zombies so far, and, while signInActivity is read, the time its quota still imposes.</summary>
        public string Describe(ZombieScan scan)
        {
            var status = $"{scan.UsersRead:N0} of {(Total < 0 ? "?" : Total.ToString("N0"))} users, {scan.ZombieCount:N0} zombie licences";
            if (!SignInRead || Total < 0)
            {
                return status;
            }

            var pages = (Total - scan.UsersRead + PageSize - 1) / PageSize;
            var left = _session.Pacer.SignInReadTime(Math.Max(0, pages));
            return status + $"; about {Duration(left)} left at Graph's signInActivity quota ({_session.Pacer.SignInReadQuota.Describe()})";
        }

        internal static string Duration(TimeSpan span) =>
            span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min {span.Seconds} s" : $"{Math.Ceiling(span.TotalSeconds)} s";
    }
}
