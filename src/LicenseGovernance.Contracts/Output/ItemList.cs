using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace LicenseGovernance
{
    /// <summary>
    /// The list type of every list property on an output type. Scripts get a typed, indexable list (<c>.Count</c>,
    /// <c>[0]</c>, <c>-contains</c>, piping); wherever PowerShell turns the value into text, as Export-Csv and ConvertTo-Csv
    /// do, it reads as its items joined by "; " (each item's own ToString), where an array would read "System.String[]".
    /// </summary>
    public sealed class ItemList<T> : Collection<T>
    {
        public ItemList()
        {
        }

        public ItemList(IEnumerable<T> items)
            : base(new List<T>(items))
        {
        }

        public void AddRange(IEnumerable<T> items)
        {
            foreach (var item in items)
            {
                Add(item);
            }
        }

        public static implicit operator ItemList<T>(T[] items) => new ItemList<T>(items);

        public static implicit operator ItemList<T>(List<T> items) => new ItemList<T>(items);

        public override string ToString() => string.Join("; ", this);
    }
}
