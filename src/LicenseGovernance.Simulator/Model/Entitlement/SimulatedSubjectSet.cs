namespace LicenseGovernance.Simulator.Model.Entitlement
{
    /// <summary>
    /// A subjectSet (who may request, approve or review): singleUser{userId}, groupMembers{groupId},
    /// requestorManager{managerLevel}, internalSponsors, externalSponsors, targetUserSponsors.
    /// </summary>
    public sealed class SimulatedSubjectSet
    {
        /// <summary>The type without its namespace, for example "singleUser".</summary>
        public string Type { get; set; } = string.Empty;

        public string? UserId { get; set; }

        public string? GroupId { get; set; }

        public int? ManagerLevel { get; set; }

        public string? Description { get; set; }
    }
}
