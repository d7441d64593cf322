using System;

namespace LicenseGovernance.Simulator.Throttling
{
    /// <summary>Resource-unit costs of identity requests (graph-contract §8.2).</summary>
    public static class RequestCost
    {
        private const string GetByIds = "/directoryObjects/getByIds";

        /// <param name="pathTemplate">The route with ids as placeholders, for example "/groups/{id}/members".</param>
        public static int ResourceUnits(string method, string pathTemplate, bool hasSelect, bool hasExpand, int? top)
        {
            if (method == null)
            {
                throw new ArgumentNullException(nameof(method));
            }

            if (pathTemplate == null)
            {
                throw new ArgumentNullException(nameof(pathTemplate));
            }

            string path = pathTemplate.TrimEnd('/');
            int cost = BaseCost(method, path);
            if (hasSelect)
            {
                cost--;
            }

            if (hasExpand)
            {
                cost++;
            }

            if (top.HasValue && top.Value < 20)
            {
                cost--;
            }

            return Math.Max(1, cost);
        }

        /// <summary>A read of users that selects or filters signInActivity, which Graph meters against a quota of its own.</summary>
        public static bool ReadsSignInActivity(string method, string pathTemplate, string[]? select, string? filter)
        {
            if (!Is(method, "GET") || !pathTemplate.StartsWith("/users", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return (select != null && Array.Exists(select, p => Is(p.Trim(), "signInActivity")))
                || (filter != null && filter.IndexOf("signInActivity", StringComparison.OrdinalIgnoreCase) >= 0);
        }

        public static bool IsWrite(string method)
        {
            return Is(method, "POST") || Is(method, "PATCH") || Is(method, "PUT") || Is(method, "DELETE");
        }

        /// <summary>Like <see cref="IsWrite(string)"/>, but knows the POST actions that only read, such as getByIds.</summary>
        public static bool IsWrite(string method, string pathTemplate)
        {
            return IsWrite(method) && !(Is(method, "POST") && Is(pathTemplate.TrimEnd('/'), GetByIds));
        }

        private static int BaseCost(string method, string path)
        {
            if (Is(method, "POST") && Is(path, GetByIds))
            {
                return 3;
            }

            if (!Is(method, "GET"))
            {
                return 1;
            }

            if (Is(path, "/users"))
            {
                return 2;
            }

            if (Is(path, "/subscribedSkus"))
            {
                return 3;
            }

            if (Under(path, "/groups/", "/members"))
            {
                return 3;
            }

            if (Under(path, "/groups/", "/transitiveMembers"))
            {
                return 5;
            }

            if (Ends(path, "/licenseDetails") || Ends(path, "/memberOf") || Ends(path, "/transitiveMemberOf"))
            {
                return 2;
            }

            return 1;
        }

        private static bool Is(string value, string expected)
        {
            return string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
        }

        private static bool Ends(string path, string suffix)
        {
            return path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>True for "/groups/{id}/members" but not for deeper paths such as "/groups/{id}/members/$ref".</summary>
        private static bool Under(string path, string prefix, string suffix)
        {
            return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && Ends(path, suffix)
                && path.IndexOf('/', prefix.Length) == path.Length - suffix.Length;
        }
    }
}
