using System;
using System.Collections.Generic;
using LicenseGovernance.Engine.Kernel;
using Microsoft.Graph.Models;

namespace LicenseGovernance.Engine.Lifecycle
{
    /// <summary>
    /// The tier system's users on disk while it is read (<see cref="SpillBuckets"/> under a hash of the user's id), so a scan
    /// holds a file of users at a time however large the tenant: the tier groups' members and the tier packages' assignments
    /// are staged as they arrive and fix the number of files; the journal's bridges follow. Each file comes back as its users,
    /// whole, in the order their first record was read.
    /// </summary>
    internal sealed class TierUserSpill : IDisposable
    {
        /// <summary>
        /// Records (a membership or an assignment each) to a file: about 1,500 users, two or three megabytes, held at once. Small,
        /// so the memory held stays near it from a few thousand users up; each file costs at most one partly filled read of
        /// outsiders and one of returns more.
        /// </summary>
        internal const int RecordsPerFile = 2048;

        private const byte MemberRecord = 1, AssignmentRecord = 2, BridgeRecord = 3;

        private readonly SpillBuckets _spill = new SpillBuckets(RecordsPerFile);

        /// <summary>The number of files the users were spread over (0 until <see cref="Partition"/>).</summary>
        public int FileCount => _spill.BucketCount;

        /// <summary>The files in use now.</summary>
        internal IEnumerable<string> FilePaths => _spill.FilePaths;

        /// <summary>A member of a tier group, with the licence states it was read with (compact copies, not Graph's JSON).</summary>
        public void AddMember(string tierId, User user)
        {
            var states = LicenseStates.Of(user);
            _spill.Stage(KeyOf(user.Id!), writer =>
            {
                writer.Write(MemberRecord);
                writer.Write(user.Id!);
                writer.WriteOptional(user.UserPrincipalName);
                writer.Write(tierId);
                LicenseStates.Write(writer, states);
            });
        }

        public void AddAssignment(string userId, string? principalName, HeldAssignment assignment)
        {
            _spill.Stage(KeyOf(userId), writer =>
            {
                writer.Write(AssignmentRecord);
                writer.Write(userId);
                writer.WriteOptional(principalName);
                assignment.Write(writer);
            });
        }

        /// <summary>Spreads the members and assignments over as many files as their number needs; call once, before the bridges.</summary>
        public void Partition() => _spill.Partition();

        /// <summary>SKUs the journal says this module bridged for the user; brings the user into the tier system.</summary>
        public void AddBridges(string userId, IReadOnlyCollection<Guid> skus)
        {
            _spill.Add(KeyOf(userId), writer =>
            {
                writer.Write(BridgeRecord);
                writer.Write(userId);
                writer.Write(skus.Count);
                foreach (var sku in skus)
                {
                    writer.Write(sku);
                }
            });
        }

        /// <summary>The users file by file, by id; a file is deleted once the next is asked for.</summary>
        public IEnumerable<Dictionary<string, TierUser>> Files()
        {
            foreach (var file in _spill.Drain())
            {
                var users = new Dictionary<string, TierUser>(StringComparer.OrdinalIgnoreCase);
                foreach (var record in file)
                {
                    Gather(users, record.Reader);
                }

                yield return users;
            }
        }

        public void Dispose() => _spill.Dispose();

        private static void Gather(Dictionary<string, TierUser> users, System.IO.BinaryReader reader)
        {
            var tag = reader.ReadByte();
            var id = reader.ReadString();
            switch (tag)
            {
                case MemberRecord:
                    var member = TierUser.In(users, id, reader.ReadOptionalString());
                    member.AddMembership(reader.ReadString());
                    member.States = LicenseStates.Read(reader);
                    break;
                case AssignmentRecord:
                    TierUser.In(users, id, reader.ReadOptionalString()).Assignments.Add(HeldAssignment.Read(reader));
                    break;
                default:
                    var skus = new Guid[reader.ReadInt32()];
                    for (var i = 0; i < skus.Length; i++)
                    {
                        skus[i] = reader.ReadGuid();
                    }

                    TierUser.In(users, id, null).AddJournalBridges(skus);
                    break;
            }
        }

        /// <summary>Graph writes a user's id in any case; the key ignores case, so all of a user's records meet in one file.</summary>
        private static NameKey KeyOf(string userId) => NameKey.Of(userId);
    }
}
