using LicenseGovernance.Simulator.Faults;
using Xunit;

namespace LicenseGovernance.Tests.Simulator.Query
{
    public class FaultInjectorTests
    {
        [Fact]
        public void No_rules_means_no_faults()
        {
            var injector = new FaultInjector();

            Assert.Null(injector.Next("GET", "/users", false));
        }

        [Fact]
        public void Times_fires_that_many_times_then_retires()
        {
            var injector = new FaultInjector();
            FaultRule rule = injector.Add(FaultRule.TooManyRequests(TimeSpan.FromSeconds(7)).Times(2));

            FaultDecision? first = injector.Next("GET", "/users", false);
            FaultDecision? second = injector.Next("GET", "/users", false);
            FaultDecision? third = injector.Next("GET", "/users", false);

            Assert.NotNull(first);
            Assert.Equal(FaultKind.TooManyRequests, first!.Kind);
            Assert.Equal(TimeSpan.FromSeconds(7), first.RetryAfter);
            Assert.NotNull(second);
            Assert.Null(third);
            Assert.Equal(2, rule.Fired);
        }

        [Fact]
        public void Method_and_path_prefix_must_both_match()
        {
            var injector = new FaultInjector();
            injector.Add(FaultRule.ServiceUnavailable().ForMethod("post").ForPath("/users/"));

            Assert.Null(injector.Next("GET", "/users/1/assignLicense", false));
            Assert.Null(injector.Next("POST", "/groups/1/assignLicense", false));
            FaultDecision? hit = injector.Next("POST", "/USERS/1/assignLicense", false);
            Assert.Equal(FaultKind.ServiceUnavailable, hit!.Kind);
            Assert.Equal(TimeSpan.Zero, hit.RetryAfter);
        }

        [Fact]
        public void A_caret_makes_the_path_a_regular_expression()
        {
            var injector = new FaultInjector();
            injector.Add(FaultRule.Latency(TimeSpan.FromMilliseconds(250)).ForPath("^/users/[^/]+/licenseDetails$"));

            Assert.Null(injector.Next("GET", "/users/1/licenseDetails/extra", false));
            Assert.Null(injector.Next("GET", "/users", false));
            FaultDecision? hit = injector.Next("GET", "/users/abc/LicenseDetails", false);
            Assert.Equal(FaultKind.Latency, hit!.Kind);
            Assert.Equal(TimeSpan.FromMilliseconds(250), hit.Delay);
        }

        [Fact]
        public void Batch_scoping_separates_batch_items_from_plain_requests()
        {
            var injector = new FaultInjector();
            FaultRule inside = injector.Add(FaultRule.TooManyRequests(TimeSpan.FromSeconds(1)).OnlyInsideBatch());
            FaultRule outside = injector.Add(FaultRule.ServiceUnavailable().OnlyOutsideBatch());

            Assert.Equal(FaultKind.TooManyRequests, injector.Next("GET", "/users", true)!.Kind);
            Assert.Equal(FaultKind.ServiceUnavailable, injector.Next("GET", "/users", false)!.Kind);
            Assert.Equal(1, inside.Fired);
            Assert.Equal(1, outside.Fired);
        }

        [Fact]
        public void First_active_rule_wins_and_a_retired_rule_lets_the_next_one_through()
        {
            var injector = new FaultInjector();
            injector.Add(FaultRule.TooManyRequests(TimeSpan.FromSeconds(3)).Times(1));
            injector.Add(FaultRule.ServiceUnavailable());

            Assert.Equal(FaultKind.TooManyRequests, injector.Next("GET", "/users", false)!.Kind);
            Assert.Equal(FaultKind.ServiceUnavailable, injector.Next("GET", "/users", false)!.Kind);
        }

        [Fact]
        public void Probability_is_deterministic_for_a_seed()
        {
            bool[] RunWith(int seed)
            {
                var injector = new FaultInjector(seed);
                injector.Add(FaultRule.TooManyRequests(TimeSpan.FromSeconds(1)).WithProbability(0.1));
                return Enumerable.Range(0, 2000).Select(_ => injector.Next("GET", "/users", false) != null).ToArray();
            }

            bool[] first = RunWith(42);
            bool[] again = RunWith(42);
            bool[] other = RunWith(7);
            int hits = first.Count(hit => hit);

            Assert.Equal(first, again);
            Assert.NotEqual(first, other);
            Assert.InRange(hits, 140, 260);
        }

        [Fact]
        public void Probability_and_times_combine()
        {
            var injector = new FaultInjector(3);
            FaultRule rule = injector.Add(FaultRule.ServiceUnavailable(TimeSpan.FromSeconds(2)).WithProbability(0.5).Times(5));

            int hits = Enumerable.Range(0, 500).Count(_ => injector.Next("PATCH", "/users/1", false) != null);

            Assert.Equal(5, hits);
            Assert.Equal(5, rule.Fired);
        }

        [Fact]
        public void Clear_removes_every_rule()
        {
            var injector = new FaultInjector();
            injector.Add(FaultRule.ServiceUnavailable());
            injector.Clear();

            Assert.Null(injector.Next("GET", "/users", false));
        }

        [Fact]
        public void Invalid_settings_are_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => FaultRule.ServiceUnavailable().WithProbability(1.5));
            Assert.Throws<ArgumentOutOfRangeException>(() => FaultRule.ServiceUnavailable().Times(0));
        }

        [Fact]
        public void Concurrent_callers_fire_a_limited_rule_exactly_its_count()
        {
            var injector = new FaultInjector();
            FaultRule rule = injector.Add(FaultRule.TooManyRequests(TimeSpan.FromSeconds(1)).Times(100));
            int hits = 0;

            Parallel.For(0, 5000, _ =>
            {
                if (injector.Next("GET", "/users", false) != null)
                {
                    Interlocked.Increment(ref hits);
                }
            });

            Assert.Equal(100, hits);
            Assert.Equal(100, rule.Fired);
        }
    }
}
