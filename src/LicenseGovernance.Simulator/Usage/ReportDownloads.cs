using System;
using System.Collections.Generic;
using System.Security.Cryptography;

namespace LicenseGovernance.Simulator.Usage
{
    /// <summary>
    /// The pre-authenticated download URLs a report's 302 points to: a random token per report, valid for a few minutes on
    /// the simulator clock, answered without an Authorization header. Not part of snapshots (Graph's links expire anyway).
    /// </summary>
    internal sealed class ReportDownloads
    {
        public const string PathPrefix = "/data/download/";

        /// <summary>Where Graph's report downloads live (the documented Location); the in-process handler answers for it by path.</summary>
        public const string GraphDownloadHost = "https://reports.office.com";

        public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

        private readonly object _gate = new object();
        private readonly Dictionary<string, (byte[] Body, DateTimeOffset Expires)> _files = new Dictionary<string, (byte[], DateTimeOffset)>(StringComparer.Ordinal);

        public string Add(byte[] body, DateTimeOffset now)
        {
            var bytes = new byte[18];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            var token = Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
            lock (_gate)
            {
                // Expired files are dropped as new ones arrive, so a long rehearsal does not keep every report it ever made.
                var expired = new List<string>();
                foreach (var pair in _files)
                {
                    if (pair.Value.Expires <= now)
                    {
                        expired.Add(pair.Key);
                    }
                }

                foreach (var key in expired)
                {
                    _files.Remove(key);
                }

                _files[token] = (body, now + Lifetime);
            }

            return token;
        }

        /// <summary>The file behind a token, or null when the token is unknown or has expired.</summary>
        public byte[]? Get(string token, DateTimeOffset now)
        {
            lock (_gate)
            {
                return _files.TryGetValue(token, out var file) && file.Expires > now ? file.Body : null;
            }
        }
    }
}
