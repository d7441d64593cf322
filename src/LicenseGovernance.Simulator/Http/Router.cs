using System;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>A matched route: its template (for statistics and request cost) and what serves it.</summary>
    internal sealed class Route
    {
        public Route(string template, Func<RequestContext, SimResponse> handler)
        {
            Template = template;
            Handler = handler;
        }

        public string Template { get; }

        public Func<RequestContext, SimResponse> Handler { get; }
    }

    internal static partial class Router
    {
        /// <summary>Splits the path after /v1.0, turning users('x') key syntax into a plain segment.</summary>
        public static string[] Segments(string pathAfterVersion)
        {
            var raw = pathAfterVersion.Trim('/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < raw.Length; i++)
            {
                raw[i] = Uri.UnescapeDataString(raw[i]);
            }

            if (raw.Length > 0)
            {
                var first = raw[0];
                var open = first.IndexOf('(');
                if (open > 0 && first.EndsWith(")", StringComparison.Ordinal))
                {
                    var key = first.Substring(open + 1, first.Length - open - 2).Trim('\'');
                    var expanded = new string[raw.Length + 1];
                    expanded[0] = first.Substring(0, open);
                    expanded[1] = key;
                    Array.Copy(raw, 1, expanded, 2, raw.Length - 1);
                    return expanded;
                }
            }

            return raw;
        }

        public static Route Match(string method, string[] s)
        {
            var n = s.Length;
            var route = n == 0 ? null : s[0] switch
            {
                "users" => Users(method, s),
                "me" when n == 2 && s[1] == "sendMail" && method == "POST" => new Route("/me/sendMail", c => OffboardingRoutes.SendMail(c, null)),
                "drives" => Drives(method, s),
                "security" when n >= 3 && s[1] == "cases" && s[2] == "ediscoveryCases" && method == "GET" => Ediscovery(s),
                "groups" => Groups(method, s),
                "identityGovernance" => EntitlementRoutes.Match(method, s) ?? LifecycleWorkflowRoutes.Match(method, s) ?? AccessReviewRoutes.Match(method, s),
                "reports" or "admin" => ReportRoutes.Match(method, s),
                "subscribedSkus" when n == 1 && method == "GET" => new Route("/subscribedSkus", SkuRoutes.List),
                "subscribedSkus" when n == 2 && method == "GET" => new Route("/subscribedSkus/{id}", c => SkuRoutes.Get(c, s[1])),
                "$batch" when n == 1 && method == "POST" => new Route("/$batch", _ => throw new InvalidOperationException("$batch is dispatched by the pipeline.")),
                _ => null,
            };
            return route ?? throw new GraphServiceError(400, "BadRequest", $"Resource not found for the segment '{(n == 0 ? string.Empty : s[n - 1])}'.");
        }

        private static Route? Users(string method, string[] s)
        {
            switch (s.Length)
            {
                case 1:
                    return method == "GET" ? new Route("/users", UserRoutes.List)
                        : method == "POST" ? new Route("/users", UserRoutes.Create) : null;
                case 2 when s[1] == "$count":
                    return method == "GET" ? new Route("/users/$count", UserRoutes.Count) : null;
                case 2:
                    return method == "GET" ? new Route("/users/{id}", c => UserRoutes.Get(c, s[1]))
                        : method == "PATCH" ? new Route("/users/{id}", c => UserRoutes.Update(c, s[1])) : null;
                case 3:
                    return (method, s[2]) switch
                    {
                        ("GET", "manager") => new Route("/users/{id}/manager", c => UserRoutes.Manager(c, s[1])),
                        ("GET", "memberOf") => new Route("/users/{id}/memberOf", c => UserRoutes.MemberOf(c, s[1])),
                        ("GET", "licenseDetails") => new Route("/users/{id}/licenseDetails", c => UserRoutes.LicenseDetails(c, s[1])),
                        ("POST", "assignLicense") => new Route("/users/{id}/assignLicense", c => UserRoutes.AssignLicense(c, s[1])),
                        ("GET", "mailboxSettings") => new Route("/users/{id}/mailboxSettings", c => OffboardingRoutes.MailboxSettings(c, s[1], null)),
                        ("GET", "drive") => new Route("/users/{id}/drive", c => OffboardingRoutes.Drive(c, s[1])),
                        ("POST", "sendMail") => new Route("/users/{id}/sendMail", c => OffboardingRoutes.SendMail(c, s[1])),
                        ("POST", "revokeSignInSessions") => new Route("/users/{id}/revokeSignInSessions", c => UserRoutes.RevokeSignInSessions(c, s[1])),
                        ("POST", "reprocessLicenseAssignment") => new Route("/users/{id}/reprocessLicenseAssignment", c => UserRoutes.ReprocessLicenseAssignment(c, s[1])),
                        ("GET", "extensions") => new Route("/users/{id}/extensions", c => ExtensionRoutes.List(c, ExtensionRoutes.Owner.User, s[1])),
                        ("POST", "extensions") => new Route("/users/{id}/extensions", c => ExtensionRoutes.Create(c, ExtensionRoutes.Owner.User, s[1])),
                        _ => null,
                    };
                case 4 when s[2] == "extensions":
                    return Extension(method, "/users", ExtensionRoutes.Owner.User, s);
                case 4 when s[2] == "mailboxSettings" && s[3] == "userPurpose" && method == "GET":
                    return new Route("/users/{id}/mailboxSettings/userPurpose", c => OffboardingRoutes.MailboxSettings(c, s[1], "userPurpose"));
                case 5 when s[2] == "drive" && s[3] == "root" && s[4] == "invite" && method == "POST":
                    return new Route("/users/{id}/drive/root/invite", c => OffboardingRoutes.Invite(c, s[1], byUser: true));
                default:
                    return null;
            }
        }

        /// <summary>A OneDrive's root by drive id: /drives/{id}/items/root/… or /drives/{id}/root/….</summary>
        private static Route? Drives(string method, string[] s)
        {
            var root = s.Length >= 4 && (s[2] == "root" ? 3 : s.Length >= 5 && s[2] == "items" && s[3] == "root" ? 4 : -1) is var at && at > 0 && s.Length == at + 1 ? s[at] : null;
            return (method, root) switch
            {
                ("GET", "permissions") => new Route("/drives/{id}/items/root/permissions", c => OffboardingRoutes.RootPermissions(c, s[1])),
                ("POST", "invite") => new Route("/drives/{id}/items/root/invite", c => OffboardingRoutes.Invite(c, s[1], byUser: false)),
                _ => null,
            };
        }

        /// <summary>/security/cases/ediscoveryCases, a case's legalHolds, and a hold's userSources.</summary>
        private static Route? Ediscovery(string[] s) => s.Length switch
        {
            3 => new Route("/security/cases/ediscoveryCases", OffboardingRoutes.Cases),
            5 when s[4] == "legalHolds" => new Route("/security/cases/ediscoveryCases/{id}/legalHolds", c => OffboardingRoutes.LegalHolds(c, s[3])),
            7 when s[4] == "legalHolds" && s[6] == "userSources" => new Route("/security/cases/ediscoveryCases/{id}/legalHolds/{id}/userSources", c => OffboardingRoutes.UserSources(c, s[3], s[5])),
            _ => null,
        };

        /// <summary>GET, PATCH or DELETE of one open extension, on a group or a user alike.</summary>
        private static Route? Extension(string method, string collection, ExtensionRoutes.Owner owner, string[] s) => method switch
        {
            "GET" => new Route(collection + "/{id}/extensions/{id}", c => ExtensionRoutes.Get(c, owner, s[1], s[3])),
            "PATCH" => new Route(collection + "/{id}/extensions/{id}", c => ExtensionRoutes.Update(c, owner, s[1], s[3])),
            "DELETE" => new Route(collection + "/{id}/extensions/{id}", c => ExtensionRoutes.Delete(c, owner, s[1], s[3])),
            _ => null,
        };

        private static Route? Groups(string method, string[] s)
        {
            switch (s.Length)
            {
                case 1:
                    return method == "GET" ? new Route("/groups", GroupRoutes.List)
                        : method == "POST" ? new Route("/groups", GroupRoutes.Create) : null;
                case 2:
                    return method switch
                    {
                        "GET" => new Route("/groups/{id}", c => GroupRoutes.Get(c, s[1])),
                        "PATCH" => new Route("/groups/{id}", c => GroupRoutes.Update(c, s[1])),
                        "DELETE" => new Route("/groups/{id}", c => GroupRoutes.Delete(c, s[1])),
                        _ => null,
                    };
                case 3:
                    return (method, s[2]) switch
                    {
                        ("GET", "members") => new Route("/groups/{id}/members", c => GroupRoutes.Members(c, s[1], MemberView.All)),
                        ("GET", "membersWithLicenseErrors") => new Route("/groups/{id}/membersWithLicenseErrors", c => GroupRoutes.Members(c, s[1], MemberView.WithLicenseErrors)),
                        ("POST", "assignLicense") => new Route("/groups/{id}/assignLicense", c => GroupRoutes.AssignLicense(c, s[1])),
                        ("GET", "owners") => new Route("/groups/{id}/owners", c => GroupOwnerRoutes.List(c, s[1])),
                        ("GET", "appRoleAssignments") => new Route("/groups/{id}/appRoleAssignments", c => GroupRoutes.AppRoleAssignments(c, s[1])),
                        ("GET", "extensions") => new Route("/groups/{id}/extensions", c => ExtensionRoutes.List(c, ExtensionRoutes.Owner.Group, s[1])),
                        ("POST", "extensions") => new Route("/groups/{id}/extensions", c => ExtensionRoutes.Create(c, ExtensionRoutes.Owner.Group, s[1])),
                        _ => null,
                    };
                case 4 when s[2] == "extensions":
                    return Extension(method, "/groups", ExtensionRoutes.Owner.Group, s);
                case 4 when s[2] == "members":
                    // The SDKs write casts with Graph's short alias (graph.user); both spellings name the same type.
                    return (method, s[3].StartsWith("graph.", StringComparison.Ordinal) ? "microsoft." + s[3] : s[3]) switch
                    {
                        ("POST", "$ref") => new Route("/groups/{id}/members/$ref", c => GroupRoutes.AddMemberRef(c, s[1])),
                        ("GET", "microsoft.graph.user") => new Route("/groups/{id}/members/microsoft.graph.user", c => GroupRoutes.Members(c, s[1], MemberView.Users)),
                        ("GET", "microsoft.graph.group") => new Route("/groups/{id}/members/microsoft.graph.group", c => GroupRoutes.Members(c, s[1], MemberView.Groups)),
                        ("GET", var cast) when cast.StartsWith("microsoft.graph.", StringComparison.Ordinal) =>
                            new Route("/groups/{id}/members/{cast}", _ => throw GraphServiceError.UnsupportedQuery($"The type cast '{cast}' is not supported on this collection.")),
                        _ => null,
                    };
                case 4 when s[2] == "owners" && s[3] == "$ref" && method == "POST":
                    return new Route("/groups/{id}/owners/$ref", c => GroupOwnerRoutes.AddRef(c, s[1]));
                case 5 when s[2] == "owners" && s[4] == "$ref" && method == "DELETE":
                    return new Route("/groups/{id}/owners/{id}/$ref", c => GroupOwnerRoutes.RemoveRef(c, s[1], s[3]));
                case 5 when s[2] == "members" && s[4] == "$ref" && method == "DELETE":
                    return new Route("/groups/{id}/members/{id}/$ref", c => GroupRoutes.RemoveMemberRef(c, s[1], s[3]));
                default:
                    return null;
            }
        }
    }
}
