using System;

namespace LicenseGovernance
{
    /// <summary>One property of a simulated user, before and after Set-LicenseSimulatorUser (values as Graph shows them, as text).</summary>
    public sealed class LicenseSimulatorUserChange
    {
        public Guid UserId { get; set; }
        public string UserPrincipalName { get; set; } = "";
        /// <summary>Graph's name, for example department, accountEnabled, employeeLeaveDateTime, extensionAttribute10.</summary>
        public string Property { get; set; } = "";
        /// <summary>Null when the user had no value.</summary>
        public string? OldValue { get; set; }
        /// <summary>Null when the value is cleared.</summary>
        public string? NewValue { get; set; }
        /// <summary>When the change was sent, on the simulated clock; null while only planned.</summary>
        public DateTimeOffset? Changed { get; set; }

        public override string ToString() => $"{Property}: {OldValue} > {NewValue}";
    }
}
