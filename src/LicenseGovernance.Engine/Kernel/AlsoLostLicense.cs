using System;
using System.Collections.Generic;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// A SKU a membership removal takes away with it: the group gives it, and nothing the user keeps (a direct assignment, a
    /// group the plan does not leave) gives it too. A plan lists each SKU once, with the first step that takes it.
    /// </summary>
    internal sealed class AlsoLostLicense
    {
        public AlsoLostLicense(Guid skuId, LicenseSku? sku, string groupName, IReadOnlyList<string> mailboxPlans)
        {
            SkuId = skuId;
            Sku = sku;
            GroupName = groupName;
            MailboxPlans = mailboxPlans;
        }

        public Guid SkuId { get; }

        /// <summary>The tenant's SKU (price, plans); null when the tenant's list does not have it.</summary>
        public LicenseSku? Sku { get; }

        public string SkuPartNumber => Sku?.SkuPartNumber ?? SkuId.ToString();

        /// <summary>The group whose membership carries it.</summary>
        public string GroupName { get; }

        /// <summary>The Exchange Online mailbox plans the user loses with it (see <see cref="Kernel.MailboxPlans"/>).</summary>
        public IReadOnlyList<string> MailboxPlans { get; }
    }
}
