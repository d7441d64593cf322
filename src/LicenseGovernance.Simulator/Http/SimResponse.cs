using System.Collections.Generic;
using System.Text;

namespace LicenseGovernance.Simulator.Http
{
    internal sealed class SimResponse
    {
        public SimResponse(int status, byte[]? body = null, string? contentType = "application/json")
        {
            Status = status;
            Body = body;
            ContentType = body == null ? null : contentType;
        }

        public int Status { get; }

        public byte[]? Body { get; }

        public string? ContentType { get; }

        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

        public bool IsSuccess => Status >= 200 && Status < 300;

        public static SimResponse NoContent() => new SimResponse(204);

        public static SimResponse Text(string text) => new SimResponse(200, Encoding.UTF8.GetBytes(text), "text/plain");

        public SimResponse With(string header, string value)
        {
            Headers.Add(new KeyValuePair<string, string>(header, value));
            return this;
        }
    }
}
