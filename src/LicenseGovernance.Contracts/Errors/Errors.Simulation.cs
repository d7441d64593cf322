using System;
using System.Collections.Generic;

namespace LicenseGovernance
{
    public static partial class Errors
    {
        public static GovernanceError SimulatorRequired(string command) => new GovernanceError(
            ErrorIds.SimulatorRequired, GovernanceErrorCategory.InvalidOperation,
            $"{command} works only on the simulated tenant, and this session is connected to a real tenant or to none; nothing was changed. " +
            "Run Connect-LicenseGovernance -Simulator (or -Simulator -SnapshotPath to rehearse on a saved tenant) first.",
            command, "Run Connect-LicenseGovernance -Simulator (or -Simulator -SnapshotPath) first.");

        public static GovernanceError SimulatorTimeTargetMissing() => new GovernanceError(
            ErrorIds.SimulatorTimeTargetMissing, GovernanceErrorCategory.InvalidArgument,
            "Say where the simulated clock goes: -Advance with a duration (for example -Advance 3.00:00:00 for three days) or -To with a date and time, not both.",
            recommendedAction: "Give -Advance with a duration or -To with a date and time, not both.");

        public static GovernanceError SimulatorTimeBackwards(DateTimeOffset now, DateTimeOffset asked) => new GovernanceError(
            ErrorIds.SimulatorTimeBackwards, GovernanceErrorCategory.InvalidArgument,
            $"The simulated clock is at {now:yyyy-MM-dd HH:mm:ss}Z and never runs backwards, so it cannot go to {asked.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z: " +
            "token lifetimes, throttling windows and everything already processed assume time only moves on. " +
            "To rehearse from an earlier point, connect to a snapshot saved then (Connect-LicenseGovernance -Simulator -SnapshotPath).",
            asked, "Connect to a snapshot saved at the earlier time with Connect-LicenseGovernance -Simulator -SnapshotPath.");

        public static GovernanceError SimulatorUserPropertiesEmpty() => new GovernanceError(
            ErrorIds.SimulatorUserPropertiesEmpty, GovernanceErrorCategory.InvalidArgument,
            "-Property names no property to change and -MailboxPurpose is not given. Give a hashtable, for example -Property @{ department = 'Sales'; accountEnabled = $false }, or -MailboxPurpose shared.",
            recommendedAction: "Give -Property a hashtable of the properties to change, for example @{ department = 'Sales' }.");

        public static GovernanceError SimulatorUserHasNoMailbox(string user) => new GovernanceError(
            ErrorIds.SimulatorUserHasNoMailbox, GovernanceErrorCategory.InvalidOperation,
            $"The simulated user {user} has no mailbox (no licence gives an Exchange Online mailbox plan), so -MailboxPurpose has nothing to change. Nothing was changed.",
            user, "Give the user a licence with an Exchange Online mailbox plan first, or pick a user who has a mailbox.");

        public static GovernanceError SimulatorUserPropertyUnknown(string name, IEnumerable<string> accepted) => new GovernanceError(
            ErrorIds.SimulatorUserPropertyUnknown, GovernanceErrorCategory.InvalidArgument,
            $"'{name}' is not a user property Set-LicenseSimulatorUser changes. It accepts: {string.Join(", ", accepted)}.",
            name, "Name only properties Set-LicenseSimulatorUser changes; the message lists them.");

        public static GovernanceError SimulatorUserPropertyInvalid(string name, string expected, object? value) => new GovernanceError(
            ErrorIds.SimulatorUserPropertyInvalid, GovernanceErrorCategory.InvalidArgument,
            $"The value given for '{name}' ({DescribeValue(value)}) is not {expected}.",
            name, $"Give '{name}' a value that is {expected}.");

        private static string DescribeValue(object? value) => value == null ? "$null" : $"'{value}' of type {value.GetType().Name}";
    }
}
