namespace LicenseGovernance.Hosting
{
    /// <summary>
    /// Exchange Online as the host reaches it (the ExchangeOnlineManagement module connected in the same PowerShell
    /// session): what Graph cannot do with a mailbox. The engine never sees PowerShell; the cmdlet implements this.
    /// </summary>
    public interface IExchangeOnline
    {
        /// <summary>Get-Mailbox: the mailbox's type and holds, or null when the user has none.</summary>
        ExchangeMailbox? GetMailbox(string identity);

        /// <summary>Set-Mailbox -Type Shared.</summary>
        void ConvertToShared(string identity);
    }

    /// <summary>What Get-Mailbox says about one mailbox.</summary>
    public sealed class ExchangeMailbox
    {
        /// <summary>UserMailbox, SharedMailbox, RoomMailbox…</summary>
        public string RecipientTypeDetails { get; set; } = "";

        public bool LitigationHoldEnabled { get; set; }

        /// <summary>In-place and eDiscovery holds on the mailbox (InPlaceHolds), as Exchange names them.</summary>
        public ItemList<string> InPlaceHolds { get; set; } = new ItemList<string>();

        public bool IsShared => string.Equals(RecipientTypeDetails, "SharedMailbox", System.StringComparison.OrdinalIgnoreCase);
    }
}
