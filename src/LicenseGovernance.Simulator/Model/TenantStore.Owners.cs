using System;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator
{
    public sealed partial class TenantStore
    {
        /// <summary>Makes a user an owner of the group (same rules as POST /groups/{id}/owners/$ref); adding one twice is refused as Graph does.</summary>
        public void AddOwner(Guid groupId, Guid userId) => Write(() =>
        {
            AddOwnerCore(RequireGroup(groupId.ToString(), null), userId);
            return 0;
        });

        public void RemoveOwner(Guid groupId, Guid userId) => Write(() =>
        {
            RemoveOwnerCore(RequireGroup(groupId.ToString(), null), userId);
            return 0;
        });

        internal void AddOwnerCore(SimulatedGroup group, Guid userId)
        {
            if (UserById(userId) == null)
            {
                throw GraphServiceError.ReferenceMissing();
            }

            if (group.Owners.Contains(userId))
            {
                throw GraphServiceError.BadRequest("One or more added object references already exist for the following modified properties: 'owners'.");
            }

            group.Owners.Add(userId);
        }

        internal void RemoveOwnerCore(SimulatedGroup group, Guid userId)
        {
            if (!group.Owners.Remove(userId))
            {
                throw GraphServiceError.NotFound(userId.ToString());
            }
        }
    }
}
