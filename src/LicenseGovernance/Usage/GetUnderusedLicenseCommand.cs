using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LicenseGovernance.Commands.Catalog;
using LicenseGovernance.Commands.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Commands.Usage
{
    /// <summary>Premium SKUs whose holders' Microsoft 365 usage reports show only what a cheaper tier covers, with the saving.</summary>
    [Cmdlet(VerbsCommon.Get, "UnderusedLicense")]
    [OutputType(typeof(UnderusedLicense))]
    public sealed class GetUnderusedLicenseCommand : LicenseGovernanceCmdlet
    {
        private readonly PipedNames _users = new PipedNames();
        private readonly PipedNames _skus = new PipedNames();

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SkuPartNumber")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SkuNameCompleter))]
        public string[]? Sku { get; set; }

        [Parameter]
        [ValidateSet("D7", "D30", "D90", "D180")]
        public string Period { get; set; } = "D30";

        /// <summary>The id comes first among the aliases: PowerShell binds the first property a piped object has.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("UserId", "UserPrincipalName", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(UserNameCompleter))]
        public string[]? User { get; set; }

        protected override void ProcessRecord()
        {
            _users.Add(User);
            _skus.Add(Sku);
        }

        // The reports are downloaded once for all piped users.
        protected override void EndProcessing()
        {
            try
            {
                var request = new GetUnderusedLicenseRequest { Sku = _skus.ToArray(), Period = Period, User = _users.ToArray() };
                RunEngine(sink => Engine.GetUnderusedLicensesAsync(request, sink));
            }
            finally
            {
                base.EndProcessing();
            }
        }
    }
}
