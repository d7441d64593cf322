namespace LicenseGovernance
{
    /// <summary>One row of Test-LicenseGovernancePermission: a module capability and what it needs.</summary>
    public sealed class LicensePermissionCheck
    {
        public string Capability { get; set; } = "";
        /// <summary>The least-privileged Graph permission for the current token type.</summary>
        public string Permission { get; set; } = "";
        /// <summary>Delegated or Application.</summary>
        public string PermissionType { get; set; } = "";
        /// <summary>True when the token holds the permission or a broader one; null when the token's claims cannot be read.</summary>
        public bool? Granted { get; set; }
        /// <summary>The permission in the token that satisfies the need, when it is not the least-privileged one.</summary>
        public string? GrantedBy { get; set; }
        /// <summary>The tenant licence the capability needs, if any (for example Microsoft Entra ID P1).</summary>
        public string? TenantLicense { get; set; }
        public string? Commands { get; set; }
        public string? Notes { get; set; }
    }
}
