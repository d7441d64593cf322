using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// What putting a user's or a group's licences of the SKUs a journaled assignLicense touched back as they were takes,
    /// worked out from the journaled before and after and the licences held now. Shared by the licence reversers.
    /// </summary>
    internal sealed class LicenseRestore
    {
        private readonly IReadOnlyList<DirectLicense> _before;
        private readonly IReadOnlyList<DirectLicense> _after;

        public LicenseRestore(IEnumerable<Guid> skus, IReadOnlyList<DirectLicense> before, IReadOnlyList<DirectLicense> after, IReadOnlyList<DirectLicense> current)
        {
            _before = before;
            _after = after;
            var touched = skus.Distinct().ToList();
            Differing = touched.Where(sku => !Same(In(current, sku), In(before, sku))).ToList();
            Moved = Differing.Where(sku => !Same(In(current, sku), In(after, sku))).ToList();
            Add = Differing.Select(sku => In(before, sku)).Where(l => l != null).Select(l => l!).ToList();
            Remove = Differing.Where(sku => In(before, sku) == null && In(current, sku) != null).ToList();
            // A change that left things as they were shows both states; it counts as made.
            State = touched.All(sku => Same(In(current, sku), In(after, sku))) ? TargetState.After
                : Differing.Count == 0 ? TargetState.Before
                : TargetState.Neither;
        }

        /// <summary>Which of the change's states the licences held now show.</summary>
        public TargetState State { get; }

        /// <summary>SKUs not as they were before the change; none means the target is back already.</summary>
        public IReadOnlyList<Guid> Differing { get; }

        /// <summary>Of those, the SKUs not as the change left them either: someone changed them since.</summary>
        public IReadOnlyList<Guid> Moved { get; }

        /// <summary>The licences to assign again, with the plans they had off.</summary>
        public IReadOnlyList<DirectLicense> Add { get; }

        /// <summary>The SKUs the change added, to take away.</summary>
        public IReadOnlyList<Guid> Remove { get; }

        /// <summary>The SKU's part number as the journal recorded it, else its id.</summary>
        public string Name(Guid sku) =>
            _before.Concat(_after).FirstOrDefault(l => l.SkuId == sku && l.SkuPartNumber != null)?.SkuPartNumber ?? sku.ToString();

        private static DirectLicense? In(IReadOnlyList<DirectLicense> list, Guid sku) => list.FirstOrDefault(l => l.SkuId == sku);

        private static bool Same(DirectLicense? a, DirectLicense? b) => a == null ? b == null : a.SameAs(b);
    }
}
