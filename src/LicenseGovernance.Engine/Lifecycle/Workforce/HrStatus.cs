namespace LicenseGovernance.Engine.Lifecycle.Workforce
{
    /// <summary>An HR row's employment status, as the rules file documents it.</summary>
    internal enum HrStatus
    {
        Active,
        Leave,
        Terminated,
    }
}
