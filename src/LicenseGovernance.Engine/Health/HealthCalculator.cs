using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LicenseGovernance.Engine.Health
{
    /// <summary>
    /// The licence health score, as a pure function of the measured inputs. Each component gives
    /// Weight × (1 − min(1, Value ÷ ZeroAt)) points; the score is the points of the measured components over their weights,
    /// times 100, rounded half away from zero. docs/help/Get-LicenseHealth.md states the same formula and table.
    /// </summary>
    internal static class HealthCalculator
    {
        public const string Waste = "Waste";
        public const string LicenseErrors = "LicenseErrors";
        public const string DirectAssignments = "DirectAssignments";
        public const string Ungoverned = "Ungoverned";
        public const string ConflictingTiers = "ConflictingTiers";

        /// <summary>Name, weight, and the share at which the component gives no points.</summary>
        public static readonly IReadOnlyList<(string Name, int Weight, double ZeroAt)> Table = new[]
        {
            (Waste, 35, 0.40),
            (LicenseErrors, 20, 0.05),
            (DirectAssignments, 20, 1.0),
            (Ungoverned, 15, 1.0),
            (ConflictingTiers, 10, 0.10),
        };

        public static LicenseHealth Calculate(HealthInputs inputs)
        {
            var components = new List<LicenseHealthComponent>
            {
                WasteComponent(inputs),
                ErrorComponent(inputs),
                DirectComponent(inputs),
                UngovernedComponent(inputs),
                ConflictComponent(inputs),
            };

            var measured = components.Where(c => c.Measured).ToList();
            var weights = measured.Sum(c => c.Weight);
            // Summed from unrounded points, so the score does not drift by the components' rounding.
            var points = measured.Sum(c => RawPoints(c));
            // Errors, direct assignments and tiers come from the user pass and are always measured, so weights is never 0.
            var score = (int)Math.Round(100.0 * points / weights, MidpointRounding.AwayFromZero);

            return new LicenseHealth
            {
                Score = score,
                Grade = Grade(score),
                TenantId = inputs.TenantId,
                MeasuredAt = inputs.MeasuredAt,
                MonthlySpend = inputs.Waste?.PurchasedMonthlyCost ?? 0m,
                MonthlyWaste = inputs.Waste == null ? 0m : inputs.Waste.UnassignedMonthlyCost + inputs.Waste.ZombieMonthlyCost,
                Currency = inputs.Waste?.Currency,
                LicensedUsers = inputs.LicensedUsers,
                Components = components.ToArray(),
                Warnings = inputs.Warnings.ToArray(),
            };
        }

        /// <summary>What fixes a component, in words a budget holder reads (the FixedBy command is for whoever carries it out).</summary>
        public static string Remedy(string component) => component switch
        {
            Waste => "Take licences back from departed, disabled and inactive accounts, and cancel seats nobody is assigned.",
            LicenseErrors => "Clear what stops each user's group licence (usually too few seats or clashing plans), then have Entra try again.",
            DirectAssignments => "Move licences assigned user by user onto group-based licensing.",
            Ungoverned => "Give every licence grant an end date and every licensed group an owner.",
            ConflictingTiers => "Leave each user in one licence tier only.",
            _ => "",
        };

        public static string Grade(int score) => score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : score >= 40 ? "D" : "F";

        /// <summary>Weight × (1 − min(1, Value ÷ ZeroAt)), unrounded.</summary>
        public static double RawPoints(LicenseHealthComponent c) => c.Weight * (1.0 - Math.Min(1.0, c.Value / c.ZeroAt));

        private static LicenseHealthComponent Make(string name, string description, decimal affected, decimal outOf, string detail, string fixedBy, bool measured = true)
        {
            var row = Table.First(t => t.Name == name);
            var c = new LicenseHealthComponent
            {
                Name = name,
                Description = description,
                Weight = row.Weight,
                ZeroAt = row.ZeroAt,
                Affected = affected,
                OutOf = outOf,
                Value = !measured || outOf <= 0 ? 0 : (double)(affected / outOf),
                Measured = measured,
                Detail = detail,
                FixedBy = fixedBy,
            };
            c.Points = measured ? Math.Round(RawPoints(c), 1, MidpointRounding.AwayFromZero) : (double?)null;
            return c;
        }

        private static LicenseHealthComponent WasteComponent(HealthInputs inputs)
        {
            const string description = "Share of monthly spend on unassigned seats and on seats held by zombie accounts";
            const string fixedBy = "Get-ZombieLicense | Remove-ZombieLicense; Get-LicenseUtilization for unassigned seats to cancel";
            var w = inputs.Waste;
            if (w == null)
            {
                return Make(Waste, description, 0, 0, "Not measured: the waste scan did not run.", fixedBy, measured: false);
            }

            var currency = w.Currency ?? "";
            var detail = w.PurchasedMonthlyCost <= 0
                ? "No priced seats to measure."
                : $"{Money(w.UnassignedMonthlyCost + w.ZombieMonthlyCost, currency)} of {Money(w.PurchasedMonthlyCost, currency)} a month: {w.UnassignedSeats} unassigned seat(s) ({Money(w.UnassignedMonthlyCost, currency)}), {w.ZombieSeats} zombie seat(s) ({Money(w.ZombieMonthlyCost, currency)})";
            if (w.UnpricedSkus > 0)
            {
                detail += $"; {w.UnpricedSkus} SKU(s) without a price left out (Set-LicensePrice)";
            }

            return Make(Waste, description, w.UnassignedMonthlyCost + w.ZombieMonthlyCost, w.PurchasedMonthlyCost, detail, fixedBy);
        }

        private static LicenseHealthComponent ErrorComponent(HealthInputs inputs)
        {
            var types = inputs.ErrorsByType.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => kv.Key + " " + kv.Value.ToString(CultureInfo.InvariantCulture)).ToList();
            var detail = $"{inputs.UsersInError} of {inputs.LicensedUsers} licensed user(s) with a licence in error" + (types.Count == 0 ? "" : " (" + string.Join(", ", types) + ")");
            return Make(LicenseErrors, "Share of licensed users with a licence in state Error or ActiveWithError", inputs.UsersInError, inputs.LicensedUsers, detail,
                "Get-GroupLicenseError (the remedy per user), then Invoke-LicenseReprocess");
        }

        private static LicenseHealthComponent DirectComponent(HealthInputs inputs) =>
            Make(DirectAssignments, "Share of licences (per user and SKU) assigned directly rather than only through a group", inputs.DirectAssignments, inputs.LicenseAssignments,
                $"{inputs.DirectAssignments} of {inputs.LicenseAssignments} licence(s) held directly (including those also inherited)",
                "Get-DirectLicenseAssignment -Summary, then Move-DirectToGroupLicense");

        private static LicenseHealthComponent UngovernedComponent(HealthInputs inputs)
        {
            const string description = "Share of licence grants without an end or an owner: access package assignments of a licensed group (baseline tier excepted) with no end date, and licensed groups with no owner";
            const string fixedBy = "Add-TierAssignment -EndDate or New-TierAccessPackage -ExpirationDays (assignments); add an owner to the group (New-MgGroupOwnerByRef, or the Entra admin center)";
            var packages = inputs.PackageAssignments;
            var owners = inputs.LicensedGroupsWithoutOwner;
            if (packages == null && owners == null)
            {
                return Make(Ungoverned, description, 0, 0, "Not measured: neither access package assignments nor group owners could be read.", fixedBy, measured: false);
            }

            var affected = (inputs.PackageAssignmentsWithoutEnd ?? 0) + (owners ?? 0);
            var outOf = (packages ?? 0) + (owners == null ? 0 : inputs.LicensedGroups);
            var parts = new List<string>();
            parts.Add(packages == null ? "access package assignments not read" : $"{inputs.PackageAssignmentsWithoutEnd ?? 0} of {packages} access package assignment(s) with no end date");
            parts.Add(owners == null ? "group owners not read" : $"{owners} of {inputs.LicensedGroups} licensed group(s) with no owner");
            return Make(Ungoverned, description, affected, outOf, string.Join("; ", parts), fixedBy);
        }

        private static LicenseHealthComponent ConflictComponent(HealthInputs inputs) =>
            Make(ConflictingTiers, "Share of tier users who hold licences from more than one tier group", inputs.ConflictingTierUsers, inputs.TierUsers,
                inputs.Tiers == 0 ? "No tier groups (New-LicenseTierGroup)." : $"{inputs.ConflictingTierUsers} of {inputs.TierUsers} user(s) in more than one of {inputs.Tiers} tier(s)",
                "Get-TierAssignment, then Remove-TierAssignment (access package) or remove the user from the other tier group; Set-LicenseTierGroup to fix overlapping rules");

        internal static string Money(decimal amount, string currency) =>
            (currency.Length == 0 ? "" : currency + " ") + amount.ToString("#,0.00", CultureInfo.InvariantCulture);
    }
}
