namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>How a watched user stands with one group when a licensing watch ends.</summary>
    internal enum LicenseWatchOutcome
    {
        /// <summary>Not settled: no state from the group yet, a state not as expected, or an error Entra has not answered since the change.</summary>
        Pending,

        /// <summary>Every expected licence from the group is Active, as expected.</summary>
        Active,

        /// <summary>Entra answered the change with an error state (Error or ActiveWithError).</summary>
        Error,

        /// <summary>For <see cref="LicenseExpectation.Gone"/>: the user holds nothing from the group any more.</summary>
        Gone,
    }
}
