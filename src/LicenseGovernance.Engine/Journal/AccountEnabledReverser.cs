using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>Puts a user's sign-in back as it was before a journaled accountEnabled change (an offboarding's re-enable).</summary>
    internal sealed class AccountEnabledReverser : IChangeReverser
    {
        public string Operation => ChangeIntents.UserAccountEnabled;

        public bool CanRead(JournalEntry change) => Guid.TryParse(change.TargetId, out _) && Enabled(change.Before) != null && Enabled(change.After) != null;

        public string Subject(JournalEntry change) => "user/" + change.TargetId.ToLowerInvariant() + "/accountEnabled";

        public async Task<ReversalPlan> PlanAsync(GraphSession session, JournalEntry change, bool force, CancellationToken cancellation)
        {
            var before = Enabled(change.Before)!.Value;
            var user = await session.CallOrNotFoundAsync("read the sign-in of " + change.TargetLabel, "ReadUsers",
                c => c.Users[change.TargetId].GetAsync(r => r.QueryParameters.Select = new[] { "id", "userPrincipalName", "accountEnabled" }, cancellation),
                cancellation).ConfigureAwait(false);
            if (user == null)
            {
                return ReversalPlan.Conflict(TargetState.Neither, $"the user {change.TargetLabel} no longer exists.");
            }

            var now = user.AccountEnabled ?? true;
            if (now == before)
            {
                return ReversalPlan.NothingToDo(TargetState.Before, $"{change.TargetLabel}'s sign-in is {Word(before)} already.");
            }

            var userId = Guid.Parse(change.TargetId);
            var name = user.UserPrincipalName ?? change.TargetName;
            return ReversalPlan.Reverse(TargetState.After, $"{(before ? "enable" : "disable")} sign-in of {change.TargetLabel}",
                ChangeIntents.SetAccountEnabled(userId, name, now, before),
                async ct =>
                {
                    await UserAccountWriter.SendEnabledAsync(session, userId, name, before, ct).ConfigureAwait(false);
                    return true;
                });
        }

        private static string Word(bool enabled) => enabled ? "enabled" : "blocked";

        private static bool? Enabled(JsonElement? state) =>
            state is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("accountEnabled", out var v) && (v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False)
                ? v.GetBoolean()
                : null;
    }
}
