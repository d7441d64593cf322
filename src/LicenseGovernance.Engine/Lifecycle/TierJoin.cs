namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>How a move brings the user into the desired tier's group.</summary>
    internal enum TierJoin
    {
        /// <summary>A member already (or the membership is on its way from a delivered assignment).</summary>
        None,
        /// <summary>Added as a static member: the baseline, which is held without an end.</summary>
        AddMember,
        /// <summary>An access package assignment requested for the user (adminAdd), so the tier keeps an owner and an end date.</summary>
        RequestPackage,
        /// <summary>An assignment of the tier is being delivered already: its membership comes with the delivery, which is awaited.</summary>
        AwaitDelivery,
        /// <summary>A member whose licence Entra put in error beside the old tier: reprocessed once the conflict is gone.</summary>
        Reprocess,
    }
}
