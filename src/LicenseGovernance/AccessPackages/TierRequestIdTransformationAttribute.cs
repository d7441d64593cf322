using System;
using System.Management.Automation;

namespace LicenseGovernance.Commands.AccessPackages
{
    /// <summary>Takes a request as Get-TierAssignmentRequest writes it, or its id as text.</summary>
    public sealed class TierRequestIdTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value switch
            {
                TierAssignmentRequestInfo request => request.Id,
                string text when Guid.TryParse(text.Trim(), out var id) => id,
                _ => inputData,
            };
        }
    }
}
