using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// Records about many users held on disk, so the memory a scan needs does not grow with the tenant: each record goes to one
    /// of several temporary files chosen by a hash of its user's key, and the files are read back one at a time, each holding
    /// every record of its own users and no other. The number of files follows the records staged before
    /// <see cref="Partition"/> (about the given number to a file), so it is known before the other records are written. A
    /// record is the caller's bytes under a <see cref="NameKey"/>; the files are deleted when closed, also when a run fails
    /// (<see cref="SpillFile"/>), and one that cannot be made is <c>TemporaryFileUnavailable</c>.
    /// </summary>
    internal sealed class SpillBuckets : IDisposable
    {
        private readonly int _recordsPerBucket;
        private readonly MemoryStream _record = new MemoryStream();
        private readonly BinaryWriter _recordWriter;
        private SpillFile? _staging = new SpillFile();
        private SpillFile[] _buckets = Array.Empty<SpillFile>();
        private int _staged;

        public SpillBuckets(int recordsPerBucket)
        {
            _recordsPerBucket = recordsPerBucket > 0 ? recordsPerBucket : throw new ArgumentOutOfRangeException(nameof(recordsPerBucket));
            _recordWriter = new BinaryWriter(_record);
        }

        /// <summary>The number of files the records are spread over (0 until <see cref="Partition"/>).</summary>
        public int BucketCount => _buckets.Length;

        /// <summary>The files in use now.</summary>
        internal IEnumerable<string> FilePaths => (_staging == null ? _buckets : new[] { _staging }).Select(f => f.FilePath);

        /// <summary>A record written before the number of files is known; it counts towards that number.</summary>
        public void Stage(NameKey key, Action<BinaryWriter> write)
        {
            var staging = _staging ?? throw new InvalidOperationException("The staged records are already partitioned.");
            Write(staging.Writer, key, write);
            _staged++;
        }

        /// <summary>Spreads the staged records over as many files as their number needs; call once, before <see cref="Add"/>.</summary>
        public void Partition()
        {
            var staging = _staging ?? throw new InvalidOperationException("The staged records are already partitioned.");
            _buckets = new SpillFile[Math.Max(1, (_staged + _recordsPerBucket - 1) / _recordsPerBucket)];
            for (var i = 0; i < _buckets.Length; i++)
            {
                _buckets[i] = new SpillFile();
            }

            var reader = staging.Rewind();
            for (var i = 0; i < _staged; i++)
            {
                var key = NameKey.Read(reader);
                var bytes = reader.ReadBytes(reader.ReadInt32());
                var writer = Bucket(key).Writer;
                key.Write(writer);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }

            staging.Dispose();
            _staging = null;
        }

        /// <summary>A record once the files are known.</summary>
        public void Add(NameKey key, Action<BinaryWriter> write) => Write(Bucket(key).Writer, key, write);

        /// <summary>
        /// The files in turn, each as its records in the order they were written (staged ones first); the reader of a record
        /// holds its bytes until the next record is read. A file is deleted as soon as the next one is asked for.
        /// </summary>
        public IEnumerable<IEnumerable<SpillRecord>> Drain()
        {
            if (_staging != null)
            {
                throw new InvalidOperationException("Partition the staged records before reading them back.");
            }

            foreach (var bucket in _buckets)
            {
                yield return Records(bucket);
                bucket.Dispose();
            }
        }

        public void Dispose()
        {
            _staging?.Dispose();
            foreach (var bucket in _buckets)
            {
                bucket.Dispose();
            }
        }

        private static IEnumerable<SpillRecord> Records(SpillFile bucket)
        {
            var file = bucket.Rewind();
            var record = new MemoryStream();
            var reader = new BinaryReader(record);
            while (file.BaseStream.Position < file.BaseStream.Length)
            {
                var key = NameKey.Read(file);
                var length = file.ReadInt32();
                record.SetLength(length);
                for (var read = 0; read < length;)
                {
                    var n = file.Read(record.GetBuffer(), read, length - read);
                    read += n > 0 ? n : throw new EndOfStreamException("A spill file ended inside a record.");
                }

                record.Position = 0;
                yield return new SpillRecord(key, reader);
            }
        }

        /// <summary>Each record is written whole, its length first, so it can be moved between files without being understood.</summary>
        private void Write(BinaryWriter file, NameKey key, Action<BinaryWriter> write)
        {
            _record.SetLength(0);
            write(_recordWriter);
            _recordWriter.Flush();
            key.Write(file);
            file.Write((int)_record.Length);
            file.Write(_record.GetBuffer(), 0, (int)_record.Length);
        }

        private SpillFile Bucket(NameKey key) => _buckets.Length > 0
            ? _buckets[key.Bucket(_buckets.Length)]
            : throw new InvalidOperationException("Partition the staged records before adding others.");
    }

    /// <summary>One record read back: its key, and a reader over its bytes (valid until the next record is read).</summary>
    internal readonly struct SpillRecord
    {
        public SpillRecord(NameKey key, BinaryReader reader)
        {
            Key = key;
            Reader = reader;
        }

        public NameKey Key { get; }

        public BinaryReader Reader { get; }
    }
}
