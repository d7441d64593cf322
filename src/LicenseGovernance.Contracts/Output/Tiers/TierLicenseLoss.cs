using System.Globalization;

namespace LicenseGovernance
{
    /// <summary>
    /// What a tier change takes from its members: a SKU the tier stops carrying, or a service plan it switches off in a SKU
    /// it keeps. Only members who hold it from no other source (directly, another group, another SKU of the tier) lose it.
    /// </summary>
    public sealed class TierLicenseLoss
    {
        public string SkuPartNumber { get; set; } = "";
        /// <summary>The service plan switched off; null when the whole SKU goes.</summary>
        public string? ServicePlan { get; set; }
        /// <summary>Members who hold it from this tier now.</summary>
        public int Holders { get; set; }
        /// <summary>Of those, the members who hold it from nowhere else and so lose it.</summary>
        public int Losing { get; set; }

        public override string ToString() =>
            (ServicePlan == null ? SkuPartNumber : ServicePlan + " in " + SkuPartNumber) + ": " +
            Losing.ToString(CultureInfo.InvariantCulture) + " of " + Holders.ToString(CultureInfo.InvariantCulture) + " member(s) holding it lose it";
    }
}
