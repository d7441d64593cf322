namespace LicenseGovernance
{
    public static partial class ErrorIds
    {
        public const string SimulatorRequired = "LicenseGovernance.SimulatorRequired";
        public const string SimulatorTimeTargetMissing = "LicenseGovernance.SimulatorTimeTargetMissing";
        public const string SimulatorTimeBackwards = "LicenseGovernance.SimulatorTimeBackwards";
    }
}
