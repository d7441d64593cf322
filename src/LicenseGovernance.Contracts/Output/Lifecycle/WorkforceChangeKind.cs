namespace LicenseGovernance
{
    /// <summary>What an HR row means for its person's licences.</summary>
    public enum WorkforceChangeKind
    {
        /// <summary>Starts today or started: gets the tier the rules give, through the tier's access package.</summary>
        Joiner,
        /// <summary>Starts later: nothing yet.</summary>
        FutureJoiner,
        /// <summary>Holds another tier than the rules give: moved without a gap.</summary>
        Mover,
        /// <summary>Terminated with a last day today or earlier: offboarded.</summary>
        Leaver,
        /// <summary>Terminated with a last day still to come: keeps their tier until then.</summary>
        FutureLeaver,
        /// <summary>On leave: moved to the leave tier until the leave ends.</summary>
        LeaveStart,
        /// <summary>Back from leave: returned to the tier the rules give.</summary>
        LeaveEnd,
        /// <summary>The tier comes from a dynamic tier group's rule, which this command leaves to Entra.</summary>
        DynamicTier,
        /// <summary>Only the HR dates in Entra differ from the file.</summary>
        HrDates,
    }
}
