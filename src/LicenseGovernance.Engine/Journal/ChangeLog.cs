using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGovernance.Engine.Kernel;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>Get-LicenseChangeLog: the journal read back, filtered.</summary>
    internal static class ChangeLog
    {
        /// <summary>The journal's changes; the lines it could not read are named in one warning, and everything else is used.</summary>
        public static IReadOnlyList<JournalEntry> Load(JournalFile file, IGovernanceSink sink)
        {
            var contents = file.Read();
            if (contents.Unreadable > 0)
            {
                sink.WriteWarning($"{contents.Unreadable} line(s) of the change journal '{file.Path}' could not be read and were left out, the first at line {contents.FirstUnreadableLine} " +
                    "(a line cut short by a crash or still being written, or edited by hand). Every other change is shown and can be undone.");
            }

            return contents.Entries;
        }

        public static void Write(JournalFile file, GetChangeLogRequest request, string? connectedTenant, IGovernanceSink sink)
        {
            IEnumerable<JournalEntry> selected = Load(file, sink);
            if (!request.AllTenants && connectedTenant != null)
            {
                selected = selected.Where(e => string.Equals(e.TenantId, connectedTenant, StringComparison.OrdinalIgnoreCase));
            }

            if (request.Id != null && request.Id.Length > 0)
            {
                var ids = new HashSet<Guid>(request.Id);
                selected = selected.Where(e => ids.Contains(e.Id));
            }

            if (request.Since != null)
            {
                selected = selected.Where(e => e.Time >= request.Since.Value);
            }

            if (request.Until != null)
            {
                selected = selected.Where(e => e.Time <= request.Until.Value);
            }

            if (request.Operation != null && request.Operation.Length > 0)
            {
                selected = selected.Where(e => request.Operation.Any(p => WildcardPattern.IsMatch(p, e.Operation)));
            }

            if (!string.IsNullOrEmpty(request.Target))
            {
                selected = selected.Where(e => WildcardPattern.IsMatch(request.Target!, e.TargetId) || WildcardPattern.IsMatch(request.Target!, e.TargetName));
            }

            if (request.CorrelationId != null)
            {
                selected = selected.Where(e => e.CorrelationId == request.CorrelationId.Value);
            }

            var list = selected.ToList();
            if (request.Last != null && list.Count > request.Last.Value)
            {
                list = list.Skip(list.Count - request.Last.Value).ToList();
            }

            foreach (var entry in list)
            {
                sink.WriteObject(entry.ToOutput());
            }
        }
    }
}
