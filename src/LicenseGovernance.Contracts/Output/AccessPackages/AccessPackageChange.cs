namespace LicenseGovernance
{
    /// <summary>One Graph object to create or change, with the JSON body that would be sent.</summary>
    public sealed class AccessPackageChange
    {
        public AccessPackageChangeAction Action { get; set; }
        /// <summary>The Graph type, for example accessPackageAssignmentPolicy.</summary>
        public string ObjectType { get; set; } = "";
        public string Name { get; set; } = "";
        /// <summary>The HTTP method and path, for example "PUT /identityGovernance/entitlementManagement/assignmentPolicies/{id}".</summary>
        public string Request { get; set; } = "";
        public string Body { get; set; } = "";

        /// <summary>A request without a body (a DELETE) shows no body line.</summary>
        public override string ToString() => Action + " " + ObjectType + " '" + Name + "': " + Request + (Body.Length == 0 ? "" : "\n" + Body);
    }
}
