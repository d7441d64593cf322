using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// What freeing one user's SKU takes, decided before anything is changed (<see cref="LicenseRemovalPlanner"/>): the steps in
    /// the order to apply them, what else they take away, the mailboxes lost, or why it cannot be done.
    /// </summary>
    internal sealed class LicenseRemovalPlan
    {
        public LicenseRemovalPlan(Guid skuId, string skuPartNumber, IReadOnlyList<LicenseRemovalStep> steps, IReadOnlyList<LostMailbox> mailboxes, LicenseRemovalRefusal? refusal)
        {
            SkuId = skuId;
            SkuPartNumber = skuPartNumber;
            Steps = steps;
            Mailboxes = mailboxes;
            Refusal = refusal;
        }

        public Guid SkuId { get; }

        public string SkuPartNumber { get; }

        /// <summary>Every way the user holds the SKU with a seat, each taken away; empty when refused or when the user holds no seat.</summary>
        public IReadOnlyList<LicenseRemovalStep> Steps { get; }

        /// <summary>Set when Graph cannot free the SKU; then nothing may be changed, since the other sources alone would not free the seat.</summary>
        public LicenseRemovalRefusal? Refusal { get; }

        /// <summary>The Exchange Online mailbox licences the steps take away: the SKU's own first, then those of <see cref="AlsoLost"/>.</summary>
        public IReadOnlyList<LostMailbox> Mailboxes { get; }

        /// <summary>Other SKUs the steps take away, each once.</summary>
        public IReadOnlyList<AlsoLostLicense> AlsoLost => Steps.SelectMany(s => s.AlsoLost).ToList();

        /// <summary>Every step was already ending before the run: nothing is left to change, only to wait for Entra.</summary>
        public bool OnlyPending => Steps.Count > 0 && Steps.All(s => s.Pending);

        /// <summary>A membership is among the steps: the seat is free only once Microsoft Entra ID processes the group.</summary>
        public bool EndsMembership => Steps.Any(s => s.GroupId != null);

        /// <summary>The mailbox guard: the warning to show before the change, or null when no mailbox goes.</summary>
        public string? MailboxWarning(string target) => Mailboxes.Count == 0 ? null :
            $"{target}: the change takes away the Exchange Online mailbox licence {string.Join(" and ", Mailboxes)}. Without it the mailbox becomes " +
            "inaccessible at once and is deleted after 30 days.";

        /// <summary>One warning for each step that takes other SKUs too.</summary>
        public IEnumerable<string> AlsoLostWarnings(string target) => Steps.Select(s => s.AlsoLostWarning(target)).OfType<string>();
    }
}
