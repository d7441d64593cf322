using System;

namespace LicenseGovernance.Simulator.Model
{
    public sealed class SignInActivity
    {
        public DateTimeOffset? LastSignInDateTime { get; set; }

        public string? LastSignInRequestId { get; set; }

        public DateTimeOffset? LastNonInteractiveSignInDateTime { get; set; }

        public string? LastNonInteractiveSignInRequestId { get; set; }

        /// <summary>Graph only fills this since December 2023, so older sign-ins leave it null.</summary>
        public DateTimeOffset? LastSuccessfulSignInDateTime { get; set; }

        public string? LastSuccessfulSignInRequestId { get; set; }
    }
}
