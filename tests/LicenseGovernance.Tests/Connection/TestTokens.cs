using System.Text;
using System.Text.Json;

namespace LicenseGovernance.Tests.Connection
{
    /// <summary>Hand-built unsigned JWTs: the module reads claims and never validates signatures.</summary>
    internal static class TestTokens
    {
        public static string Jwt(object payload)
        {
            var header = Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
            var body = Encode(JsonSerializer.SerializeToUtf8Bytes(payload));
            return header + "." + body + ".c2lnbmF0dXJl";
        }

        public static string Delegated(string scp, long? exp = null) => Jwt(new Dictionary<string, object?>
        {
            ["aud"] = "https://graph.microsoft.com",
            ["tid"] = "11111111-2222-3333-4444-555555555555",
            ["appid"] = "14d82eec-204b-4c2f-b7e8-296a70dab67e",
            ["app_displayname"] = "Microsoft Graph Command Line Tools",
            ["upn"] = "admin@contoso.onmicrosoft.com",
            ["oid"] = "99999999-8888-7777-6666-555555555555",
            ["scp"] = scp,
            ["exp"] = exp ?? DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        });

        public static string App(params string[] roles) => Jwt(new Dictionary<string, object?>
        {
            ["aud"] = "00000003-0000-0000-c000-000000000000",
            ["tid"] = "11111111-2222-3333-4444-555555555555",
            ["appid"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
            ["idtyp"] = "app",
            ["roles"] = roles,
            ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        });

        private static string Encode(byte[] bytes) =>
            Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
