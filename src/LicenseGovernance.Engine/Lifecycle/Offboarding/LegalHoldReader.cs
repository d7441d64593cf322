using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;

namespace LicenseGovernance.Engine.Lifecycle.Offboarding
{
    /// <summary>
    /// The eDiscovery legal holds of the tenant (security/cases/ediscoveryCases, each case's legalHolds and their userSources),
    /// read once a run and asked per user: a user source names a held mailbox and OneDrive by e-mail address. Closed cases
    /// and disabled holds hold nothing.
    /// </summary>
    internal sealed class LegalHoldReader
    {
        public const string Capability = "ReadEdiscoveryHolds";

        private readonly GraphSession _session;
        private List<(string Case, string Hold, HashSet<string> Emails)>? _holds;
        private string? _refused;

        public LegalHoldReader(GraphSession session) => _session = session;

        /// <summary>Names each hold on the user ("case 'X', hold 'Y'"), or says why the holds could not be read.</summary>
        public async Task<(IReadOnlyList<string> Holds, string? Unreadable)> HoldsOfAsync(IEnumerable<string?> addresses, CancellationToken cancellation)
        {
            if (_holds == null && _refused == null)
            {
                await ReadAsync(cancellation).ConfigureAwait(false);
            }

            if (_refused != null)
            {
                return (Array.Empty<string>(), _refused);
            }

            var mine = new HashSet<string>(addresses.OfType<string>(), StringComparer.OrdinalIgnoreCase);
            return (_holds!.Where(h => h.Emails.Overlaps(mine)).Select(h => $"eDiscovery case '{h.Case}', legal hold '{h.Hold}'").ToList(), null);
        }

        private async Task ReadAsync(CancellationToken cancellation)
        {
            try
            {
                _holds = new List<(string, string, HashSet<string>)>();
                foreach (var ediscoveryCase in await ListAsync("/security/cases/ediscoveryCases", cancellation).ConfigureAwait(false))
                {
                    var caseId = GraphJsonPages.Text(ediscoveryCase, "id");
                    if (caseId == null || string.Equals(GraphJsonPages.Text(ediscoveryCase, "status"), "closed", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    await ReadHoldsAsync(caseId, GraphJsonPages.Text(ediscoveryCase, "displayName") ?? caseId, cancellation).ConfigureAwait(false);
                }
            }
            catch (LicenseGovernanceException ex) when (ex.Error.Id == ErrorIds.PermissionDenied)
            {
                _refused = ex.Error.Message;
            }
        }

        private async Task ReadHoldsAsync(string caseId, string caseName, CancellationToken cancellation)
        {
            foreach (var hold in await ListAsync($"/security/cases/ediscoveryCases/{caseId}/legalHolds", cancellation).ConfigureAwait(false))
            {
                var holdId = GraphJsonPages.Text(hold, "id");
                if (holdId == null || (hold.TryGetProperty("isEnabled", out var enabled) && enabled.ValueKind == System.Text.Json.JsonValueKind.False))
                {
                    continue;
                }

                var sources = await ListAsync($"/security/cases/ediscoveryCases/{caseId}/legalHolds/{holdId}/userSources", cancellation).ConfigureAwait(false);
                var emails = new HashSet<string>(sources.Select(s => GraphJsonPages.Text(s, "email")).OfType<string>(), StringComparer.OrdinalIgnoreCase);
                _holds!.Add((caseName, GraphJsonPages.Text(hold, "displayName") ?? holdId, emails));
            }
        }

        private Task<List<System.Text.Json.JsonElement>> ListAsync(string path, CancellationToken cancellation) =>
            GraphJsonPages.AllAsync(_session, "read eDiscovery legal holds", Capability, path, cancellation);
    }
}
