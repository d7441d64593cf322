using System;
using System.IO;

namespace LicenseGovernance.Engine
{
    /// <summary>Where the engine keeps what outlives a session (imported catalogue, your prices).</summary>
    public sealed class EngineOptions
    {
        /// <summary>Overrides the settings folder (for Azure Automation, point it at a writable path).</summary>
        public const string HomeVariable = "LICENSEGOVERNANCE_HOME";

        public string SettingsDirectory { get; set; } = DefaultSettingsDirectory();

        public string CatalogPath => Path.Combine(SettingsDirectory, "catalog.json");

        public string PricesPath => Path.Combine(SettingsDirectory, "prices.json");

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
