using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Seeding
{
    /// <summary>
    /// Builds a realistic, fully deterministic demo tenant: every random choice comes from one seeded Random, in a fixed
    /// order, so the same options always give the same tenant.
    /// </summary>
    internal static class DemoTenantSeeder
    {
        private static readonly string[] Departments = { "Sales", "Marketing", "Engineering", "Finance", "HR", "Operations", "Support", "Legal", "IT", "Executive" };

        private static readonly int[] DepartmentWeights = { 18, 9, 22, 7, 4, 14, 14, 3, 7, 2 };

        private static readonly Dictionary<string, string[]> Titles = new Dictionary<string, string[]>
        {
            ["Sales"] = new[] { "Account Executive", "Sales Representative", "Sales Manager", "Inside Sales Specialist" },
            ["Marketing"] = new[] { "Marketing Specialist", "Content Strategist", "Marketing Manager", "Brand Designer" },
            ["Engineering"] = new[] { "Software Engineer", "Senior Software Engineer", "SDE II", "Engineering Manager", "QA Engineer" },
            ["Finance"] = new[] { "Financial Analyst", "Accountant", "Controller", "Finance Manager" },
            ["HR"] = new[] { "HR Generalist", "Recruiter", "HR Business Partner", "HR Manager" },
            ["Operations"] = new[] { "Warehouse Associate", "Operations Coordinator", "Shift Lead", "Operations Manager" },
            ["Support"] = new[] { "Support Agent", "Support Engineer", "Customer Success Manager", "Support Manager" },
            ["Legal"] = new[] { "Paralegal", "Counsel", "Legal Manager" },
            ["IT"] = new[] { "Systems Administrator", "Service Desk Analyst", "Cloud Engineer", "IT Manager" },
            ["Executive"] = new[] { "Vice President", "Chief of Staff", "Executive Assistant" },
        };

        private static readonly (string Code, string Country, string[] Cities, string Language)[] Countries =
        {
            ("US", "United States", new[] { "Seattle", "New York", "Austin", "Chicago" }, "en-US"),
            ("GB", "United Kingdom", new[] { "London", "Manchester" }, "en-GB"),
            ("DE", "Germany", new[] { "Berlin", "Munich" }, "de-DE"),
            ("FR", "France", new[] { "Paris", "Lyon" }, "fr-FR"),
            ("NL", "Netherlands", new[] { "Amsterdam", "Utrecht" }, "nl-NL"),
            ("IN", "India", new[] { "Bengaluru", "Hyderabad", "Pune" }, "en-IN"),
            ("JP", "Japan", new[] { "Tokyo", "Osaka" }, "ja-JP"),
            ("AU", "Australia", new[] { "Sydney", "Melbourne" }, "en-AU"),
            ("CA", "Canada", new[] { "Toronto", "Vancouver" }, "en-CA"),
            ("BR", "Brazil", new[] { "Sao Paulo", "Rio de Janeiro" }, "pt-BR"),
        };

        private static readonly int[] CountryWeights = { 40, 12, 9, 7, 5, 10, 5, 4, 5, 3 };

        private static readonly string[] FirstNames =
        {
            "Adele", "Alex", "Amara", "Ben", "Carlos", "Chen", "Dana", "Diego", "Elena", "Emma", "Farah", "Grace", "Hannah", "Hiro", "Isabel", "Ivan",
            "Jamal", "Jonas", "Kai", "Lara", "Lee", "Lucas", "Maya", "Megan", "Nestor", "Noah", "Olivia", "Omar", "Priya", "Raj", "Rosa", "Sam",
            "Sofia", "Tariq", "Uma", "Victor", "Wei", "Yuki", "Zoe", "Lidia",
        };

        private static readonly string[] LastNames =
        {
            "Vance", "Wilber", "Okafor", "Walker", "Garcia", "Wang", "Kowalski", "Moreno", "Petrova", "Brown", "Haddad", "Taylor", "Schmidt", "Tanaka",
            "Rossi", "Novak", "Jones", "Berg", "Nakamura", "Silva", "Kim", "Martin", "Patel", "Bowen", "Zakharov", "Smith", "Dubois", "Aziz", "Sharma",
            "Gupta", "Costa", "Lopez", "Ahmed", "Yilmaz", "Murphy", "Holt", "Li", "Sato", "Evans", "de Vries",
        };

        public static SimulatedTenant Create(DemoTenantOptions options, SimulatorOptions simulatorOptions)
        {
            var random = new Random(options.Seed);
            var ids = new DeterministicIds(new Random(unchecked(options.Seed * 31 + 7)));
            var now = options.Now.ToUniversalTime();
            var tenant = new SimulatedTenant(ids.Next(), options.TenantDomain, new SimulatorClock(now), simulatorOptions, ids.Next);
            var store = tenant.Store;
            store.Write(() =>
            {
                Populate(store, random, ids, now, options);
                SeedLegalHold(store, now);
                DemoUsageSeeder.Seed(store, options.Seed);
                return 0;
            });
            return tenant;
        }

        private static void Populate(TenantStore store, Random random, DeterministicIds ids, DateTimeOffset now, DemoTenantOptions options)
        {
            var skus = SkuCatalog.PartNumbers.ToDictionary(p => p, p => SkuCatalog.Create(p, 0));
            foreach (var sku in skus.Values)
            {
                sku.SubscriptionIds.Add(ids.Next().ToString());
                store.SkuList.Add(sku);
            }

            var e3Group = NewGroup(ids, "LIC-M365-E3", "Microsoft 365 E3 through group-based licensing", now, skus["SPE_E3"]);
            var e5Group = NewGroup(ids, "LIC-M365-E5", "Microsoft 365 E5 for IT and executives", now, skus["SPE_E5"]);
            var f3Group = NewGroup(ids, "LIC-M365-F3", "Frontline workers", now, skus["SPE_F1"]);
            var biGroup = NewGroup(ids, "LIC-PowerBI-Pro", "Power BI Pro for analysts", now, skus["POWER_BI_PRO"]);
            var salesGroup = NewGroup(ids, "All Sales", "Sales department distribution", now, null);
            var dynamicGroup = NewGroup(ids, "DYN-E3-All", "Everyone tagged E3 All", now, null);
            dynamicGroup.GroupTypes.Add("DynamicMembership");
            dynamicGroup.MembershipRule = "user.extensionAttribute10 -eq \"E3 All\"";
            dynamicGroup.MembershipRuleProcessingState = "Paused";

            var upns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var managersByDepartment = Departments.ToDictionary(d => d, _ => new List<Guid>());
            Guid? ceo = null;
            for (var i = 0; i < options.UserCount; i++)
            {
                var user = NewUser(random, ids, now, options, upns, i);
                if (ceo == null)
                {
                    user.Department = "Executive";
                    user.JobTitle = "Chief Executive Officer";
                    ceo = user.Id;
                    managersByDepartment["Executive"].Add(user.Id);
                }
                else if (user.UserType == "Member")
                {
                    var department = user.Department!;
                    var managers = managersByDepartment[department];
                    user.ManagerId = managers.Count == 0 ? ceo : managers[random.Next(managers.Count)];
                    if (managers.Count == 0 || random.Next(8) == 0)
                    {
                        user.JobTitle = department == "Executive" ? "Vice President" : department + " Manager";
                        managers.Add(user.Id);
                    }
                }

                AssignLicenses(user, random, now, skus, e3Group, e5Group, f3Group, biGroup);
                if (user.Department == "Sales" && user.UserType == "Member")
                {
                    salesGroup.Members.Add(user.Id);
                }

                store.AddUserCore(user);
            }

            foreach (var group in new[] { e3Group, e5Group, f3Group, biGroup, salesGroup, dynamicGroup })
            {
                store.AddGroupCore(group);
            }

            // A group that already serves another purpose: it grants access to an enterprise application.
            store.AddAppRoleAssignment(salesGroup.Id, ids.Next(), "Contoso CRM");

            // Seats: headroom everywhere, one SKU nearly full, and a free SKU with a large pool.
            foreach (var sku in skus.Values)
            {
                sku.PrepaidEnabled = sku.SkuPartNumber switch
                {
                    "POWER_BI_PRO" => sku.ConsumedUnits + 1,
                    "FLOW_FREE" => 10000,
                    _ => sku.ConsumedUnits + Math.Max(5, sku.ConsumedUnits / 10),
                };
            }
        }

        /// <summary>
        /// One eDiscovery case whose legal hold holds one licensed member of Legal, so offboarding meets a hold. Fixed ids, so
        /// the ids of everything created later stay as they were.
        /// </summary>
        private static void SeedLegalHold(TenantStore store, DateTimeOffset now)
        {
            var held = store.UserList.FirstOrDefault(u => u.UserType == "Member" && u.AccountEnabled && u.Department == "Legal" && u.LicenseAssignmentStates.Count > 0);
            if (held == null)
            {
                return;
            }

            store.EdiscoveryCaseList.Add(new SimulatedEdiscoveryCase
            {
                Id = new Guid("5c0d3a4e-0f1b-4c2d-9e8f-7a6b5c4d3e2f"),
                DisplayName = "Contoso v. Fabrikam",
                CreatedDateTime = now.AddDays(-40),
                LegalHolds =
                {
                    new SimulatedLegalHold
                    {
                        Id = new Guid("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"),
                        DisplayName = "Preserve custodians",
                        CreatedDateTime = now.AddDays(-40),
                        UserSources = { held.Mail ?? held.UserPrincipalName },
                    },
                },
            });
        }

        private static SimulatedUser NewUser(Random random, DeterministicIds ids, DateTimeOffset now, DemoTenantOptions options, HashSet<string> upns, int index)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var country = Countries[Weighted(random, CountryWeights)];
            var department = Departments[Weighted(random, DepartmentWeights)];
            var guest = index > 0 && random.Next(50) == 0;
            var nick = (first + "." + last.Replace(" ", string.Empty)).ToLowerInvariant();
            var alias = nick;
            for (var n = 2; !upns.Add(alias); n++)
            {
                alias = nick + n.ToString(CultureInfo.InvariantCulture);
            }

            var hire = now.Date.AddDays(-random.Next(30, 4000));
            var user = new SimulatedUser
            {
                Id = ids.Next(),
                GivenName = first,
                Surname = last,
                DisplayName = first + " " + last,
                MailNickname = alias,
                Department = department,
                JobTitle = Titles[department][random.Next(Titles[department].Length)],
                CompanyName = "Contoso",
                Country = country.Country,
                City = country.Cities[random.Next(country.Cities.Length)],
                UsageLocation = country.Code,
                PreferredLanguage = country.Language,
                OfficeLocation = country.Cities[0] + " HQ",
                EmployeeId = (100000 + index).ToString(CultureInfo.InvariantCulture),
                EmployeeType = random.Next(10) == 0 ? "Contractor" : "Employee",
                EmployeeHireDate = new DateTimeOffset(hire, TimeSpan.Zero),
                CreatedDateTime = new DateTimeOffset(hire, TimeSpan.Zero).AddDays(-random.Next(1, 14)).AddMinutes(random.Next(600)),
                OnPremisesSyncEnabled = random.Next(10) < 6 ? true : (bool?)null,
            };
            if (guest)
            {
                var external = alias + "_fabrikam.com";
                user.UserPrincipalName = external + "#EXT#@" + options.TenantDomain;
                user.Mail = alias + "@fabrikam.com";
                user.UserType = "Guest";
                user.Department = null;
                user.JobTitle = null;
                user.EmployeeId = null;
                user.EmployeeType = null;
                user.EmployeeHireDate = null;
                user.UsageLocation = null;
                user.OnPremisesSyncEnabled = null;
                user.CompanyName = "Fabrikam";
            }
            else
            {
                user.UserPrincipalName = alias + "@" + options.TenantDomain;
                user.Mail = user.UserPrincipalName;
                user.BusinessPhones.Add("+1 425 555 " + (index % 10000).ToString("D4", CultureInfo.InvariantCulture));
                user.ExtensionAttributes[0] = "CC-" + (Array.IndexOf(Departments, department) + 100).ToString(CultureInfo.InvariantCulture);
            }

            // Departed: leave date in the past; most are disabled, some were forgotten and are still enabled.
            if (!guest && random.Next(100) < 3)
            {
                user.EmployeeLeaveDateTime = now.AddDays(-random.Next(1, 200)).AddHours(-random.Next(24));
                user.AccountEnabled = random.Next(3) == 0;
            }
            else if (random.Next(100) < 4)
            {
                user.AccountEnabled = false;
            }

            user.SignInActivity = SignIn(random, ids, now, user);
            return user;
        }

        private static SignInActivity? SignIn(Random random, DeterministicIds ids, DateTimeOffset now, SimulatedUser user)
        {
            var roll = random.Next(100);
            if (roll < 6)
            {
                return null;
            }

            // Inactive users (more than 90 days) are a governance staple; some of them predate successful-sign-in tracking.
            var last = roll < 18 ? now.AddDays(-random.Next(91, 1500)) : now.AddDays(-random.Next(0, 30)).AddMinutes(-random.Next(1440));
            if (user.EmployeeLeaveDateTime.HasValue && last > user.EmployeeLeaveDateTime.Value)
            {
                last = user.EmployeeLeaveDateTime.Value.AddDays(-random.Next(1, 10));
            }

            var nonInteractive = last.AddHours(random.Next(0, 48));
            if (nonInteractive > now)
            {
                nonInteractive = now;
            }

            return SeedSignIns.Activity(ids, last, nonInteractive, last);
        }

        private static void AssignLicenses(SimulatedUser user, Random random, DateTimeOffset now, Dictionary<string, SimulatedSku> skus, SimulatedGroup e3Group, SimulatedGroup e5Group, SimulatedGroup f3Group, SimulatedGroup biGroup)
        {
            if (user.UserType == "Guest")
            {
                return;
            }

            var since = user.CreatedDateTime.AddHours(1);
            void Direct(string part) => user.LicenseAssignmentStates.Add(new LicenseAssignmentState { SkuId = skus[part].SkuId, LastUpdatedDateTime = since });
            void ViaGroup(SimulatedGroup group)
            {
                group.Members.Add(user.Id);
                foreach (var license in group.AssignedLicenses)
                {
                    user.LicenseAssignmentStates.Add(new LicenseAssignmentState { SkuId = license.SkuId, AssignedByGroup = group.Id, DisabledPlans = license.DisabledPlans.ToList(), LastUpdatedDateTime = since });
                }
            }

            var roll = random.Next(100);
            var department = user.Department;
            if (roll < 5)
            {
                return;
            }

            if ((department == "Operations" || department == "Support") && roll < 45)
            {
                ViaGroup(f3Group);
            }
            else if (department == "Executive" || (department == "IT" && roll < 40))
            {
                if (random.Next(2) == 0)
                {
                    ViaGroup(e5Group);
                }
                else
                {
                    Direct("SPE_E5");
                }
            }
            else if (roll < 9)
            {
                Direct("SPB");
            }
            else if (roll < 17)
            {
                Direct("ENTERPRISEPACK");
            }
            else if (roll < 20)
            {
                Direct("ENTERPRISEPREMIUM");
            }
            else if (roll < 60)
            {
                ViaGroup(e3Group);
                user.ExtensionAttributes[9] = "E3 All";

                // Some people also hold E3 directly, left over from before the group existed.
                if (random.Next(10) == 0)
                {
                    Direct("SPE_E3");
                }
            }
            else
            {
                var e3 = new LicenseAssignmentState { SkuId = skus["SPE_E3"].SkuId, LastUpdatedDateTime = since };
                if (random.Next(5) == 0)
                {
                    e3.DisabledPlans.Add(SkuCatalog.PlanId("YAMMER_ENTERPRISE"));
                }

                user.LicenseAssignmentStates.Add(e3);
            }

            if ((department == "Finance" || department == "Marketing") && random.Next(3) == 0)
            {
                ViaGroup(biGroup);
            }
            else if (random.Next(25) == 0)
            {
                Direct("POWER_BI_PRO");
            }

            if (department == "Engineering" && random.Next(12) == 0)
            {
                Direct("VISIOCLIENT");
            }

            if (random.Next(20) == 0)
            {
                Direct("FLOW_FREE");
            }
        }

        private static SimulatedGroup NewGroup(DeterministicIds ids, string name, string description, DateTimeOffset now, SimulatedSku? sku)
        {
            var group = new SimulatedGroup
            {
                Id = ids.Next(),
                DisplayName = name,
                Description = description,
                MailNickname = name.ToLowerInvariant().Replace(" ", "-"),
                SecurityEnabled = true,
                CreatedDateTime = now.AddYears(-3),
            };
            if (sku != null)
            {
                group.AssignedLicenses.Add(new AssignedLicense { SkuId = sku.SkuId });
                group.LicenseProcessingState = "ProcessingComplete";
            }

            return group;
        }

        private static int Weighted(Random random, int[] weights)
        {
            var roll = random.Next(weights.Sum());
            for (var i = 0; i < weights.Length; i++)
            {
                roll -= weights[i];
                if (roll < 0)
                {
                    return i;
                }
            }

            return weights.Length - 1;
        }
    }
}
