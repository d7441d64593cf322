using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LicenseGovernance.Engine.Graph;
using LicenseGovernance.Hosting;
using LicenseGovernance.Requests;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>
    /// The users and groups whose name starts with what was typed, for tab completion: one short page per kind, filtered
    /// by Graph (startswith on displayName and userPrincipalName is a default query, so no ConsistencyLevel is needed).
    /// </summary>
    internal static class DirectoryNames
    {
        public static async Task WriteAsync(GraphSession session, DirectoryNameRequest request, IGovernanceSink sink)
        {
            var top = Math.Max(1, Math.Min(request.Top, DirectoryNameRequest.MaxTop));
            var prefix = AccessPackageDirectory.Escape(request.Prefix.Trim());
            var cancellation = sink.Cancellation;
            if (request.Users)
            {
                var filter = prefix.Length == 0 ? null : $"startswith(userPrincipalName,'{prefix}') or startswith(displayName,'{prefix}')";
                var page = await session.CallAsync("find users for completion", "ReadUsers", c => c.Users.GetAsync(r =>
                {
                    r.QueryParameters.Select = new[] { "id", "userPrincipalName", "displayName" };
                    r.QueryParameters.Filter = filter;
                    r.QueryParameters.Top = top;
                }, cancellation), cancellation).ConfigureAwait(false);
                foreach (var user in page?.Value ?? new List<Microsoft.Graph.Models.User>())
                {
                    sink.WriteObject(new DirectoryName { Name = user.UserPrincipalName ?? user.Id!, DisplayName = user.DisplayName, Kind = DirectoryNameKind.User, Id = user.Id! });
                }
            }

            if (request.Groups)
            {
                var filter = prefix.Length == 0 ? null : $"startswith(displayName,'{prefix}')";
                var page = await session.CallAsync("find groups for completion", "ReadGroups", c => c.Groups.GetAsync(r =>
                {
                    r.QueryParameters.Select = new[] { "id", "displayName", "description" };
                    r.QueryParameters.Filter = filter;
                    r.QueryParameters.Top = top;
                }, cancellation), cancellation).ConfigureAwait(false);
                foreach (var group in page?.Value ?? new List<Microsoft.Graph.Models.Group>())
                {
                    sink.WriteObject(new DirectoryName { Name = group.DisplayName ?? group.Id!, DisplayName = group.Description, Kind = DirectoryNameKind.Group, Id = group.Id! });
                }
            }
        }
    }
}
