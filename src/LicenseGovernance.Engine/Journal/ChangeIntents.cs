using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// The standard operations. Undo-LicenseChange knows how to reverse each of these (see <see cref="ChangeReversers"/>);
    /// anything else goes in with <see cref="Other"/> and is shown, but not reversed.
    /// </summary>
    public static class ChangeIntents
    {
        public const string UserAssignLicense = "User.AssignLicense";
        public const string GroupAddMember = "Group.AddMember";
        public const string GroupRemoveMember = "Group.RemoveMember";
        public const string GroupAssignLicense = "Group.AssignLicense";
        public const string UserAccountEnabled = "User.AccountEnabled";

        /// <summary>An offboarding's first run: the user's licences then, which later runs count the recovered seats against.</summary>
        public const string OffboardingStarted = "Offboarding.Start";

        /// <summary>An offboarding's recovered seats and money, as a run left them; complete when nothing is left to do.</summary>
        public const string OffboardingRecovered = "Offboarding.Recovered";

        /// <summary>Exchange Online's Set-Mailbox -Type Shared, made through the host's ExchangeOnlineManagement session.</summary>
        public const string MailboxConvertedToShared = "Mailbox.ConvertToShared";

        /// <summary>A user's sign-in allowed or blocked (accountEnabled). Reversed by setting it back to <paramref name="before"/>.</summary>
        public static ChangeIntent SetAccountEnabled(Guid userId, string? userPrincipalName, bool before, bool after) =>
            new ChangeIntent(UserAccountEnabled, "user", userId.ToString(), userPrincipalName,
                new JsonObject { ["accountEnabled"] = before }, new JsonObject { ["accountEnabled"] = after });

        /// <summary>
        /// Direct licences of the affected SKUs before and after (a SKU absent from a list is not held directly then).
        /// Reversed by assignLicense back to <paramref name="before"/>.
        /// </summary>
        public static ChangeIntent AssignUserLicenses(Guid userId, string? userPrincipalName, IReadOnlyList<DirectLicense> before, IReadOnlyList<DirectLicense> after) =>
            new ChangeIntent(UserAssignLicense, "user", userId.ToString(), userPrincipalName,
                new JsonArray(before.Select(l => (JsonNode)l.ToJson()).ToArray()),
                new JsonArray(after.Select(l => (JsonNode)l.ToJson()).ToArray()));

        /// <summary>
        /// A group's assignLicense: before, every licence the group carried (SKU and disabled plans); after, what the call
        /// adds (or gives other disabled plans) and removes. Reversed by assignLicense back to the affected SKUs' before.
        /// </summary>
        public static ChangeIntent AssignGroupLicenses(string groupId, string? groupName, IEnumerable<DirectLicense> before, IEnumerable<DirectLicense> add, IEnumerable<Guid> remove) =>
            new ChangeIntent(GroupAssignLicense, "group", groupId, groupName,
                new JsonArray(before.Select(l => (JsonNode)l.ToJson()).ToArray()),
                new JsonObject
                {
                    ["addLicenses"] = new JsonArray(add.Select(l => (JsonNode)l.ToJson()).ToArray()),
                    ["removeLicenses"] = new JsonArray(remove.Select(id => (JsonNode)JsonValue.Create(id.ToString())!).ToArray()),
                });

        /// <summary>Reversed by removing the member again.</summary>
        public static ChangeIntent AddGroupMember(Guid groupId, string? groupName, Guid memberId, string? memberName) =>
            Membership(GroupAddMember, groupId, groupName, memberId, memberName, member: true);

        /// <summary>Reversed by adding the member back.</summary>
        public static ChangeIntent RemoveGroupMember(Guid groupId, string? groupName, Guid memberId, string? memberName) =>
            Membership(GroupRemoveMember, groupId, groupName, memberId, memberName, member: false);

        /// <summary>Any other change: journaled with its before and after as JSON, not reversible by Undo-LicenseChange.</summary>
        public static ChangeIntent Other(string operation, string targetType, string targetId, string? targetName, object? before, object? after) =>
            new ChangeIntent(operation, targetType, targetId, targetName, ToNode(before), ToNode(after));

        internal static JsonNode? ToNode(object? value) => value switch
        {
            null => null,
            JsonNode node => node,
            _ => JsonSerializer.SerializeToNode(value, value.GetType(), JournalFile.SerializerOptions),
        };

        private static ChangeIntent Membership(string operation, Guid groupId, string? groupName, Guid memberId, string? memberName, bool member)
        {
            JsonObject State(bool isMember) => new JsonObject
            {
                ["memberId"] = memberId.ToString(),
                ["memberName"] = memberName,
                ["isMember"] = isMember,
            };

            return new ChangeIntent(operation, "group", groupId.ToString(), groupName, State(!member), State(member));
        }
    }
}
