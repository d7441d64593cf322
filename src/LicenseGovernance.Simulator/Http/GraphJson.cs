using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using LicenseGovernance.Simulator.Model;

namespace LicenseGovernance.Simulator.Http
{
    internal static class GraphJson
    {
        public static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { SkipValidation = true };

        public static string Date(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        public static string Guid(Guid value) => value.ToString("D");

        public static byte[] Write(Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream(4096);
            using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            {
                write(writer);
            }

            return stream.ToArray();
        }

        public static void DateOrNull(Utf8JsonWriter w, string name, DateTimeOffset? value)
        {
            if (value.HasValue)
            {
                w.WriteString(name, Date(value.Value));
            }
            else
            {
                w.WriteNull(name);
            }
        }

        public static void StringArray(Utf8JsonWriter w, string name, IEnumerable<string> values)
        {
            w.WriteStartArray(name);
            foreach (var v in values)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
        }

        public static void GuidArray(Utf8JsonWriter w, string name, IEnumerable<Guid> values)
        {
            w.WriteStartArray(name);
            foreach (var v in values)
            {
                w.WriteStringValue(Guid(v));
            }

            w.WriteEndArray();
        }

        public static void AssignedLicenses(Utf8JsonWriter w, IEnumerable<AssignedLicense> licenses)
        {
            w.WriteStartArray("assignedLicenses");
            foreach (var l in licenses)
            {
                w.WriteStartObject();
                GuidArray(w, "disabledPlans", l.DisabledPlans);
                w.WriteString("skuId", Guid(l.SkuId));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        public static SimResponse Error(int status, string code, string message, string requestId, string? clientRequestId, DateTimeOffset now)
        {
            var body = Write(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("error");
                w.WriteString("code", code);
                w.WriteString("message", message);
                w.WriteStartObject("innerError");
                if (status == 429)
                {
                    w.WriteString("code", "429");
                }

                w.WriteString("date", now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
                if (status == 429)
                {
                    w.WriteString("message", "Please retry after");
                }

                w.WriteString("request-id", requestId);
                w.WriteString("client-request-id", clientRequestId ?? requestId);
                if (status == 429)
                {
                    w.WriteString("status", "429");
                }

                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            });
            return new SimResponse(status, body);
        }

        public static JsonDocument ParseBody(SimRequest request)
        {
            if (request.Body == null || request.Body.Length == 0)
            {
                throw GraphServiceError.BadRequest("Empty Payload. JSON content expected.");
            }

            try
            {
                return JsonDocument.Parse(request.Body);
            }
            catch (JsonException)
            {
                throw new GraphServiceError(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
            }
        }
    }
}
