using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Usage;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// Microsoft 365 usage reports (graph-contract §7.3): getOffice365ActiveUserDetail and getM365AppUserDetail answer with
    /// 302 to a short-lived pre-authenticated CSV download; getM365AppUserDetail also serves JSON with $format=application/json,
    /// as v1.0 documents. GET/PATCH /admin/reportSettings carries displayConcealedNames.
    /// </summary>
    internal static class ReportRoutes
    {
        private const string ActiveUserDetail = "getOffice365ActiveUserDetail";
        private const string AppUserDetail = "getM365AppUserDetail";
        private const int JsonPageSize = 200;

        private static readonly string[] ReportsRead = { "Reports.Read.All" };
        private static readonly string[] SettingsRead = { "ReportSettings.Read.All", "ReportSettings.ReadWrite.All" };
        private static readonly string[] SettingsWrite = { "ReportSettings.ReadWrite.All" };

        public static Route? Match(string method, string[] s)
        {
            if (s[0] == "admin")
            {
                return s.Length == 2 && s[1] == "reportSettings"
                    ? method switch
                    {
                        "GET" => new Route("/admin/reportSettings", GetSettings),
                        "PATCH" => new Route("/admin/reportSettings", UpdateSettings),
                        _ => null,
                    }
                    : null;
            }

            if (s.Length != 2 || method != "GET")
            {
                return null;
            }

            var open = s[1].IndexOf('(');
            if (open < 0 || !s[1].EndsWith(")", StringComparison.Ordinal))
            {
                return null;
            }

            var function = s[1].Substring(0, open);
            var arguments = s[1].Substring(open + 1, s[1].Length - open - 2);
            return function switch
            {
                ActiveUserDetail => new Route("/reports/" + ActiveUserDetail, c => ActiveUsers(c, arguments)),
                AppUserDetail => new Route("/reports/" + AppUserDetail, c => AppUsers(c, arguments)),
                _ => null,
            };
        }

        /// <summary>The download a report's Location points to; served before authentication, since the URL is the credential.</summary>
        public static SimResponse Download(SimulatedTenant tenant, SimRequest request)
        {
            var token = request.Uri.AbsolutePath.Substring(ReportDownloads.PathPrefix.Length);
            var body = tenant.Store.ReportDownloads.Get(token, tenant.Clock.UtcNow);
            return body == null
                ? new SimResponse(404, Encoding.UTF8.GetBytes("The download link is unknown or has expired. Request the report again."), "text/plain")
                : new SimResponse(200, body, "application/octet-stream");
        }

        private static SimResponse ActiveUsers(RequestContext c, string arguments)
        {
            RequireReports(c);
            // Validated only: this report's last-activity dates are the latest ever, whatever the period (see the README).
            Period(arguments, ActiveUserDetail);
            if (string.Equals(c.Query.Format, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                throw new GraphServiceError(400, "BadRequest", $"$format=application/json is not supported by {ActiveUserDetail} in v1.0; use text/csv.");
            }

            var csv = c.Store.Read(() =>
            {
                var conceal = c.Store.DisplayConcealedNames;
                var refresh = UsageReportBuilder.RefreshDate(c.Now);
                return WriteCsv(csv =>
                {
                    foreach (var h in new[] { "Report Refresh Date", "User Principal Name", "Display Name", "Is Deleted", "Deleted Date" }
                        .Concat(UsageReportBuilder.Workloads.Select(w => $"Has {w} License"))
                        .Concat(UsageReportBuilder.Workloads.Select(w => $"{w} Last Activity Date"))
                        .Concat(UsageReportBuilder.Workloads.Select(w => $"{w} License Assign Date"))
                        .Concat(new[] { "Assigned Products" }))
                    {
                        csv.WriteField(h);
                    }

                    csv.NextRecord();
                    foreach (var row in UsageReportBuilder.ActiveUsers(c.Store, refresh, conceal, c.Tenant.TenantId))
                    {
                        csv.WriteField(Day(refresh));
                        csv.WriteField(row.UserPrincipalName);
                        csv.WriteField(row.DisplayName);
                        csv.WriteField("False");
                        csv.WriteField(string.Empty);
                        foreach (var has in row.HasLicense)
                        {
                            csv.WriteField(has ? "True" : "False");
                        }

                        foreach (var last in row.LastActivity)
                        {
                            csv.WriteField(Day(last));
                        }

                        foreach (var assigned in row.LicenseAssignDate)
                        {
                            csv.WriteField(Day(assigned));
                        }

                        csv.WriteField(row.AssignedProducts);
                        csv.NextRecord();
                    }
                });
            });

            return Redirect(c, csv);
        }

        private static SimResponse AppUsers(RequestContext c, string arguments)
        {
            RequireReports(c);
            var days = Period(arguments, AppUserDetail);
            var format = c.Query.Format ?? "text/csv";
            if (string.Equals(format, "application/json", StringComparison.OrdinalIgnoreCase))
            {
                return AppUsersJson(c, days);
            }

            if (!string.Equals(format, "text/csv", StringComparison.OrdinalIgnoreCase))
            {
                throw new GraphServiceError(400, "BadRequest", $"Invalid $format '{format}'. Supported values are text/csv and application/json.");
            }

            var csv = c.Store.Read(() =>
            {
                var conceal = c.Store.DisplayConcealedNames;
                var refresh = UsageReportBuilder.RefreshDate(c.Now);
                return WriteCsv(csv =>
                {
                    foreach (var h in new[] { "Report Refresh Date", "User Principal Name", "Last Activation Date", "Last Activity Date", "Report Period" }
                        .Concat(UsageReportBuilder.Platforms).Concat(UsageReportBuilder.Apps).Concat(UsageReportBuilder.AppColumns))
                    {
                        csv.WriteField(h);
                    }

                    csv.NextRecord();
                    foreach (var user in UsageReportBuilder.ReportedUsers(c.Store, refresh))
                    {
                        var row = UsageReportBuilder.AppUser(user, refresh, days, conceal, c.Tenant.TenantId);
                        csv.WriteField(Day(refresh));
                        csv.WriteField(row.UserPrincipalName);
                        csv.WriteField(Day(row.LastActivation));
                        csv.WriteField(Day(row.LastActivity));
                        csv.WriteField(days.ToString(CultureInfo.InvariantCulture));
                        foreach (var platform in UsageReportBuilder.Platforms)
                        {
                            csv.WriteField(YesNo(UsageReportBuilder.Apps.Any(a => row.Used[$"{a} ({platform})"])));
                        }

                        foreach (var app in UsageReportBuilder.Apps)
                        {
                            csv.WriteField(YesNo(UsageReportBuilder.Platforms.Any(p => row.Used[$"{app} ({p})"])));
                        }

                        foreach (var column in UsageReportBuilder.AppColumns)
                        {
                            csv.WriteField(YesNo(row.Used[column]));
                        }

                        csv.NextRecord();
                    }
                });
            });

            return Redirect(c, csv);
        }

        private static SimResponse AppUsersJson(RequestContext c, int days)
        {
            var top = c.Query.Top ?? JsonPageSize;
            if (top < 1 || top > JsonPageSize)
            {
                throw new GraphServiceError(400, "BadRequest", $"Invalid page size specified: '{top}'. Must be between 1 and {JsonPageSize} inclusive.");
            }

            var start = 0;
            if (c.Query.SkipToken != null && !int.TryParse(c.Query.SkipToken, NumberStyles.None, CultureInfo.InvariantCulture, out start))
            {
                throw new GraphServiceError(400, "BadRequest", "The $skiptoken is not valid for this report.");
            }

            var body = c.Store.Read(() =>
            {
                var conceal = c.Store.DisplayConcealedNames;
                var refresh = UsageReportBuilder.RefreshDate(c.Now);
                var users = UsageReportBuilder.ReportedUsers(c.Store, refresh).Skip(start).Take(top + 1).ToList();
                return GraphJson.Write(w =>
                {
                    w.WriteStartObject();
                    if (users.Count > top)
                    {
                        var query = string.Join("&", c.Query.RawPairsWithoutSkipToken.Concat(new[] { "$skiptoken=" + (start + top).ToString(CultureInfo.InvariantCulture) }));
                        w.WriteString("@odata.nextLink", c.Request.Uri.GetLeftPart(UriPartial.Path) + "?" + query);
                    }

                    w.WriteStartArray("value");
                    foreach (var user in users.Take(top))
                    {
                        var row = UsageReportBuilder.AppUser(user, refresh, days, conceal, c.Tenant.TenantId);
                        w.WriteStartObject();
                        w.WriteString("reportRefreshDate", Day(refresh));
                        w.WriteString("userPrincipalName", row.UserPrincipalName);
                        NullableDay(w, "lastActivationDate", row.LastActivation);
                        NullableDay(w, "lastActivityDate", row.LastActivity);
                        w.WriteStartArray("details");
                        w.WriteStartObject();
                        w.WriteNumber("reportPeriod", days);
                        foreach (var platform in UsageReportBuilder.Platforms)
                        {
                            w.WriteBoolean(Camel(platform), UsageReportBuilder.Apps.Any(a => row.Used[$"{a} ({platform})"]));
                        }

                        foreach (var app in UsageReportBuilder.Apps)
                        {
                            w.WriteBoolean(Camel(app), UsageReportBuilder.Platforms.Any(p => row.Used[$"{app} ({p})"]));
                        }

                        foreach (var platform in UsageReportBuilder.Platforms)
                        {
                            foreach (var app in UsageReportBuilder.Apps)
                            {
                                w.WriteBoolean(Camel(app) + platform, row.Used[$"{app} ({platform})"]);
                            }
                        }

                        w.WriteEndObject();
                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            });
            return new SimResponse(200, body);
        }

        private static SimResponse GetSettings(RequestContext c)
        {
            RequireSettings(c, SettingsRead);
            var conceal = c.Store.DisplayConcealedNames;
            return new SimResponse(200, GraphJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("@odata.context", c.ServiceRoot + "/$metadata#admin/reportSettings/$entity");
                w.WriteString("@odata.type", "#microsoft.graph.adminReportSettings");
                w.WriteBoolean("displayConcealedNames", conceal);
                w.WriteEndObject();
            }));
        }

        private static SimResponse UpdateSettings(RequestContext c)
        {
            RequireSettings(c, SettingsWrite);
            using var doc = GraphJson.ParseBody(c.Request);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("displayConcealedNames", out var value)
                || (value.ValueKind != JsonValueKind.True && value.ValueKind != JsonValueKind.False))
            {
                throw new GraphServiceError(400, "BadRequest", "A value is required for property 'displayConcealedNames' of resource 'adminReportSettings', as a JSON boolean.");
            }

            c.Store.DisplayConcealedNames = value.GetBoolean();
            return SimResponse.NoContent();
        }

        // Reports and report settings word a missing permission as an S2S error wrapped in UnknownError (seen in the field).
        private static void RequireReports(RequestContext c) => RequireSettings(c, ReportsRead);

        private static void RequireSettings(RequestContext c, string[] accepted)
        {
            if (!c.HasPermission(accepted))
            {
                throw new GraphServiceError(403, "UnknownError", "{\"error\":{\"code\":\"S2SUnauthorized\",\"message\":\"Invalid permission.\"}}");
            }
        }

        private static int Period(string arguments, string function)
        {
            var eq = arguments.IndexOf('=');
            var name = eq < 0 ? string.Empty : arguments.Substring(0, eq).Trim();
            var value = eq < 0 ? string.Empty : arguments.Substring(eq + 1).Trim().Trim('\'');
            if (string.Equals(name, "date", StringComparison.Ordinal))
            {
                // One last-activity date per workload cannot say who was active on an earlier day.
                throw new GraphServiceError(501, "NotImplemented", $"{function}(date=…) is not served by the simulated tenant; use period='D7', 'D30', 'D90' or 'D180'.");
            }

            if (!string.Equals(name, "period", StringComparison.Ordinal))
            {
                throw new GraphServiceError(400, "BadRequest", $"{function} needs a period parameter, for example {function}(period='D7').");
            }

            switch (value)
            {
                case "D7": return 7;
                case "D30": return 30;
                case "D90": return 90;
                case "D180": return 180;
                default:
                    throw new GraphServiceError(400, "BadRequest", $"Invalid period '{value}'. Supported values are D7, D30, D90 and D180.");
            }
        }

        /// <summary>
        /// 302 to the download. In process it is on reports.office.com, as Graph's are, so the SDK's redirect handler drops
        /// the Authorization header for the other host as it does in production; on loopback only the listener can answer,
        /// so the download stays on the request's own host (and the SDK keeps the header, which the download ignores).
        /// </summary>
        private static SimResponse Redirect(RequestContext c, byte[] csv)
        {
            var token = c.Store.ReportDownloads.Add(csv, c.Now);
            var host = c.Request.Uri.IsLoopback ? c.Request.Uri.GetLeftPart(UriPartial.Authority) : ReportDownloads.GraphDownloadHost;
            return new SimResponse(302).With("Location", host + ReportDownloads.PathPrefix + token);
        }

        /// <summary>UTF-8 with a byte order mark, as report downloads are.</summary>
        private static byte[] WriteCsv(Action<CsvWriter> write)
        {
            using var stream = new MemoryStream();
            using (var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture)))
            {
                write(csv);
            }

            return stream.ToArray();
        }

        private static string Day(DateTime? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

        private static void NullableDay(Utf8JsonWriter w, string name, DateTime? day)
        {
            if (day.HasValue)
            {
                w.WriteString(name, Day(day));
            }
            else
            {
                w.WriteNull(name);
            }
        }

        private static string YesNo(bool value) => value ? "Yes" : "No";

        private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
    }
}
