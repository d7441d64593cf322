using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>How one expectation stands, and the user's states from its group as last read (so callers can judge plans themselves).</summary>
    internal sealed class LicenseWatchResult
    {
        public LicenseWatchResult(LicenseExpectation expectation)
        {
            Expectation = expectation;
        }

        public LicenseExpectation Expectation { get; }

        public LicenseWatchOutcome Outcome { get; private set; }

        /// <summary>The error Entra reports for an Error outcome (one failing SKU blocks the group's others, which say Other).</summary>
        public string? ErrorType { get; private set; }

        /// <summary>Empty until the user is read, and when the user holds nothing from the group.</summary>
        public IReadOnlyList<LicenseState> States { get; private set; } = Array.Empty<LicenseState>();

        public bool Settled => Outcome != LicenseWatchOutcome.Pending;

        public LicenseState? StateOf(Guid skuId) => States.FirstOrDefault(s => s.SkuId == skuId);

        /// <param name="groupVisiblyProcessed">Entra has shown work on the group since the watch began and finished it.</param>
        internal void Observe(User user, DateTimeOffset changedAt, bool groupVisiblyProcessed)
        {
            States = LicenseStates.Of(user).Where(s => LicenseStates.FromGroup(s, Expectation.GroupId)).ToList();
            if (Expectation.IsMetBy(States))
            {
                Outcome = Expectation.ExpectsNone ? LicenseWatchOutcome.Gone : LicenseWatchOutcome.Active;
                return;
            }

            if (Expectation.ExpectsNone)
            {
                // A licence on its way out may sit in an error state meanwhile; only its going settles the wait.
                return;
            }

            var errors = States.Where(s => LicenseStates.InError(s)).ToList();
            if (errors.Count > 0 && (groupVisiblyProcessed || errors.All(e => e.LastUpdatedDateTime >= changedAt)))
            {
                Outcome = LicenseWatchOutcome.Error;
                var types = errors.Select(GroupLicenseErrorReader.ErrorTypeOf).ToList();
                ErrorType = types.FirstOrDefault(t => t != "Other") ?? types[0];
            }
        }
    }
}
