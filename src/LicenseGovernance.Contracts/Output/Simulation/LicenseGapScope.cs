namespace LicenseGovernance
{
    public enum LicenseGapScope
    {
        /// <summary>One SKU, by any source.</summary>
        Sku,
        /// <summary>Any licence at all.</summary>
        AnyLicense,
        /// <summary>Any SKU with an Exchange Online mailbox plan.</summary>
        MailboxLicense,
    }
}
