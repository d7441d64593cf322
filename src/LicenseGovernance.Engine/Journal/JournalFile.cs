using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LicenseGovernance.Engine.Journal
{
    /// <summary>
    /// The journal on disk: JSON lines, appended only. A "change" line is written before the tenant is touched and an
    /// "outcome" line after, so a change whose process died shows as Unknown rather than vanishing. Several processes
    /// (a console and a runbook worker) may append to one file: each line goes out in one write of a file opened for append.
    /// </summary>
    internal sealed class JournalFile
    {
        internal static readonly JsonSerializerOptions SerializerOptions = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        };

        private static readonly object AppendGate = new object();

        public JournalFile(string path)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>Appends the lines in one write; throws the catalogue's JournalWriteFailed when the file cannot take them.</summary>
        public void Append(IEnumerable<JsonObject> lines)
        {
            var text = new StringBuilder();
            foreach (var line in lines)
            {
                text.Append(line.ToJsonString()).Append('\n');
            }

            if (text.Length == 0)
            {
                return;
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            try
            {
                lock (AppendGate)
                {
                    var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
                    if (!string.IsNullOrEmpty(directory))
                    {
                        Directory.CreateDirectory(directory);
                    }

                    using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException || ex is System.Security.SecurityException)
            {
                throw Errors.JournalWriteFailed(Path, ex.Message, ex).ToException();
            }
        }

        /// <summary>Reads every change with its outcome and reversal, in the order recorded. Lines it cannot read are counted in <paramref name="unreadable"/>.</summary>
        public IReadOnlyList<JournalEntry> Load(out int unreadable)
        {
            unreadable = 0;
            var entries = new List<JournalEntry>();
            if (!File.Exists(Path))
            {
                return entries;
            }

            var byId = new Dictionary<Guid, JournalEntry>();
            var outcomes = new List<JsonElement>();
            try
            {
                using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    try
                    {
                        using var document = JsonDocument.Parse(line);
                        var root = document.RootElement;
                        var kind = root.GetProperty("kind").GetString();
                        if (kind == "change")
                        {
                            var entry = ReadChange(root, entries.Count + 1);
                            entries.Add(entry);
                            byId[entry.Id] = entry;
                        }
                        else if (kind == "outcome")
                        {
                            outcomes.Add(root.Clone());
                        }
                        else
                        {
                            unreadable++;
                        }
                    }
                    catch (Exception ex) when (ex is JsonException || ex is KeyNotFoundException || ex is FormatException || ex is InvalidOperationException)
                    {
                        // A line cut short by a crash or edited by hand must not hide the rest of the record.
                        unreadable++;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Errors.JournalReadFailed(Path, ex.Message, ex).ToException();
            }

            foreach (var outcome in outcomes)
            {
                if (!Guid.TryParse(outcome.GetProperty("id").GetString(), out var id) || !byId.TryGetValue(id, out var entry))
                {
                    unreadable++;
                    continue;
                }

                entry.Status = outcome.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? LicenseChangeStatus.Failed : LicenseChangeStatus.Succeeded;
                entry.Error = entry.Status == LicenseChangeStatus.Failed ? error.GetString() : null;
                entry.CompletedAt = DateTimeOffset.Parse(outcome.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            }

            foreach (var reversal in entries.Where(e => e.UndoOf.HasValue && e.Status == LicenseChangeStatus.Succeeded))
            {
                if (byId.TryGetValue(reversal.UndoOf!.Value, out var original))
                {
                    original.UndoneBy = reversal.Id;
                }
            }

            return entries;
        }

        internal static JsonObject ChangeLine(JournalEntry entry) => new JsonObject
        {
            ["kind"] = "change",
            ["id"] = entry.Id.ToString(),
            ["time"] = entry.Time.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
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

        internal static JsonObject OutcomeLine(Guid id, DateTimeOffset time, string? error)
        {
            var line = new JsonObject
            {
                ["kind"] = "outcome",
                ["id"] = id.ToString(),
                ["time"] = time.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            };
            if (error != null)
            {
                line["error"] = error;
            }

            return line;
        }

        private static JournalEntry ReadChange(JsonElement root, long sequence)
        {
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            JsonElement? Json(string name) => root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.Clone() : (JsonElement?)null;
            var undoOf = Text("undoOf");
            return new JournalEntry
            {
                Id = Guid.Parse(Text("id")!),
                Sequence = sequence,
                Time = DateTimeOffset.Parse(Text("time")!, System.Globalization.CultureInfo.InvariantCulture),
                Operator = Text("operator"),
                TenantId = Text("tenantId"),
                Command = Text("command"),
                Operation = Text("operation") ?? throw new FormatException("A change line has no operation."),
                TargetType = Text("targetType") ?? "",
                TargetId = Text("targetId") ?? "",
                TargetName = Text("targetName"),
                Before = Json("before"),
                After = Json("after"),
                CorrelationId = Guid.TryParse(Text("correlationId"), out var correlation) ? correlation : Guid.Empty,
                UndoOf = undoOf == null ? (Guid?)null : Guid.Parse(undoOf),
                Status = LicenseChangeStatus.Unknown,
            };
        }
    }
}
