using System;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// A case-insensitive 128-bit hash of a name or id (a user principal name, a user's id): two 64-bit FNV-1a hashes with
    /// different offsets. It keys what is held of many users compactly (usage report rows) and chooses their spill file.
    /// </summary>
    internal readonly struct NameKey : IEquatable<NameKey>
    {
        private const ulong Prime = 1099511628211UL;
        private readonly ulong _high;
        private readonly ulong _low;

        private NameKey(ulong high, ulong low)
        {
            _high = high;
            _low = low;
        }

        public static NameKey Of(string name)
        {
            ulong high = 14695981039346656037UL, low = 0x9E3779B97F4A7C15UL;
            foreach (var c in name)
            {
                var u = char.ToUpperInvariant(c);
                high = (high ^ u) * Prime;
                // The second hash also mixes the position, so the two do not fail together.
                low = ((low ^ u) * Prime) ^ (low >> 29);
            }

            return new NameKey(high, low);
        }

        /// <summary>Which of <paramref name="count"/> spill files holds the records under this key.</summary>
        public int Bucket(int count) => (int)(_high % (ulong)count);

        public void Write(System.IO.BinaryWriter writer)
        {
            writer.Write(_high);
            writer.Write(_low);
        }

        public static NameKey Read(System.IO.BinaryReader reader) => new NameKey(reader.ReadUInt64(), reader.ReadUInt64());

        public bool Equals(NameKey other) => _high == other._high && _low == other._low;

        public override bool Equals(object? obj) => obj is NameKey other && Equals(other);

        public override int GetHashCode() => (int)(_high ^ (_high >> 32));
    }
}
