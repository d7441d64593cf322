using System;

namespace LicenseGovernance.Simulator
{
    public sealed class SimulatorSnapshotException : Exception
    {
        public SimulatorSnapshotException(string reason)
            : base(reason)
        {
            Reason = reason;
        }

        public SimulatorSnapshotException(string reason, Exception inner)
            : base(reason, inner)
        {
            Reason = reason;
        }

        public string Reason { get; }
    }
}
