using System.IO;
using System.Management.Automation;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Health
{
    /// <summary>
    /// Writes the licence health report as one self-contained HTML file. The engine measures, renders and then asks
    /// ShouldProcess with the resolved path and the score, so -WhatIf names the file and what it would hold.
    /// </summary>
    [Cmdlet(VerbsData.Export, "LicenseHealthReport", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportLicenseHealthReportCommand : LicenseGovernanceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        [Parameter]
        [ValidateRange(GetZombieLicenseRequest.MinInactiveDays, GetZombieLicenseRequest.MaxInactiveDays)]
        public int InactiveDays { get; set; } = 90;

        /// <summary>Overwrite an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireConnection();
        }

        protected override void EndProcessing()
        {
            try
            {
                var request = new ExportLicenseHealthReportRequest { Path = GetUnresolvedProviderPathFromPSPath(Path), Force = Force, InactiveDays = InactiveDays };
                var written = RunEngine(sink => Engine.ExportLicenseHealthReportAsync(request, sink));
                if (written != null)
                {
                    WriteObject(new FileInfo(written));
                }
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
