using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>What counts as a zombie licence: the options of Get-ZombieLicense, shared by Get-LicenseUtilization and the health score.</summary>
    internal sealed class ZombieQuery
    {
        /// <summary>Days without a successful sign-in after which a user is inactive; also the grace period of a new account.</summary>
        public int InactiveDays { get; set; } = 90;

        /// <summary>Reasons to report; null or empty for all four.</summary>
        public IReadOnlyCollection<ZombieReason>? Reasons { get; set; }

        /// <summary>Part numbers, ids or product names; null or empty for every SKU.</summary>
        public IReadOnlyList<string>? Sku { get; set; }

        public bool IncludeGuests { get; set; }

        public static ZombieQuery From(GetZombieLicenseRequest request) => new ZombieQuery
        {
            InactiveDays = request.InactiveDays,
            Reasons = request.Reason,
            Sku = request.Sku,
            IncludeGuests = request.IncludeGuests,
        };

        internal IReadOnlyCollection<ZombieReason> WantedReasons =>
            Reasons == null || Reasons.Count == 0 ? (IReadOnlyCollection<ZombieReason>)Enum.GetValues(typeof(ZombieReason)).Cast<ZombieReason>().ToArray() : Reasons;

        internal bool Wants(ZombieReason reason) => WantedReasons.Contains(reason);

        /// <summary>
        /// Sign-in activity is read only when a reason needs it: selecting it shrinks Graph's pages from 999 to 500 users and
        /// puts every page under its own quota of 10 requests a minute.
        /// </summary>
        internal bool NeedsSignInActivity => Wants(ZombieReason.Inactive) || Wants(ZombieReason.NeverSignedIn);

        internal bool NeedsLeaveDate => Wants(ZombieReason.Departed);

        /// <summary>Throws ZombieQueryInvalid before anything is read. Callers validate once; the scan trusts its query.</summary>
        internal void Validate()
        {
            ValidateInactiveDays(InactiveDays);

            if (Reasons != null && Reasons.Any(r => !Enum.IsDefined(typeof(ZombieReason), r)))
            {
                throw Errors.ZombieQueryInvalid("-Reason takes Disabled, Departed, Inactive or NeverSignedIn.").ToException();
            }

            if (Sku != null && Sku.Any(string.IsNullOrWhiteSpace))
            {
                throw Errors.ZombieQueryInvalid("-Sku contains an empty name; give part numbers (SPE_E5), SKU ids or product names.").ToException();
            }
        }

        /// <summary>The one inactivity rule, for every command that takes -InactiveDays (the health score and Remove-ZombieLicense too).</summary>
        internal static void ValidateInactiveDays(int days)
        {
            if (days < GetZombieLicenseRequest.MinInactiveDays || days > GetZombieLicenseRequest.MaxInactiveDays)
            {
                throw Errors.ZombieQueryInvalid($"-InactiveDays {days} is out of range; use {GetZombieLicenseRequest.MinInactiveDays} to {GetZombieLicenseRequest.MaxInactiveDays} days (90 is the usual threshold).").ToException();
            }
        }
    }
}
