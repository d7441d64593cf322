using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Serialization.Json;

namespace LicenseGovernance.Engine.Usage
{
    /// <summary>
    /// Joins the usage reports with the users on disk, so the memory a run needs does not grow with the tenant: every report
    /// row and every user to judge is written to one of several temporary files chosen by a hash of the user's name, then
    /// each file is read back in turn with only its own rows in memory. The number of files follows the active-user report's
    /// rows (about <see cref="RowsPerBucket"/> to a file), so it is known before any other record is written. The files are
    /// deleted when closed, also when the run fails.
    /// </summary>
    internal sealed class UsageSpill : IDisposable
    {
        internal const int RowsPerBucket = 8192;
        private const byte ActivityRecord = 1, AppUseRecord = 2, UserRecord = 3;

        private SpillFile? _staging = new SpillFile();
        private SpillFile[] _buckets = Array.Empty<SpillFile>();
        private int _stagedRows;

        /// <summary>The number of files the records were spread over (0 until the active-user report is in).</summary>
        public int BucketCount => _buckets.Length;

        /// <summary>The files in use now.</summary>
        internal IEnumerable<string> FilePaths => (_staging == null ? _buckets : new[] { _staging }).Select(f => f.FilePath);

        public void AddActivity(string userPrincipalName, PackedActivity row)
        {
            var staging = _staging ?? throw new InvalidOperationException("The active-user report is already in.");
            WriteKey(staging.Writer, ActivityRecord, NameKey.Of(userPrincipalName));
            WriteActivity(staging.Writer, row);
            _stagedRows++;
        }

        /// <summary>Spreads the staged active-user rows over as many files as their number needs; call once, after the report.</summary>
        public void Partition()
        {
            var staging = _staging ?? throw new InvalidOperationException("The rows are already partitioned.");
            _buckets = new SpillFile[Math.Max(1, (_stagedRows + RowsPerBucket - 1) / RowsPerBucket)];
            for (var i = 0; i < _buckets.Length; i++)
            {
                _buckets[i] = new SpillFile();
            }

            var reader = staging.Rewind();
            for (var i = 0; i < _stagedRows; i++)
            {
                reader.ReadByte();
                var key = ReadKey(reader);
                var row = ReadActivity(reader);
                WriteKey(Bucket(key).Writer, ActivityRecord, key);
                WriteActivity(Bucket(key).Writer, row);
            }

            staging.Dispose();
            _staging = null;
        }

        public void AddAppUse(string userPrincipalName, PackedAppUse row)
        {
            var key = NameKey.Of(userPrincipalName);
            var writer = Bucket(key).Writer;
            WriteKey(writer, AppUseRecord, key);
            writer.Write(row.Refresh);
            writer.Write(row.LastActivation);
            writer.Write(row.LastActivity);
            writer.Write(row.Apps);
        }

        /// <summary>A user to judge, kept as Graph's own JSON so every property read from Graph comes back as it was.</summary>
        public void AddUser(User user)
        {
            var key = NameKey.Of(user.UserPrincipalName ?? "");
            var json = new JsonSerializationWriter();
            json.WriteObjectValue(null, user);
            using var content = json.GetSerializedContent();
            using var text = new StreamReader(content, Encoding.UTF8);
            WriteKey(Bucket(key).Writer, UserRecord, key);
            Bucket(key).Writer.Write(text.ReadToEnd());
        }

        /// <summary>
        /// Every user added, file by file, with the report rows of that file's users; the records of a file come back in the
        /// order they were added (all activity rows, then all app rows, then the users), so the rows are in before any user.
        /// </summary>
        public void ForEachUser(Action<User, ActiveUserRows, AppUserRows> judge)
        {
            foreach (var bucket in _buckets)
            {
                var active = new ActiveUserRows();
                var apps = new AppUserRows();
                var reader = bucket.Rewind();
                while (reader.BaseStream.Position < reader.BaseStream.Length)
                {
                    var tag = reader.ReadByte();
                    var key = ReadKey(reader);
                    switch (tag)
                    {
                        case ActivityRecord: active.Set(key, ReadActivity(reader)); break;
                        case AppUseRecord: apps.Set(key, new PackedAppUse { Refresh = reader.ReadUInt16(), LastActivation = reader.ReadUInt16(), LastActivity = reader.ReadUInt16(), Apps = reader.ReadUInt32() }); break;
                        default: judge(ReadUser(reader.ReadString()), active, apps); break;
                    }
                }

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

        private SpillFile Bucket(NameKey key) => _buckets.Length > 0
            ? _buckets[key.Bucket(_buckets.Length)]
            : throw new InvalidOperationException("Partition the active-user rows before adding other records.");

        private static void WriteKey(BinaryWriter writer, byte tag, NameKey key)
        {
            writer.Write(tag);
            key.Write(writer);
        }

        private static NameKey ReadKey(BinaryReader reader) => NameKey.Read(reader);

        private static void WriteActivity(BinaryWriter writer, PackedActivity row)
        {
            writer.Write(row.Refresh);
            for (var i = 0; i < UsageReportReader.Workloads.Length; i++)
            {
                writer.Write(row[i]);
            }
        }

        private static PackedActivity ReadActivity(BinaryReader reader)
        {
            var row = new PackedActivity { Refresh = reader.ReadUInt16() };
            for (var i = 0; i < UsageReportReader.Workloads.Length; i++)
            {
                row[i] = reader.ReadUInt16();
            }

            return row;
        }

        private static User ReadUser(string json)
        {
            using var document = JsonDocument.Parse(json);
            return new JsonParseNode(document.RootElement).GetObjectValue(User.CreateFromDiscriminatorValue)!;
        }
    }
}
