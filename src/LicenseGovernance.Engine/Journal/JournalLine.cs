using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// One line of the journal, written and read: a "change" line (recorded before the tenant is touched) or an "outcome"
    /// line (how the change ended). Reading is strict about the shape, so that a line edited by hand or cut short is
    /// refused here as a whole rather than failing later in whatever uses it.
    /// </summary>
    internal static class JournalLine
    {
        public const string Change = "change";
        public const string Outcome = "outcome";

        public static JsonObject ChangeLine(JournalEntry entry) => new JsonObject
        {
            ["kind"] = Change,
            ["id"] = entry.Id.ToString(),
            ["time"] = Time(entry.Time),
            ["operator"] = entry.Operator,
            ["tenantId"] = entry.TenantId,
            ["command"] = entry.Command,
            ["operation"] = entry.Operation,
            ["targetType"] = entry.TargetType,
            ["targetId"] = entry.TargetId,
            ["targetName"] = entry.TargetName,
            ["before"] = entry.Before.HasValue ? JsonNode.Parse(entry.Before.Value.GetRawText()) : null,
            ["after"] = entry.After.HasValue ? JsonNode.Parse(entry.After.Value.GetRawText()) : null,
            ["correlationId"] = entry.CorrelationId.ToString(),
            ["undoOf"] = entry.UndoOf?.ToString(),
        };

        /// <param name="error">Null when the change succeeded.</param>
        /// <param name="reconciledBy">
        /// The command that found the outcome in the tenant after the run that made the change stopped; null when that run
        /// saw the outcome itself. Older versions of the module ignore the field and read the line as before.
        /// </param>
        public static JsonObject OutcomeLine(Guid id, DateTimeOffset time, string? error, string? reconciledBy = null)
        {
            var line = new JsonObject
            {
                ["kind"] = Outcome,
                ["id"] = id.ToString(),
                ["time"] = Time(time),
            };
            if (error != null)
            {
                line["error"] = error;
            }

            if (reconciledBy != null)
            {
                line["reconciledBy"] = reconciledBy;
            }

            return line;
        }

        /// <summary>The change a change line records, with status Unknown; null when the line is not a complete change.</summary>
        public static JournalEntry? ReadChange(JsonElement root)
        {
            var line = new Fields(root);
            var entry = new JournalEntry
            {
                Id = line.Guid("id") ?? System.Guid.Empty,
                Time = line.Time("time") ?? default,
                Operator = line.Text("operator"),
                TenantId = line.Text("tenantId"),
                Command = line.Text("command"),
                Operation = line.Text("operation") ?? "",
                TargetType = line.Text("targetType") ?? "",
                TargetId = line.Text("targetId") ?? "",
                TargetName = line.Text("targetName"),
                Before = line.Json("before"),
                After = line.Json("after"),
                CorrelationId = line.Guid("correlationId") ?? System.Guid.Empty,
                UndoOf = line.Guid("undoOf"),
                Status = LicenseChangeStatus.Unknown,
            };
            return line.Valid && line.Has("id") && line.Has("time") && line.Has("operation") ? entry : null;
        }

        /// <summary>What an outcome line says; null when the line is not a complete outcome.</summary>
        public static (Guid Id, DateTimeOffset Time, string? Error, string? ReconciledBy)? ReadOutcome(JsonElement root)
        {
            var line = new Fields(root);
            var outcome = (line.Guid("id") ?? System.Guid.Empty, line.Time("time") ?? default, line.Text("error"), line.Text("reconciledBy"));
            return line.Valid && line.Has("id") && line.Has("time") ? outcome : ((Guid, DateTimeOffset, string?, string?)?)null;
        }

        /// <summary>The line's kind; null when it is not a JSON object with a string "kind".</summary>
        public static string? Kind(JsonElement root) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;

        private static string Time(DateTimeOffset time) => time.ToString("o", CultureInfo.InvariantCulture);

        /// <summary>
        /// Reads a line's properties: absent and null read as null; a present value of the wrong type or form (a time that
        /// is not a time, an id that is not a GUID) makes the line invalid.
        /// </summary>
        private sealed class Fields
        {
            private readonly JsonElement _root;

            public Fields(JsonElement root)
            {
                _root = root;
            }

            public bool Valid { get; private set; } = true;

            public bool Has(string name) => _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

            public string? Text(string name)
            {
                if (!Has(name))
                {
                    return null;
                }

                var value = _root.GetProperty(name);
                Valid &= value.ValueKind == JsonValueKind.String;
                return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            }

            public Guid? Guid(string name) => Parsed(name, (string t, out Guid g) => System.Guid.TryParse(t, out g));

            public DateTimeOffset? Time(string name) =>
                Parsed(name, (string t, out DateTimeOffset d) => DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out d));

            public JsonElement? Json(string name) => Has(name) ? _root.GetProperty(name).Clone() : (JsonElement?)null;

            private T? Parsed<T>(string name, TryParse<T> parse)
                where T : struct
            {
                var text = Text(name);
                if (text == null)
                {
                    return null;
                }

                Valid &= parse(text, out var value);
                return value;
            }

            private delegate bool TryParse<T>(string text, out T value);
        }
    }
}
