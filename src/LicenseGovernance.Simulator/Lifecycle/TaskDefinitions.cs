using System;
using System.Collections.Generic;
using System.Linq;

namespace LicenseGovernance.Simulator.Lifecycle
{
    /// <summary>
    /// The 25 built-in task definitions of GET /identityGovernance/lifecycleWorkflows/taskDefinitions (v1.0 reference,
    /// "List taskDefinitions", 2025-07 snapshot): ids, names, descriptions, categories and parameters as Graph lists them.
    /// </summary>
    internal static class TaskDefinitions
    {
        public const string AddUserToGroups = "22085229-5809-45e8-97fd-270d28d66910";
        public const string RemoveUserFromSelectedGroups = "1953a66c-751c-45e5-8bfe-01462c70da3c";
        public const string RemoveAllLicenses = "8fa97d28-3e52-4985-b3a9-a1126f9b8b4e";
        public const string RequestAccessPackageAssignment = "c1ec1e76-f374-4375-aaa6-0bb6bd4c60be";
        public const string RemoveAccessPackageAssignment = "4a0b64f2-c7ec-46ba-b117-18f262946c50";

        private static readonly string[] Recipients = { "User", "Manager", "Sponsors", "{UserId}" };

        private static readonly string[] TapRecipients = Recipients.Concat(new[]
        {
            "User/otherMails", "User/customSecurityAttributes/{attributeSet}/{attributeName}", "User/{directoryExtensionAttribute}",
            "User/onPremisesExtensionAttributes/{extensionAttribute[1-15]}",
        }).ToArray();

        public static IReadOnlyList<TaskDefinition> All { get; } = new[]
        {
            new TaskDefinition(AddUserToGroups, "Add user to groups", "Add user to selected groups", "joiner,leaver,mover", TaskParameter.Text("groupID", required: true)),
            new TaskDefinition("1dfdfcc7-52fa-4c2e-bf3a-e3919cc12950", "Disable user account", "Disable user account in the directory", "joiner,leaver", TaskParameter.Choice("disableOnPremisesAccount", "true", "false")),
            new TaskDefinition("6fc52c9d-398b-4305-9763-15f42c1676fc", "Enable user account", "Enable user account in the directory", "joiner,leaver", TaskParameter.Choice("enableOnPremisesAccount", "true", "false")),
            new TaskDefinition(RemoveUserFromSelectedGroups, "Remove user from selected groups", "Remove user from membership of selected Azure AD groups", "joiner,leaver,mover", TaskParameter.Text("groupID", required: true)),
            new TaskDefinition("1b555e50-7f65-41d5-b514-5894a026d10d", "Generate TAP and send email", "Generate Temporary Access Pass and send via email to user's manager", "joiner",
                Email(TapRecipients, TaskParameter.Text("tapLifetimeMinutes"), TaskParameter.Choice("tapIsUsableOnce", "true", "false"))),

            new TaskDefinition("70b29d51-b59a-4773-9280-8841dfd3f2ea", "Send welcome email", "Send welcome email to new hire", "joiner", Email()),
            new TaskDefinition("e440ed8d-25a1-4618-84ce-091ed5be5594", "Add user to Teams", "Add user to selected Teams", "joiner,leaver,mover", TaskParameter.Text("teamID", required: true)),
            new TaskDefinition("8d18588d-9ad3-4c0f-99d0-ec215f0e3dff", "Delete user account", "Delete user account in Azure AD", "leaver", TaskParameter.Choice("deleteOnPremisesAccount", "true", "false")),
            new TaskDefinition("06aa7acb-01af-4824-8899-b14e5ed788d6", "Remove user from selected Teams", "Remove user from membership of selected Teams", "joiner,leaver,mover", TaskParameter.Text("teamID", required: true)),
            new TaskDefinition("b3a31406-2a15-4c9a-b25b-a658fa5f07fc", "Remove user from all groups", "Remove user from all Azure AD groups memberships", "leaver"),
            new TaskDefinition("81f7b200-2816-4b3b-8c5d-dc556f07b024", "Remove user from all Teams", "Remove user from all Teams memberships", "leaver"),
            new TaskDefinition(RemoveAllLicenses, "Remove all licenses for user", "Remove all licenses assigned to the user", "leaver"),
            new TaskDefinition("4262b724-8dba-4fad-afc3-43fcbb497a0e", "Run a Custom Task Extension", "Run a Custom Task Extension to callout to an external system.", "joiner,leaver,mover", TaskParameter.Text("customTaskExtensionID", required: true)),
            new TaskDefinition("52853a3e-f4e5-4eb8-bb24-1ac09a1da935", "Send email before user’s last day", "Send offboarding email to user’s manager before the last day of work", "leaver", Email()),
            new TaskDefinition("9c0a1eaf-5bda-4392-9d9e-6e155bb57411", "Send email on user’s last day", "Send offboarding email to user’s manager on the last day of work", "leaver", Email()),
            new TaskDefinition("6f22ddd4-b3a5-47a4-a846-0d7c201a49ce", "Send email after user’s last day", "Send offboarding email to user’s manager after the last day of work", "leaver", Email()),
            new TaskDefinition("3C860712-2D37-42A4-928F-5C93935D26A1", "Send onboarding reminder email", "Send onboarding reminder email to user’s manager", "joiner", Email()),
            new TaskDefinition(RequestAccessPackageAssignment, "Request user access package assignment", "Request user assignment to selected access package", "joiner,mover",
                TaskParameter.Text("assignmentPolicyId", required: true), TaskParameter.Text("accessPackageId", required: true)),
            new TaskDefinition(RemoveAccessPackageAssignment, "Remove access package assignment for user", "Remove user assignment of selected access package", "leaver,mover", TaskParameter.Text("accessPackageId", required: true)),
            new TaskDefinition("42ae2956-193d-4f39-be06-691b8ac4fa1d", "Remove all access package assignments for user", "Remove all access packages assigned to the user", "leaver"),
            new TaskDefinition("498770d9-bab7-4e4c-b73d-5ded82a1d0b3", "Cancel pending access package assignment requests for user", "Cancel all pending access packages assignment requests for the user", "leaver,mover"),
            new TaskDefinition("aab41899-9972-422a-9d97-f626014578b7", "Send email to notify manager of user move", "Send email to notify user’s manager of user move", "mover", Email()),
            new TaskDefinition("683c87a4-2ad4-420b-97d4-220d90afcd24", "Assign licenses to user", "Assign selected licenses to the user", "joiner,mover", TaskParameter.Text("licenses", required: true)),
            new TaskDefinition("5fc402a8-daaf-4b7b-9203-da868b05fc5f", "Remove licenses from user", "Remove selected licenses assigned to the user", "leaver,mover", TaskParameter.Text("licenses", required: true)),
            new TaskDefinition("509589a4-0466-4471-829e-49c5e502bdee", "Revoke all refresh tokens for user", "Revoke all refresh tokens for user", "leaver,mover"),
        };

        public static TaskDefinition? Find(string? id) => All.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

        private static TaskParameter[] Email() => Email(Recipients);

        /// <summary>A mail task's own parameters, then the email parameters every mail task shares; "to" lists the recipients Graph suggests.</summary>
        private static TaskParameter[] Email(string[] recipients, params TaskParameter[] own) => own.Concat(new[]
        {
            TaskParameter.Text("cc"), TaskParameter.Text("customSubject"), TaskParameter.Text("customBody"), TaskParameter.Text("locale"), TaskParameter.Text("to", false, recipients),
        }).ToArray();
    }
}
