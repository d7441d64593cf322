using LicenseGovernance.Engine.Kernel.Catalog;
using LicenseGovernance.Engine.Kernel;
using Xunit;

namespace LicenseGovernance.Tests.Catalog
{
    public class NameMatcherTests
    {
        private static readonly IReadOnlyList<string> Names = SkuCatalog.CreateBuiltIn().AllSkuNames.ToList();

        [Fact]
        public void A_typo_suggests_the_nearest_part_number_first()
        {
            var closest = NameMatcher.Closest("SPE_E55", Names);

            Assert.Equal("SPE_E5", closest[0]);
        }

        [Fact]
        public void A_swapped_pair_of_letters_counts_as_one_edit()
        {
            Assert.Equal("SPB", NameMatcher.Closest("PSB", new[] { "SPB", "EMS", "SPE_E3" }).First());
        }

        [Fact]
        public void A_fragment_finds_the_skus_whose_names_hold_it_as_a_word()
        {
            var closest = NameMatcher.Closest("E5", Names, max: 10);

            Assert.Contains("SPE_E5", closest);
            Assert.Contains("Office 365 E5", closest);
            Assert.Contains("Microsoft 365 E5", closest);
            Assert.DoesNotContain("SPE_E3", closest);
            Assert.DoesNotContain("Office 365 E3", closest);
        }

        [Fact]
        public void Case_and_separators_do_not_matter()
        {
            Assert.Equal("SPE_E5", NameMatcher.Closest("spe e5", Names).First());
            Assert.Equal("Microsoft 365 Business Premium", NameMatcher.Closest("microsoft365businesspremium", Names).First());
        }

        [Fact]
        public void Prefix_hits_rank_before_typos()
        {
            var closest = NameMatcher.Closest("ENTERPRISEPREM", Names);

            Assert.Equal("ENTERPRISEPREMIUM", closest[0]);
        }

        [Theory]
        [InlineData("xyzzy-plover")]
        [InlineData("Q")]
        [InlineData("   ")]
        public void Nonsense_gets_no_suggestions(string input)
        {
            Assert.Empty(NameMatcher.Closest(input, Names));
        }

        [Fact]
        public void At_most_max_names_and_each_once()
        {
            var closest = NameMatcher.Closest("E5", new[] { "SPE_E5", "spe_e5", "Office 365 E5", "Microsoft 365 E5", "EMS E5" }, max: 3);

            Assert.Equal(3, closest.Count);
            Assert.Single(closest, n => n.Equals("SPE_E5", StringComparison.OrdinalIgnoreCase));
        }
    }
}
