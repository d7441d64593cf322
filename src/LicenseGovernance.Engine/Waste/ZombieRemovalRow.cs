using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Kernel;

namespace LicenseGovernance.Engine.Waste
{
    /// <summary>
    /// One zombie licence on its way through Remove-ZombieLicense: its result, and once confirmed the plan, what became of
    /// each step and the first failure.
    /// </summary>
    internal sealed class ZombieRemovalRow
    {
        private string?[] _done = System.Array.Empty<string?>();

        public ZombieRemovalRow(ZombieLicense item, ZombieLicenseRemoval result)
        {
            Item = item;
            Result = result;
        }

        public ZombieLicense Item { get; }

        public ZombieLicenseRemoval Result { get; }

        /// <summary>The confirmed plan, to be applied; null for a licence skipped or not confirmed, whose result is complete.</summary>
        public LicenseRemovalPlan? Plan { get; private set; }

        public string? UserPrincipalName { get; private set; }

        /// <summary>Why a step failed (the first failure stops the row there); null while none did.</summary>
        public string? Failure { get; private set; }

        /// <summary>Confirmed, and nothing failed so far: its next step is to be applied.</summary>
        public bool Going => Plan != null && Failure == null;

        /// <summary>What was done, in the plan's order: steps already done before the run, and those the run made.</summary>
        public string[] Done => _done.OfType<string>().ToArray();

        public void Confirm(LicenseRemovalPlan plan, string? userPrincipalName)
        {
            Plan = plan;
            UserPrincipalName = userPrincipalName;
            _done = plan.Steps.Select(s => s.AlreadyDone ? s.Description : null).ToArray();
        }

        public void Did(LicenseRemovalStep step, string what) => _done[Plan!.Steps.ToList().IndexOf(step)] = what;

        public void Fail(string reason) => Failure ??= reason;
    }
}
