using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Hosting;

namespace LicenseGovernance
{
    /// <summary>The PATCH Set-LicenseSimulatorUser would send, with each property's current and new value, resolved before ShouldProcess.</summary>
    public sealed class LicenseSimulatorUserPlan : IChangePlan
    {
        public Guid UserId { get; set; }
        public string UserPrincipalName { get; set; } = "";
        /// <summary>One per property named, in the order given.</summary>
        public ItemList<LicenseSimulatorUserChange> Changes { get; set; } = new ItemList<LicenseSimulatorUserChange>();
        /// <summary>The JSON body of PATCH /users/{id}.</summary>
        public string Body { get; set; } = "";
        /// <summary>The mailbox purpose to set on the simulated tenant's Exchange side (not a Graph write); null leaves it.</summary>
        public string? MailboxPurpose { get; set; }

        string IChangePlan.Target => UserPrincipalName;

        string IChangePlan.Description =>
            (((IChangePlan)this).IsNoChange ? "Nothing to change: " : "Set ")
            + string.Join("; ", Changes.Select(c => $"{c.Property}: {Show(c.OldValue)} -> {Show(c.NewValue)}"))
            + " (PATCH /users/" + UserId + ")\n" + Body;

        IReadOnlyList<string> IChangePlan.Warnings => Array.Empty<string>();

        bool IChangePlan.IsNoChange => Changes.All(c => c.OldValue == c.NewValue);

        private static string Show(string? value) => value == null ? "(none)" : "'" + value + "'";
    }
}
