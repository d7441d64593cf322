using System.Collections.Generic;
using System.Text.Json;

namespace LicenseGovernance.Simulator.Model
{
    /// <summary>An open extension (microsoft.graph.openTypeExtension) on a directory object: a name and untyped custom properties.</summary>
    public sealed class SimulatedOpenExtension
    {
        /// <summary>Also the extension's id: on directory objects Graph uses the name as the id.</summary>
        public string ExtensionName { get; set; } = string.Empty;

        /// <summary>Custom properties as the client sent them, in order.</summary>
        public Dictionary<string, JsonElement> Properties { get; set; } = new Dictionary<string, JsonElement>();
    }
}
