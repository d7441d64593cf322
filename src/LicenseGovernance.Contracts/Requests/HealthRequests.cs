namespace LicenseGovernance.Requests
{
    /// <summary>Get-LicenseHealth.</summary>
    public sealed class GetLicenseHealthRequest
    {
        /// <summary>Days without a successful sign-in after which an account counts as inactive (a zombie) for the waste component.</summary>
        public int InactiveDays { get; set; } = 90;
    }

    /// <summary>Export-LicenseHealthReport.</summary>
    public sealed class ExportLicenseHealthReportRequest
    {
        /// <summary>The HTML file to write, resolved to a full file-system path by the cmdlet.</summary>
        public string Path { get; set; } = "";
        /// <summary>Overwrite an existing file.</summary>
        public bool Force { get; set; }
        public int InactiveDays { get; set; } = 90;
    }
}
