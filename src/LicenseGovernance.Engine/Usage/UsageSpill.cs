using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Serialization.Json;

namespace LicenseGovernance.Engine.Usage
{
    /// <summary>
    /// Joins the usage reports with the users on disk (<see cref="SpillBuckets"/>), so the memory a run needs does not grow
    /// with the tenant: every report row and every user to judge is written under a hash of the user's name, and each file is
    /// read back in turn with only its own rows in memory. The active-user report's rows are staged, so the number of files
    /// follows them (about <see cref="RowsPerBucket"/> to a file).
    /// </summary>
    internal sealed class UsageSpill : IDisposable
    {
        internal const int RowsPerBucket = 8192;
        private const byte ActivityRecord = 1, AppUseRecord = 2, UserRecord = 3;

        private readonly SpillBuckets _spill = new SpillBuckets(RowsPerBucket);

        /// <summary>The number of files the records were spread over (0 until the active-user report is in).</summary>
        public int BucketCount => _spill.BucketCount;

        /// <summary>The files in use now.</summary>
        internal IEnumerable<string> FilePaths => _spill.FilePaths;

        public void AddActivity(string userPrincipalName, PackedActivity row)
        {
            _spill.Stage(NameKey.Of(userPrincipalName), w => WriteActivity(w, row));
        }

        /// <summary>Spreads the staged active-user rows over as many files as their number needs; call once, after the report.</summary>
        public void Partition() => _spill.Partition();

        public void AddAppUse(string userPrincipalName, PackedAppUse row)
        {
            _spill.Add(NameKey.Of(userPrincipalName), writer =>
            {
                writer.Write(AppUseRecord);
                writer.Write(row.Refresh);
                writer.Write(row.LastActivation);
                writer.Write(row.LastActivity);
                writer.Write(row.Apps);
            });
        }

        /// <summary>A user to judge, kept as Graph's own JSON so every property read from Graph comes back as it was.</summary>
        public void AddUser(User user)
        {
            var json = new JsonSerializationWriter();
            json.WriteObjectValue(null, user);
            using var content = json.GetSerializedContent();
            using var text = new StreamReader(content, Encoding.UTF8);
            var serialized = text.ReadToEnd();
            _spill.Add(NameKey.Of(user.UserPrincipalName ?? ""), writer =>
            {
                writer.Write(UserRecord);
                writer.Write(serialized);
            });
        }

        /// <summary>
        /// Every user added, file by file, with the report rows of that file's users; the records of a file come back in the
        /// order they were added (all activity rows, then all app rows, then the users), so the rows are in before any user.
        /// </summary>
        public void ForEachUser(Action<User, ActiveUserRows, AppUserRows> judge)
        {
            foreach (var bucket in _spill.Drain())
            {
                var active = new ActiveUserRows();
                var apps = new AppUserRows();
                foreach (var record in bucket)
                {
                    var reader = record.Reader;
                    switch (reader.ReadByte())
                    {
                        case ActivityRecord: active.Set(record.Key, ReadActivity(reader)); break;
                        case AppUseRecord: apps.Set(record.Key, new PackedAppUse { Refresh = reader.ReadUInt16(), LastActivation = reader.ReadUInt16(), LastActivity = reader.ReadUInt16(), Apps = reader.ReadUInt32() }); break;
                        default: judge(ReadUser(reader.ReadString()), active, apps); break;
                    }
                }
            }
        }

        public void Dispose() => _spill.Dispose();

        private static void WriteActivity(BinaryWriter writer, PackedActivity row)
        {
            writer.Write(ActivityRecord);
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
