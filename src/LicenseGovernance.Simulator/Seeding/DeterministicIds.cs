using System;

namespace LicenseGovernance.Simulator.Seeding
{
    /// <summary>Version-4-shaped GUIDs from a seeded Random, so the same seed always yields the same object ids.</summary>
    internal sealed class DeterministicIds
    {
        private readonly Random _random;
        private readonly byte[] _buffer = new byte[16];

        public DeterministicIds(Random random)
        {
            _random = random;
        }

        public Guid Next()
        {
            lock (_buffer)
            {
                _random.NextBytes(_buffer);
                _buffer[7] = (byte)((_buffer[7] & 0x0F) | 0x40);
                _buffer[8] = (byte)((_buffer[8] & 0x3F) | 0x80);
                return new Guid(_buffer);
            }
        }
    }
}
