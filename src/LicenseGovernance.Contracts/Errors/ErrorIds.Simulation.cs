namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string SimulatorRequired = "LicenseGovernance.SimulatorRequired";
        public const string SimulatorTimeTargetMissing = "LicenseGovernance.SimulatorTimeTargetMissing";
        public const string SimulatorTimeBackwards = "LicenseGovernance.SimulatorTimeBackwards";
        public const string SimulatorUserPropertiesEmpty = "LicenseGovernance.SimulatorUserPropertiesEmpty";
        public const string SimulatorUserHasNoMailbox = "LicenseGovernance.SimulatorUserHasNoMailbox";
        public const string SimulatorUserPropertyUnknown = "LicenseGovernance.SimulatorUserPropertyUnknown";
        public const string SimulatorUserPropertyInvalid = "LicenseGovernance.SimulatorUserPropertyInvalid";
    }
}
