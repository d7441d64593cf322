using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Throttling;

namespace LicenseGovernance.Simulator.Seeding
{
    /// <summary>What <see cref="ZombieLicenseTenant.Create"/> builds: source document 001's tenant and its variations.</summary>
    public sealed class ZombieLicenseTenantOptions
    {
        public int Users { get; set; } = 1000;

        /// <summary>Share of users who have left: employeeLeaveDateTime in the past (most of them disabled, some forgotten and still enabled).</summary>
        public double DepartedShare { get; set; } = 0.12;

        /// <summary>Share of users (not departed) without a sign-in for more than <see cref="InactiveDays"/>, a tenth of them never signed in at all.</summary>
        public double InactiveShare { get; set; } = 0.27;

        /// <summary>What inactive means when seeding: no sign-in for longer than this many days.</summary>
        public int InactiveDays { get; set; } = 90;

        public string SkuPartNumber { get; set; } = "SPE_E5";

        /// <summary>Seats bought beyond the users, left unassigned.</summary>
        public int SpareSeats { get; set; } = 25;

        /// <summary>Every third user holds the SKU directly; the others inherit it from this group.</summary>
        public string GroupName { get; set; } = "LIC-M365-E5";

        /// <summary>Active users created within the grace period who have not signed in yet (counted among the active, not the inactive).</summary>
        public int NewAccounts { get; set; } = 10;

        public bool TenantHasEntraP1 { get; set; } = true;

        public DateTimeOffset Now { get; set; } = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

        public int Seed { get; set; } = 1;

        internal void Validate()
        {
            if (Users < 1 || Users > 200000)
            {
                throw new ArgumentOutOfRangeException(nameof(Users), Users, "Between 1 and 200000 users.");
            }

            if (DepartedShare < 0 || InactiveShare < 0 || DepartedShare + InactiveShare > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(DepartedShare), "DepartedShare and InactiveShare are fractions whose sum is at most 1.");
            }

            if (NewAccounts < 0 || InactiveDays < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(NewAccounts), "NewAccounts must not be negative and InactiveDays must be positive.");
            }
        }
    }

    /// <summary>
    /// Source document 001's tenant: 12% of the licences on employees who have left, 27% on users with no activity for more
    /// than 90 days, every user on Microsoft 365 E5 (USD 60 a month at list price). Everything comes from the seed, ids
    /// included, so the same options give the same tenant. Sign-in fields vary the way Graph fills them: some users have
    /// only lastSignInDateTime (they last signed in before December 2023, when lastSuccessfulSignInDateTime began), some
    /// only recent non-interactive sign-ins, some nothing at all.
    /// </summary>
    public static class ZombieLicenseTenant
    {
        public static SimulatedTenant Create(ZombieLicenseTenantOptions options, SimulatorOptions? simulatorOptions = null)
        {
            options.Validate();
            simulatorOptions ??= new SimulatorOptions { Throttling = ThrottlingOptions.ForTenantSize(options.Users) };
            simulatorOptions.TenantHasEntraP1 = options.TenantHasEntraP1;
            var random = new Random(options.Seed);
            var ids = new DeterministicIds(new Random(unchecked(options.Seed * 31 + 11)));
            var now = options.Now.ToUniversalTime();
            var tenant = new SimulatedTenant(ids.Next(), "contoso.onmicrosoft.com", new SimulatorClock(now), simulatorOptions, ids.Next);
            var store = tenant.Store;
            var sku = store.AddSku(options.SkuPartNumber, options.Users + options.SpareSeats);

            var departed = (int)Math.Round(options.Users * options.DepartedShare, MidpointRounding.AwayFromZero);
            var inactive = (int)Math.Round(options.Users * options.InactiveShare, MidpointRounding.AwayFromZero);
            var newAccounts = Math.Min(options.NewAccounts, options.Users - departed - inactive);

            // 0 active, 1 departed, 2 inactive, 3 new account; shuffled so each kind is spread through the listing.
            var kinds = Enumerable.Repeat(1, departed).Concat(Enumerable.Repeat(2, inactive)).Concat(Enumerable.Repeat(3, newAccounts))
                .Concat(Enumerable.Repeat(0, options.Users - departed - inactive - newAccounts))
                .Select(k => (Kind: k, Order: random.Next())).OrderBy(k => k.Order).Select(k => k.Kind).ToList();

            var members = new List<Guid>();
            for (var i = 0; i < options.Users; i++)
            {
                var kind = kinds[i];
                var created = kind == 3 ? now.AddDays(-random.Next(1, options.InactiveDays)) : now.AddDays(-random.Next(options.InactiveDays + 30, 2500));
                var direct = i % 3 == 0;
                var user = new SimulatedUser
                {
                    Id = ids.Next(),
                    UserPrincipalName = $"user{i:D6}@contoso.onmicrosoft.com",
                    DisplayName = $"User {i:D6}",
                    MailNickname = $"user{i:D6}",
                    Mail = $"user{i:D6}@contoso.onmicrosoft.com",
                    UsageLocation = "US",
                    Department = kind == 1 ? "Former staff" : "Staff",
                    CreatedDateTime = created,
                    EmployeeHireDate = created,
                };
                if (direct)
                {
                    user.LicenseAssignmentStates.Add(new LicenseAssignmentState { SkuId = sku.SkuId, LastUpdatedDateTime = created.AddHours(1) });
                }
                else
                {
                    members.Add(user.Id);
                }

                switch (kind)
                {
                    case 1:
                        user.EmployeeLeaveDateTime = now.AddDays(-random.Next(1, 200)).AddHours(-random.Next(24));
                        user.AccountEnabled = random.Next(4) == 0;
                        user.SignInActivity = SignIn(random, ids, now, user.EmployeeLeaveDateTime.Value.AddDays(-random.Next(0, 10)), random.Next(3) == 0);
                        break;
                    case 2:
                        user.SignInActivity = random.Next(10) == 0 ? null : SignIn(random, ids, now, now.AddDays(-random.Next(options.InactiveDays + 1, 1500)), false);
                        break;
                    case 3:
                        break;
                    default:
                        // Active within the last 60 days; one in ten leaves a future leave date (notice given, not gone yet), one in
                        // eight only signs in non-interactively (the successful-sign-in field stays empty).
                        if (random.Next(10) == 0)
                        {
                            user.EmployeeLeaveDateTime = now.AddDays(random.Next(1, 60));
                        }

                        var last = now.AddDays(-random.Next(0, 60)).AddMinutes(-random.Next(1440));
                        user.SignInActivity = random.Next(8) == 0
                            ? new SignInActivity
                            {
                                LastSignInDateTime = now.AddDays(-random.Next(400, 900)),
                                LastSignInRequestId = ids.Next().ToString(),
                                LastNonInteractiveSignInDateTime = last,
                                LastNonInteractiveSignInRequestId = ids.Next().ToString(),
                            }
                            : SignIn(random, ids, now, last, false);
                        break;
                }

                store.AddUser(user);
            }

            var group = store.AddGroup(options.GroupName, g =>
            {
                g.Description = Document001Description;
                g.Members.AddRange(members);
            });
            store.AssignGroupLicense(group.Id, sku.SkuId);
            store.ProcessPendingNow();
            return tenant;
        }

        private const string Document001Description = "Microsoft 365 E5 for everyone (source document 001's tenant)";

        /// <param name="failedLast">The last interactive attempt failed after the last success (a departed user trying an old password).</param>
        private static SignInActivity SignIn(Random random, DeterministicIds ids, DateTimeOffset now, DateTimeOffset last, bool failedLast)
        {
            var interactive = failedLast ? Min(now, last.AddDays(random.Next(1, 5))) : last;
            var nonInteractive = Min(now, last.AddHours(random.Next(0, 12)));
            return SeedSignIns.Activity(ids, interactive, nonInteractive, last);
        }

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    }
}
