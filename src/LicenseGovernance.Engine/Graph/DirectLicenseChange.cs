using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Journal;

namespace LicenseGovernance.Engine.Graph
{
    /// <summary>One user's assignLicense: the direct licences to add (with their disabled plans) and the SKUs to remove, in one request.</summary>
    internal sealed class DirectLicenseChange
    {
        public DirectLicenseChange(Guid userId, string? userPrincipalName, IReadOnlyList<DirectLicense> before, IReadOnlyList<DirectLicense> add, IReadOnlyList<Guid> remove)
        {
            UserId = userId;
            UserPrincipalName = userPrincipalName;
            Before = before;
            Add = add;
            Remove = remove;
        }

        public Guid UserId { get; }

        public string? UserPrincipalName { get; }

        /// <summary>The user's direct licences of the SKUs the change touches, as they are before it (for the journal and Undo).</summary>
        public IReadOnlyList<DirectLicense> Before { get; }

        public IReadOnlyList<DirectLicense> Add { get; }

        public IReadOnlyList<Guid> Remove { get; }

        /// <summary>The direct licences of the touched SKUs once the change is made.</summary>
        public IReadOnlyList<DirectLicense> After =>
            Before.Where(b => !Remove.Contains(b.SkuId) && !Add.Any(a => a.SkuId == b.SkuId)).Concat(Add).ToList();
    }
}
