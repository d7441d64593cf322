using LicenseGovernance.Simulator.Throttling;
using Xunit;

namespace LicenseGovernance.Tests.Simulator.Query
{
    public class ThrottleGateTests
    {
        private const string App = "app-1";
        private const string Tenant = "tenant-1";

        private DateTimeOffset now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

        private ThrottleGate Gate(ThrottlingOptions options)
        {
            return new ThrottleGate(options, () => now);
        }

        [Fact]
        public void Resource_units_run_out_then_refill_with_the_clock()
        {
            ThrottleGate gate = Gate(new ThrottlingOptions { ResourceUnitsPer10Seconds = 10 });

            Assert.True(gate.TryAcquire(App, Tenant, 6, false).Allowed);
            ThrottleDecision refused = gate.TryAcquire(App, Tenant, 6, false);

            Assert.False(refused.Allowed);
            Assert.Equal("Tenant_Application/ReadWrite/app-1/tenant-1", refused.Scope);
            Assert.Equal("ResourceUnitLimitExceeded", refused.Information);
            Assert.Equal(6, refused.ResourceUnits);
            // 2 units are missing at 1 unit per second.
            Assert.Equal(TimeSpan.FromSeconds(2), refused.RetryAfter);

            now = now.AddSeconds(1.5);
            Assert.False(gate.TryAcquire(App, Tenant, 6, false).Allowed);
            now = now.AddSeconds(0.5);
            Assert.True(gate.TryAcquire(App, Tenant, 6, false).Allowed);
        }

        [Fact]
        public void Retry_after_rounds_up_to_a_whole_second()
        {
            ThrottleGate gate = Gate(new ThrottlingOptions { ResourceUnitsPer10Seconds = 100 });
            Assert.True(gate.TryAcquire(App, Tenant, 100, false).Allowed);

            // One unit refills every 0.1 s; Retry-After never drops below one second.
            Assert.Equal(TimeSpan.FromSeconds(1), gate.TryAcquire(App, Tenant, 1, false).RetryAfter);
            Assert.Equal(TimeSpan.FromSeconds(2), gate.TryAcquire(App, Tenant, 11, false).RetryAfter);
        }

        [Fact]
        public void Refused_requests_consume_nothing()
        {
            ThrottleGate gate = Gate(new ThrottlingOptions { ResourceUnitsPer10Seconds = 10 });
            Assert.True(gate.TryAcquire(App, Tenant, 8, false).Allowed);
            for (int i = 0; i < 50; i++)
            {
                Assert.False(gate.TryAcquire(App, Tenant, 5, false).Allowed);
            }

            Assert.True(gate.TryAcquire(App, Tenant, 2, false).Allowed);
        }

        [Fact]
        public void Write_quota_is_exactly_3000_per_150_seconds()
        {
            ThrottleGate gate = Gate(new ThrottlingOptions());
            for (int i = 0; i < 3000; i++)
            {
                Assert.True(gate.TryAcquire(App, Tenant, 1, true).Allowed, $"write {i + 1} was refused");
            }

            ThrottleDecision refused = gate.TryAcquire(App, Tenant, 1, true);
            Assert.False(refused.Allowed);
            Assert.Equal("WriteLimitExceeded", refused.Information);
            Assert.Equal("Tenant_Application/Write/app-1/tenant-1", refused.Scope);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);

            // Reads still pass: only the write bucket is empty.
            Assert.True(gate.TryAcquire(App, Tenant, 2, false).Allowed);

            now = now.AddSeconds(150);
            for (int i = 0; i < 3000; i++)
            {
                Assert.True(gate.TryAcquire(App, Tenant, 1, true).Allowed, $"write {i + 1} after refill was refused");
            }

            Assert.False(gate.TryAcquire(App, Tenant, 1, true).Allowed);
        }

        [Fact]
        public void A_write_spends_resource_units_too()
        {
            ThrottleGate gate = Gate(new ThrottlingOptions { ResourceUnitsPer10Seconds = 5 });
            for (int i = 0; i < 5; i++)
            {
                Assert.True(gate.TryAcquire(App, Tenant, 1, true).Allowed);
            }

            ThrottleDecision refused = gate.TryAcquire(App, Tenant, 1, true);
            Assert.False(refused.Allowed);
            Assert.Equal("ResourceUnitLimitExceeded", refused.Information);
        }

        [Fact]
        public void Tenant_write_bucket_is_shared_by_all_apps()
        {
            ThrottleGate gate = Gate(new ThrottlingOptions { TenantWritesPer5Minutes = 4 });
            Assert.True(gate.TryAcquire("app-a", Tenant, 1, true).Allowed);
            Assert.True(gate.TryAcquire("app-a", Tenant, 1, true).Allowed);
            Assert.True(gate.TryAcquire("app-b", Tenant, 1, true).Allowed);
            Assert.True(gate.TryAcquire("app-b", Tenant, 1, true).Allowed);

            ThrottleDecision refused = gate.TryAcquire("app-c", Tenant, 1, true);
            Assert.False(refused.Allowed);
            Assert.Equal("Tenant/Write/tenant-1", refused.Scope);
            // One write per 75 s comes back.
            Assert.Equal(TimeSpan.FromSeconds(75), refused.RetryAfter);
            Assert.True(gate.TryAcquire("app-c", "tenant-2", 1, true).Allowed);
        }

        [Fact]
        public void App_write_bucket_holds_35000_per_5_minutes_across_tenants()
        {
            // Twelve tenants at 3,000 each could take 36,000 writes; the app-wide quota stops the app at 35,000.
            ThrottleGate gate = Gate(new ThrottlingOptions());
            int allowed = 0;
            ThrottleDecision? refused = null;
            for (int tenant = 0; tenant < 12 && refused == null; tenant++)
            {
                for (int i = 0; i < 3000; i++)
                {
                    ThrottleDecision decision = gate.TryAcquire(App, "tenant-" + tenant, 1, true);
                    if (!decision.Allowed)
                    {
                        refused = decision;
                        break;
                    }

                    allowed++;
                }
            }

            Assert.Equal(35000, allowed);
            Assert.Equal("Application/Write/app-1", refused!.Scope);
            Assert.Equal("WriteLimitExceeded", refused.Information);
        }

        [Fact]
        public void Global_bucket_counts_every_request_of_an_app_once()
        {
            ThrottleGate gate = Gate(new ThrottlingOptions { ApplicationRequestsPer10Seconds = 4 });
            Assert.True(gate.TryAcquire(App, "tenant-a", 5, false).Allowed);
            Assert.True(gate.TryAcquire(App, "tenant-b", 5, false).Allowed);
            Assert.True(gate.TryAcquire(App, "tenant-c", 1, true).Allowed);
            Assert.True(gate.TryAcquire(App, "tenant-d", 1, false).Allowed);

            ThrottleDecision refused = gate.TryAcquire(App, "tenant-e", 1, true);
            Assert.False(refused.Allowed);
            Assert.Equal("Global/ReadWrite/app-1", refused.Scope);
            // One request per 2.5 s comes back.
            Assert.Equal(TimeSpan.FromSeconds(3), refused.RetryAfter);
            Assert.True(gate.TryAcquire("app-2", "tenant-e", 1, false).Allowed);
        }

        [Fact]
        public void Defaults_are_the_current_documented_figures()
        {
            var options = new ThrottlingOptions();
            Assert.Equal(3000, options.WritesPer150Seconds);
            Assert.Equal(18000, options.TenantWritesPer5Minutes);
            Assert.Equal(35000, options.ApplicationWritesPer5Minutes);
            Assert.Equal(150000, options.ApplicationResourceUnitsPer20Seconds);
            Assert.Equal(130000, options.ApplicationRequestsPer10Seconds);
        }

        [Fact]
        public void App_and_tenant_pairs_have_their_own_buckets()
        {
            ThrottleGate gate = Gate(new ThrottlingOptions { ResourceUnitsPer10Seconds = 3 });
            Assert.True(gate.TryAcquire(App, Tenant, 3, false).Allowed);
            Assert.False(gate.TryAcquire(App, Tenant, 1, false).Allowed);
            Assert.True(gate.TryAcquire(App, "tenant-2", 3, false).Allowed);
            Assert.True(gate.TryAcquire("app-2", Tenant, 3, false).Allowed);
        }

        [Fact]
        public void Usage_fraction_reports_the_fullest_bucket()
        {
            ThrottleGate gate = Gate(new ThrottlingOptions { ResourceUnitsPer10Seconds = 100, WritesPer150Seconds = 10 });

            Assert.Equal(0.5, gate.TryAcquire(App, Tenant, 50, false).UsageFraction, 6);
            Assert.Equal(0.8, gate.TryAcquire(App, Tenant, 30, false).UsageFraction, 6);
            // One write: 81 of 100 units, 1 of 10 writes.
            Assert.Equal(0.81, gate.TryAcquire(App, Tenant, 1, true).UsageFraction, 6);
            ThrottleDecision refused = gate.TryAcquire(App, Tenant, 40, false);
            Assert.False(refused.Allowed);
            Assert.Equal(1.21, refused.UsageFraction, 6);
        }

        [Fact]
        public void Disabled_gate_allows_everything()
        {
            ThrottleGate gate = Gate(new ThrottlingOptions { Enabled = false, ResourceUnitsPer10Seconds = 1 });
            for (int i = 0; i < 100; i++)
            {
                Assert.True(gate.TryAcquire(App, Tenant, 5, true).Allowed);
            }
        }

        [Fact]
        public void Concurrent_requests_never_overspend()
        {
            ThrottleGate gate = Gate(new ThrottlingOptions { ResourceUnitsPer10Seconds = 1000, WritesPer150Seconds = 300 });
            int allowed = 0;
            int writes = 0;
            Parallel.For(0, 4000, i =>
            {
                bool write = i % 2 == 0;
                if (gate.TryAcquire(App, Tenant, 1, write).Allowed)
                {
                    Interlocked.Increment(ref allowed);
                    if (write)
                    {
                        Interlocked.Increment(ref writes);
                    }
                }
            });

            Assert.Equal(300, writes);
            Assert.Equal(1000, allowed);
        }
    }
}
