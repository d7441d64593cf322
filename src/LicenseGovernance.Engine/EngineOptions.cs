using System;
using System.IO;

namespace LicenseGovernance.Engine
{
    /// <summary>Where the engine keeps what outlives a session (imported catalogue, your prices, the change journal).</summary>
    public sealed class EngineOptions
    {
        /// <summary>Overrides the settings folder (for Azure Automation, point it at a writable path).</summary>
        public const string HomeVariable = "LICENSEGOVERNANCE_HOME";

        public string SettingsDirectory { get; set; } = DefaultSettingsDirectory();

        /// <summary>Graph's page size and quota for reads of signInActivity, for connections to a real (or served) tenant.</summary>
        public Graph.SignInReadLimits SignInReads { get; set; } = new Graph.SignInReadLimits();

        public string CatalogPath => Path.Combine(SettingsDirectory, "catalog.json");

        public string PricesPath => Path.Combine(SettingsDirectory, "prices.json");

        /// <summary>Overrides the change journal's file (for Azure Automation, a path on persistent storage).</summary>
        public const string JournalVariable = "LICENSEGOVERNANCE_JOURNAL";

        private string? _journalPath;

        /// <summary>The change journal: set explicitly, else the environment variable, else journal.jsonl in the settings folder.</summary>
        public string JournalPath
        {
            get
            {
                if (!string.IsNullOrWhiteSpace(_journalPath))
                {
                    return _journalPath!;
                }

                var overridden = Environment.GetEnvironmentVariable(JournalVariable);
                return string.IsNullOrWhiteSpace(overridden) ? Path.Combine(SettingsDirectory, "journal.jsonl") : overridden!;
            }

            set => _journalPath = value;
        }

        public static string DefaultSettingsDirectory()
        {
            var overridden = Environment.GetEnvironmentVariable(HomeVariable);
            if (!string.IsNullOrWhiteSpace(overridden))
            {
                return overridden!;
            }

            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return Path.Combine(string.IsNullOrEmpty(local) ? Path.GetTempPath() : local, "LicenseGovernance");
        }
    }
}
