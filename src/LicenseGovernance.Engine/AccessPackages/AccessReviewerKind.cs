namespace LicenseGovernance.Engine.AccessPackages
{
    /// <summary>Who reviews a tier's assignments: each user's manager, the users themselves, or named reviewers.</summary>
    internal enum AccessReviewerKind
    {
        Manager,
        Self,
        Named,
    }
}
