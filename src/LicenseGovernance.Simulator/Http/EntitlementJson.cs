using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;
using LicenseGovernance.Simulator.Model.Entitlement;

namespace LicenseGovernance.Simulator.Http
{
    /// <summary>
    /// Reads entitlement-management bodies as strictly as Graph does (unknown enum values, wrong types and missing
    /// required parts are a 400, never silently dropped) and writes the entities back in Graph's v1.0 shape.
    /// </summary>
    internal static class EntitlementJson
    {
        private static readonly string[] TargetScopes =
        {
            "notSpecified", "specificDirectoryUsers", "specificConnectedOrganizationUsers", "specificDirectoryServicePrincipals", "allMemberUsers",
            "allDirectoryUsers", "allDirectoryServicePrincipals", "allConfiguredConnectedOrganizationUsers", "allExternalUsers",
        };

        private static readonly string[] SubjectSetTypes = { "singleUser", "groupMembers", "requestorManager", "internalSponsors", "externalSponsors", "targetUserSponsors", "attributeRuleMembers", "connectedOrganizationMembers" };

        private static readonly string[] ExpirationTypes = { "notSpecified", "noExpiration", "afterDateTime", "afterDuration" };

        public static SimulatedAssignmentPolicy ReadPolicy(JsonElement body, bool requirePackage)
        {
            RequireObject(body, "accessPackageAssignmentPolicy");
            var policy = new SimulatedAssignmentPolicy
            {
                DisplayName = String(body, "displayName") ?? throw Invalid("displayName", "accessPackageAssignmentPolicy", "is required"),
                Description = String(body, "description"),
            };
            if (body.TryGetProperty("accessPackage", out var package) && package.ValueKind == JsonValueKind.Object && Guid.TryParse(String(package, "id"), out var packageId))
            {
                policy.AccessPackageId = packageId;
            }
            else if (requirePackage)
            {
                throw Invalid("accessPackage", "accessPackageAssignmentPolicy", "must name the access package ({\"id\": ...})");
            }

            policy.AllowedTargetScope = Enum(body, "allowedTargetScope", TargetScopes) ?? "notSpecified";
            policy.SpecificAllowedTargets = SubjectSets(body, "specificAllowedTargets");
            if (policy.AllowedTargetScope == "specificDirectoryUsers" && policy.SpecificAllowedTargets.Count == 0)
            {
                throw Invalid("specificAllowedTargets", "accessPackageAssignmentPolicy", "must list at least one subject set when allowedTargetScope is specificDirectoryUsers");
            }

            if (policy.AllowedTargetScope.StartsWith("all", StringComparison.Ordinal) && policy.SpecificAllowedTargets.Count > 0)
            {
                throw Invalid("specificAllowedTargets", "accessPackageAssignmentPolicy", $"must be empty when allowedTargetScope is {policy.AllowedTargetScope}");
            }

            if (body.TryGetProperty("expiration", out var expiration) && expiration.ValueKind != JsonValueKind.Null)
            {
                ReadExpiration(expiration, out var type, out var duration, out var end);
                (policy.ExpirationType, policy.ExpirationDuration, policy.ExpirationEndDateTime) = (type, duration, end);
            }

            if (body.TryGetProperty("requestorSettings", out var requestor) && requestor.ValueKind != JsonValueKind.Null)
            {
                RequireObject(requestor, "accessPackageAssignmentRequestorSettings");
                policy.EnableTargetsToSelfAddAccess = Bool(requestor, "enableTargetsToSelfAddAccess");
                policy.EnableTargetsToSelfUpdateAccess = Bool(requestor, "enableTargetsToSelfUpdateAccess");
                policy.EnableTargetsToSelfRemoveAccess = Bool(requestor, "enableTargetsToSelfRemoveAccess");
                policy.AllowCustomAssignmentSchedule = Bool(requestor, "allowCustomAssignmentSchedule");
                if (Bool(requestor, "enableOnBehalfRequestorsToAddAccess"))
                {
                    throw Invalid("enableOnBehalfRequestorsToAddAccess", "accessPackageAssignmentRequestorSettings", "is not supported by the simulated tenant");
                }
            }

            if (policy.EnableTargetsToSelfAddAccess && policy.AllowedTargetScope == "notSpecified")
            {
                throw Invalid("allowedTargetScope", "accessPackageAssignmentPolicy", "must say who may request when enableTargetsToSelfAddAccess is true");
            }

            if (body.TryGetProperty("requestApprovalSettings", out var approval) && approval.ValueKind != JsonValueKind.Null)
            {
                RequireObject(approval, "accessPackageAssignmentApprovalSettings");
                policy.IsApprovalRequiredForAdd = Bool(approval, "isApprovalRequiredForAdd");
                policy.IsApprovalRequiredForUpdate = Bool(approval, "isApprovalRequiredForUpdate");
                policy.IsRequestorJustificationRequired = Bool(approval, "isRequestorJustificationRequired");
                if (approval.TryGetProperty("stages", out var stages) && stages.ValueKind != JsonValueKind.Null)
                {
                    if (stages.ValueKind != JsonValueKind.Array)
                    {
                        throw Invalid("stages", "accessPackageAssignmentApprovalSettings", "must be an array");
                    }

                    policy.Stages = stages.EnumerateArray().Select(ReadStage).ToList();
                }
            }

            var approvalRequired = policy.IsApprovalRequiredForAdd || policy.IsApprovalRequiredForUpdate;
            if (approvalRequired && (policy.Stages.Count < 1 || policy.Stages.Count > 3))
            {
                throw Invalid("stages", "accessPackageAssignmentApprovalSettings", "must hold one to three stages when approval is required");
            }

            if (!approvalRequired && policy.Stages.Count > 0)
            {
                throw Invalid("stages", "accessPackageAssignmentApprovalSettings", "must be empty when no approval is required");
            }

            if (body.TryGetProperty("reviewSettings", out var review) && review.ValueKind != JsonValueKind.Null)
            {
                policy.Review = ReadReview(review);
                policy.ReviewSettingsJson = review.GetRawText();
            }

            foreach (var unsupported in new[] { "automaticRequestSettings", "customExtensionStageSettings" })
            {
                if (body.TryGetProperty(unsupported, out var value) && value.ValueKind != JsonValueKind.Null && !(value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0))
                {
                    throw Invalid(unsupported, "accessPackageAssignmentPolicy", "is not supported by the simulated tenant");
                }
            }

            return policy;
        }

        private static SimulatedApprovalStageSettings ReadStage(JsonElement stage)
        {
            RequireObject(stage, "accessPackageApprovalStage");
            var settings = new SimulatedApprovalStageSettings
            {
                DurationBeforeAutomaticDenial = String(stage, "durationBeforeAutomaticDenial") ?? "P14D",
                IsApproverJustificationRequired = Bool(stage, "isApproverJustificationRequired"),
                IsEscalationEnabled = Bool(stage, "isEscalationEnabled"),
                PrimaryApprovers = SubjectSets(stage, "primaryApprovers"),
                FallbackPrimaryApprovers = SubjectSets(stage, "fallbackPrimaryApprovers"),
            };
            var timeout = DurationOf(settings.DurationBeforeAutomaticDenial, "durationBeforeAutomaticDenial");
            if (timeout < TimeSpan.FromDays(1) || timeout > TimeSpan.FromDays(14))
            {
                throw Invalid("durationBeforeAutomaticDenial", "accessPackageApprovalStage", "must be between one and 14 days");
            }

            if (settings.PrimaryApprovers.Count == 0)
            {
                throw Invalid("primaryApprovers", "accessPackageApprovalStage", "must name at least one approver");
            }

            if (settings.IsEscalationEnabled)
            {
                throw Invalid("isEscalationEnabled", "accessPackageApprovalStage", "escalation is not supported by the simulated tenant");
            }

            return settings;
        }

        /// <summary>The review settings checked as Graph checks them, typed; null when reviews are not enabled.</summary>
        private static SimulatedReviewSettings? ReadReview(JsonElement review)
        {
            RequireObject(review, "accessPackageAssignmentReviewSettings");
            if (!Bool(review, "isEnabled"))
            {
                return null;
            }

            var behaviour = Enum(review, "expirationBehavior", new[] { "keepAccess", "removeAccess", "acceptAccessRecommendation" });
            if (!review.TryGetProperty("schedule", out var schedule) || schedule.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("schedule", "accessPackageAssignmentReviewSettings", "is required when reviews are enabled");
            }

            if (!schedule.TryGetProperty("recurrence", out var recurrence) || recurrence.ValueKind != JsonValueKind.Object
                || !recurrence.TryGetProperty("pattern", out var pattern) || pattern.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("recurrence", "entitlementManagementSchedule", "needs a pattern");
            }

            var type = Enum(pattern, "type", new[] { "daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly" });
            if (type != "weekly" && type != "absoluteMonthly")
            {
                throw Invalid("type", "recurrencePattern", "must be weekly or absoluteMonthly for access reviews");
            }

            if (!pattern.TryGetProperty("interval", out var interval) || interval.ValueKind != JsonValueKind.Number || interval.GetInt32() < 1)
            {
                throw Invalid("interval", "recurrencePattern", "must be a positive number");
            }

            var settings = new SimulatedReviewSettings
            {
                ExpirationBehavior = behaviour ?? "keepAccess",
                IsReviewerJustificationRequired = Bool(review, "isReviewerJustificationRequired"),
                IsSelfReview = Bool(review, "isSelfReview"),
                PrimaryReviewers = SubjectSets(review, "primaryReviewers"),
                FallbackReviewers = SubjectSets(review, "fallbackReviewers"),
                StartDateTime = Date(schedule, "startDateTime") ?? throw Invalid("startDateTime", "entitlementManagementSchedule", "is required for reviews"),
                PatternType = type,
                Interval = interval.GetInt32(),
            };
            if (schedule.TryGetProperty("expiration", out var expiration) && expiration.ValueKind == JsonValueKind.Object)
            {
                ReadExpiration(expiration, out var expirationType, out var duration, out _);
                settings.Duration = expirationType == "afterDuration" ? DurationOf(duration!, "duration") : settings.Duration;
            }

            if (!settings.IsSelfReview && settings.PrimaryReviewers.Count == 0)
            {
                throw Invalid("primaryReviewers", "accessPackageAssignmentReviewSettings", "must name a reviewer unless isSelfReview is true");
            }

            return settings;
        }

        public static void ReadExpiration(JsonElement expiration, out string type, out string? duration, out DateTimeOffset? end)
        {
            RequireObject(expiration, "expirationPattern");
            type = Enum(expiration, "type", ExpirationTypes) ?? throw Invalid("type", "expirationPattern", "is required");
            duration = String(expiration, "duration");
            end = Date(expiration, "endDateTime");
            switch (type)
            {
                case "afterDuration":
                    if (duration == null || end != null)
                    {
                        throw Invalid("duration", "expirationPattern", "is required with afterDuration, and endDateTime must not be present");
                    }

                    if (DurationOf(duration, "duration") <= TimeSpan.Zero)
                    {
                        throw Invalid("duration", "expirationPattern", "must be positive");
                    }

                    break;
                case "afterDateTime":
                    if (end == null || duration != null)
                    {
                        throw Invalid("endDateTime", "expirationPattern", "is required with afterDateTime, and duration must not be present");
                    }

                    break;
                default:
                    if (duration != null || end != null)
                    {
                        throw Invalid("type", "expirationPattern", $"'{type}' takes neither duration nor endDateTime");
                    }

                    type = "noExpiration";
                    break;
            }
        }

        private static TimeSpan DurationOf(string iso, string property)
        {
            try
            {
                return System.Xml.XmlConvert.ToTimeSpan(iso);
            }
            catch (FormatException)
            {
                throw Invalid(property, "expirationPattern", $"'{iso}' is not an ISO 8601 duration");
            }
        }

        public static List<SimulatedSubjectSet> SubjectSets(JsonElement parent, string name)
        {
            var sets = new List<SimulatedSubjectSet>();
            if (!parent.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
            {
                return sets;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(name, "subjectSet", "must be an array");
            }

            foreach (var item in array.EnumerateArray())
            {
                RequireObject(item, "subjectSet");
                var type = (String(item, "@odata.type") ?? "").TrimStart('#');
                type = type.StartsWith("microsoft.graph.", StringComparison.Ordinal) ? type.Substring("microsoft.graph.".Length) : "";
                if (!SubjectSetTypes.Contains(type))
                {
                    // subjectSet is abstract: without a known @odata.type Graph cannot tell which kind is meant.
                    throw new GraphServiceError(400, "BadRequest", $"Invalid @odata.type '{String(item, "@odata.type")}' in '{name}': a subject set must be one of {string.Join(", ", SubjectSetTypes.Select(t => "#microsoft.graph." + t))}.");
                }

                var set = new SimulatedSubjectSet { Type = type, UserId = String(item, "userId"), GroupId = String(item, "groupId"), Description = String(item, "description") };
                if (type == "singleUser" && !Guid.TryParse(set.UserId, out _))
                {
                    throw Invalid("userId", "singleUser", "must be a user's object id");
                }

                if (type == "groupMembers" && !Guid.TryParse(set.GroupId, out _))
                {
                    throw Invalid("groupId", "groupMembers", "must be a group's object id");
                }

                if (type == "requestorManager")
                {
                    set.ManagerLevel = item.TryGetProperty("managerLevel", out var level) && level.ValueKind == JsonValueKind.Number ? level.GetInt32() : 1;
                    if (set.ManagerLevel < 1 || set.ManagerLevel > 2)
                    {
                        throw Invalid("managerLevel", "requestorManager", "must be 1 or 2");
                    }
                }

                sets.Add(set);
            }

            return sets;
        }

        public static void RequireObject(JsonElement element, string type)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new GraphServiceError(400, "BadRequest", $"A value of type '{type}' must be a JSON object.");
            }
        }

        public static string? String(JsonElement parent, string name)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw Invalid(name, "string", $"must be a string, not {value.ValueKind}");
        }

        public static bool Bool(JsonElement parent, string name)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            return value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.False ? false : throw Invalid(name, "Edm.Boolean", $"must be true or false, not {value.ValueKind}"));
        }

        public static DateTimeOffset? Date(JsonElement parent, string name)
        {
            var text = String(parent, name);
            if (text == null)
            {
                return null;
            }

            return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
                ? date.ToUniversalTime()
                : throw Invalid(name, "Edm.DateTimeOffset", $"'{text}' is not a date and time");
        }

        /// <summary>Graph's enums are case-sensitive on the wire; a value outside the enum is a 400.</summary>
        public static string? Enum(JsonElement parent, string name, string[] allowed)
        {
            var text = String(parent, name);
            if (text != null && !allowed.Contains(text))
            {
                throw new GraphServiceError(400, "BadRequest", $"The value '{text}' is not valid for property '{name}'; expected one of {string.Join(", ", allowed)}.");
            }

            return text;
        }

        private static GraphServiceError Invalid(string property, string type, string rule) =>
            new GraphServiceError(400, "BadRequest", $"Invalid value for property '{property}' of '{type}': it {rule}.");

        public static void WriteCatalog(Utf8JsonWriter w, SimulatedCatalog c)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id.ToString());
            w.WriteString("displayName", c.DisplayName);
            WriteNullable(w, "description", c.Description);
            w.WriteString("catalogType", "userManaged");
            w.WriteString("state", "published");
            w.WriteBoolean("isExternallyVisible", c.IsExternallyVisible);
            w.WriteString("createdDateTime", GraphJson.Date(c.CreatedDateTime));
            w.WriteString("modifiedDateTime", GraphJson.Date(c.ModifiedDateTime));
            w.WriteEndObject();
        }

        public static void WriteResource(Utf8JsonWriter w, SimulatedCatalogResource r, bool roles, bool scopes)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id.ToString());
            w.WriteString("displayName", r.DisplayName);
            w.WriteString("originId", r.OriginId.ToString());
            w.WriteString("originSystem", "AadGroup");
            w.WriteString("createdDateTime", GraphJson.Date(r.CreatedDateTime));
            if (roles)
            {
                w.WriteStartArray("roles");
                WriteRole(w, r, "Member");
                WriteRole(w, r, "Owner");
                w.WriteEndArray();
            }

            if (scopes)
            {
                w.WriteStartArray("scopes");
                WriteScope(w, r);
                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        public static void WriteRole(Utf8JsonWriter w, SimulatedCatalogResource r, string role)
        {
            w.WriteStartObject();
            w.WriteString("id", (role == "Member" ? r.MemberRoleId : r.OwnerRoleId).ToString());
            w.WriteString("displayName", role);
            w.WriteString("originId", role + "_" + r.OriginId);
            w.WriteString("originSystem", "AadGroup");
            w.WriteStartObject("resource");
            w.WriteString("id", r.Id.ToString());
            w.WriteString("displayName", r.DisplayName);
            w.WriteString("originId", r.OriginId.ToString());
            w.WriteString("originSystem", "AadGroup");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        public static void WriteScope(Utf8JsonWriter w, SimulatedCatalogResource r)
        {
            w.WriteStartObject();
            w.WriteString("id", r.ScopeId.ToString());
            w.WriteString("displayName", "Root");
            w.WriteString("originId", r.OriginId.ToString());
            w.WriteString("originSystem", "AadGroup");
            w.WriteBoolean("isRootScope", true);
            w.WriteEndObject();
        }

        public static void WritePackage(Utf8JsonWriter w, SimulatedAccessPackage p, TenantStore store, string? expand)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id.ToString());
            w.WriteString("displayName", p.DisplayName);
            WriteNullable(w, "description", p.Description);
            w.WriteBoolean("isHidden", p.IsHidden);
            w.WriteString("createdDateTime", GraphJson.Date(p.CreatedDateTime));
            w.WriteString("modifiedDateTime", GraphJson.Date(p.ModifiedDateTime));
            if (Expands(expand, "catalog"))
            {
                w.WritePropertyName("catalog");
                WriteCatalog(w, store.Entitlement.Catalogs.First(c => c.Id == p.CatalogId));
            }

            if (Expands(expand, "resourceRoleScopes"))
            {
                w.WriteStartArray("resourceRoleScopes");
                foreach (var scope in p.RoleScopes)
                {
                    WriteRoleScope(w, scope, store);
                }

                w.WriteEndArray();
            }

            if (Expands(expand, "assignmentPolicies"))
            {
                w.WriteStartArray("assignmentPolicies");
                foreach (var policy in store.Entitlement.Policies.Where(x => x.AccessPackageId == p.Id))
                {
                    WritePolicy(w, policy, store, null);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        /// <summary>Role and scope are always written: clients need them to tell which group a package grants, and they are small.</summary>
        public static void WriteRoleScope(Utf8JsonWriter w, SimulatedRoleScope scope, TenantStore store)
        {
            var resource = store.ResourceOf(scope);
            w.WriteStartObject();
            w.WriteString("id", scope.Id);
            w.WriteString("createdDateTime", GraphJson.Date(scope.CreatedDateTime));
            w.WritePropertyName("role");
            WriteRole(w, resource, scope.RoleName);
            w.WritePropertyName("scope");
            WriteScope(w, resource);
            w.WriteEndObject();
        }

        public static void WritePolicy(Utf8JsonWriter w, SimulatedAssignmentPolicy p, TenantStore store, string? expand)
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id.ToString());
            w.WriteString("displayName", p.DisplayName);
            WriteNullable(w, "description", p.Description);
            w.WriteString("allowedTargetScope", p.AllowedTargetScope);
            WriteSubjectSets(w, "specificAllowedTargets", p.SpecificAllowedTargets);
            w.WriteString("createdDateTime", GraphJson.Date(p.CreatedDateTime));
            w.WriteString("modifiedDateTime", GraphJson.Date(p.ModifiedDateTime));
            w.WriteStartObject("expiration");
            w.WriteString("type", p.ExpirationType);
            WriteNullable(w, "duration", p.ExpirationDuration);
            if (p.ExpirationEndDateTime != null)
            {
                w.WriteString("endDateTime", GraphJson.Date(p.ExpirationEndDateTime.Value));
            }
            else
            {
                w.WriteNull("endDateTime");
            }

            w.WriteEndObject();
            w.WriteStartObject("requestorSettings");
            w.WriteBoolean("enableTargetsToSelfAddAccess", p.EnableTargetsToSelfAddAccess);
            w.WriteBoolean("enableTargetsToSelfUpdateAccess", p.EnableTargetsToSelfUpdateAccess);
            w.WriteBoolean("enableTargetsToSelfRemoveAccess", p.EnableTargetsToSelfRemoveAccess);
            w.WriteBoolean("allowCustomAssignmentSchedule", p.AllowCustomAssignmentSchedule);
            w.WriteBoolean("enableOnBehalfRequestorsToAddAccess", false);
            w.WriteBoolean("enableOnBehalfRequestorsToUpdateAccess", false);
            w.WriteBoolean("enableOnBehalfRequestorsToRemoveAccess", false);
            w.WriteStartArray("onBehalfRequestors");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("requestApprovalSettings");
            w.WriteBoolean("isApprovalRequiredForAdd", p.IsApprovalRequiredForAdd);
            w.WriteBoolean("isApprovalRequiredForUpdate", p.IsApprovalRequiredForUpdate);
            w.WriteBoolean("isRequestorJustificationRequired", p.IsRequestorJustificationRequired);
            w.WriteStartArray("stages");
            foreach (var stage in p.Stages)
            {
                w.WriteStartObject();
                w.WriteString("durationBeforeAutomaticDenial", stage.DurationBeforeAutomaticDenial);
                w.WriteBoolean("isApproverJustificationRequired", stage.IsApproverJustificationRequired);
                w.WriteBoolean("isEscalationEnabled", stage.IsEscalationEnabled);
                w.WriteNull("durationBeforeEscalation");
                WriteSubjectSets(w, "primaryApprovers", stage.PrimaryApprovers);
                WriteSubjectSets(w, "fallbackPrimaryApprovers", stage.FallbackPrimaryApprovers);
                WriteSubjectSets(w, "escalationApprovers", Array.Empty<SimulatedSubjectSet>());
                WriteSubjectSets(w, "fallbackEscalationApprovers", Array.Empty<SimulatedSubjectSet>());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            if (p.ReviewSettingsJson != null)
            {
                w.WritePropertyName("reviewSettings");
                using var review = JsonDocument.Parse(p.ReviewSettingsJson);
                review.RootElement.WriteTo(w);
            }
            else
            {
                w.WriteNull("reviewSettings");
            }

            if (Expands(expand, "accessPackage"))
            {
                w.WritePropertyName("accessPackage");
                WritePackage(w, store.Entitlement.AccessPackages.First(a => a.Id == p.AccessPackageId), store, null);
            }

            w.WriteEndObject();
        }

        public static void WriteSubjectSets(Utf8JsonWriter w, string name, IEnumerable<SimulatedSubjectSet> sets)
        {
            w.WriteStartArray(name);
            foreach (var set in sets)
            {
                w.WriteStartObject();
                w.WriteString("@odata.type", "#microsoft.graph." + set.Type);
                if (set.UserId != null)
                {
                    w.WriteString("userId", set.UserId);
                }

                if (set.GroupId != null)
                {
                    w.WriteString("groupId", set.GroupId);
                }

                if (set.ManagerLevel != null)
                {
                    w.WriteNumber("managerLevel", set.ManagerLevel.Value);
                }

                if (set.Description != null)
                {
                    w.WriteString("description", set.Description);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        public static void WriteRequest(Utf8JsonWriter w, SimulatedAssignmentRequest r, TenantStore store, string? expand)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id.ToString());
            w.WriteString("requestType", r.RequestType);
            w.WriteString("state", r.State);
            w.WriteString("status", r.Status);
            WriteNullable(w, "justification", r.Justification);
            w.WriteString("createdDateTime", GraphJson.Date(r.CreatedDateTime));
            GraphJson.DateOrNull(w, "completedDateTime", r.CompletedDateTime);
            WriteRequestSchedule(w, r);
            if (Expands(expand, "accessPackage"))
            {
                w.WritePropertyName("accessPackage");
                WritePackageOrNull(w, store, r.AccessPackageId);
            }

            if (Expands(expand, "assignment") && r.AssignmentId != null && store.Entitlement.Assignments.Find(a => a.Id == r.AssignmentId) is SimulatedAssignment assignment)
            {
                w.WritePropertyName("assignment");
                WriteAssignment(w, assignment, store, expand!.IndexOf("assignment($expand=target", StringComparison.OrdinalIgnoreCase) >= 0 ? "target" : null);
            }

            if (Expands(expand, "requestor"))
            {
                w.WritePropertyName("requestor");
                WriteSubject(w, r.RequestorId == null ? null : store.UserById(r.RequestorId.Value));
            }

            if (Expands(expand, "target") || Expands(expand, "requestor"))
            {
                // Not a v1.0 navigation of requests; written as an extra property so an administrator can tell whom it is for.
                w.WriteString("targetId", r.TargetId.ToString());
            }

            w.WriteEndObject();
        }

        /// <summary>
        /// The schedule as the request asked for it, echoed in the create response and on reads; a request that asked for no
        /// end shows expiration type notSpecified, as in the documented examples of "Create accessPackageAssignmentRequest".
        /// </summary>
        public static void WriteRequestSchedule(Utf8JsonWriter w, SimulatedAssignmentRequest r)
        {
            w.WriteStartObject("schedule");
            GraphJson.DateOrNull(w, "startDateTime", r.ScheduleStart);
            w.WriteStartObject("expiration");
            w.WriteString("type", r.RequestedEnd != null ? "afterDateTime" : r.RequestedDuration != null ? "afterDuration" : "notSpecified");
            GraphJson.DateOrNull(w, "endDateTime", r.RequestedEnd);
            WriteNullable(w, "duration", r.RequestedDuration);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        public static void WriteAssignment(Utf8JsonWriter w, SimulatedAssignment a, TenantStore store, string? expand)
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id.ToString());
            w.WriteString("state", a.State);
            w.WriteString("status", a.Status);
            GraphJson.DateOrNull(w, "expiredDateTime", a.ExpiredDateTime);
            w.WriteStartObject("schedule");
            w.WriteString("startDateTime", GraphJson.Date(a.StartDateTime));
            w.WriteStartObject("expiration");
            w.WriteString("type", a.EndDateTime == null ? "noExpiration" : "afterDateTime");
            GraphJson.DateOrNull(w, "endDateTime", a.EndDateTime);
            w.WriteNull("duration");
            w.WriteEndObject();
            w.WriteEndObject();
            if (Expands(expand, "target"))
            {
                w.WritePropertyName("target");
                WriteSubject(w, store.UserById(a.TargetId), a.TargetId);
            }

            if (Expands(expand, "accessPackage"))
            {
                w.WritePropertyName("accessPackage");
                WritePackageOrNull(w, store, a.AccessPackageId);
            }

            if (Expands(expand, "assignmentPolicy"))
            {
                w.WritePropertyName("assignmentPolicy");
                if (store.Entitlement.Policies.Find(p => p.Id == a.PolicyId) is SimulatedAssignmentPolicy policy)
                {
                    WritePolicy(w, policy, store, null);
                }
                else
                {
                    w.WriteNullValue();
                }
            }

            w.WriteEndObject();
        }

        /// <summary>An expired assignment or a request outlives its package (deleted once nothing was assigned): it expands to null then.</summary>
        private static void WritePackageOrNull(Utf8JsonWriter w, TenantStore store, Guid packageId)
        {
            if (store.Entitlement.AccessPackages.Find(p => p.Id == packageId) is SimulatedAccessPackage package)
            {
                WritePackage(w, package, store, null);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        private static void WriteSubject(Utf8JsonWriter w, SimulatedUser? user, Guid? id = null)
        {
            if (user == null && id == null)
            {
                w.WriteNullValue();
                return;
            }

            w.WriteStartObject();
            w.WriteString("id", (user?.Id ?? id!.Value).ToString());
            w.WriteString("objectId", (user?.Id ?? id!.Value).ToString());
            WriteNullable(w, "displayName", user?.DisplayName);
            WriteNullable(w, "principalName", user?.UserPrincipalName);
            WriteNullable(w, "email", user?.Mail);
            w.WriteString("subjectType", "user");
            w.WriteEndObject();
        }

        public static void WriteApproval(Utf8JsonWriter w, SimulatedAssignmentRequest r, TenantStore store, Guid? caller)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id.ToString());
            w.WriteStartArray("stages");
            foreach (var stage in r.ApprovalStages)
            {
                WriteStage(w, stage, store, caller);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        public static void WriteStage(Utf8JsonWriter w, SimulatedApprovalStage stage, TenantStore store, Guid? caller)
        {
            w.WriteStartObject();
            w.WriteString("id", stage.Id.ToString());
            w.WriteString("status", stage.Status);
            w.WriteString("reviewResult", stage.ReviewResult);
            w.WriteBoolean("assignedToMe", caller != null && stage.Approvers.Contains(caller.Value));
            WriteNullable(w, "justification", stage.Justification);
            GraphJson.DateOrNull(w, "reviewedDateTime", stage.ReviewedDateTime);
            if (stage.ReviewedBy != null && store.UserById(stage.ReviewedBy.Value) is SimulatedUser reviewer)
            {
                w.WriteStartObject("reviewedBy");
                w.WriteString("id", reviewer.Id.ToString());
                w.WriteString("displayName", reviewer.DisplayName);
                w.WriteString("userPrincipalName", reviewer.UserPrincipalName);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("reviewedBy");
            }

            w.WriteEndObject();
        }

        public static bool Expands(string? expand, string navigation) =>
            expand != null && expand.Split(',').Any(e => string.Equals(e.Trim().Split('(')[0].Trim(), navigation, StringComparison.OrdinalIgnoreCase));

        public static void WriteNullable(Utf8JsonWriter w, string name, string? value)
        {
            if (value == null)
            {
                w.WriteNull(name);
            }
            else
            {
                w.WriteString(name, value);
            }
        }
    }
}
