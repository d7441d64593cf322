using System.Text.RegularExpressions;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// Every output type goes to Export-Csv as a file a finance or audit reader can open: no cell names a .NET type
/// (System.String[], LicenseGovernance.ZombieLicenseSource[]), and every command's stream carries one type, so the file
/// has one header and no half-empty rows. The types are the ones the cmdlets declare with [OutputType] and those their
/// properties hold, read from the module, so a new one is covered without naming it here.
/// </summary>
public sealed class CsvExportTests : IClassFixture<CsvExportTests.Session>
{
    private readonly Session _session;

    public CsvExportTests(Session session) => _session = session;

    public static IEnumerable<object[]> OutputTypes()
    {
        using var shell = new PowerShellSession();
        var declared = shell.Run("(Get-Command -Module LicenseGovernance).OutputType.Type | Sort-Object FullName -Unique").Output.OfType<Type>().ToList();
        Assert.NotEmpty(declared);
        var all = new HashSet<Type>();
        foreach (var type in declared)
        {
            AddReachable(type, all);
        }

        return all.Select(t => new object[] { t.FullName! }).OrderBy(n => (string)n[0]);
    }

    [Theory]
    [MemberData(nameof(OutputTypes))]
    public void EveryOutputTypeExportsReadableCells(string typeName)
    {
        var type = typeof(LicenseSku).Assembly.GetType(typeName, throwOnError: true)!;
        var rows = _session.Export(new[] { OutputSamples.Create(type), OutputSamples.Create(type) });

        Assert.Equal(3, rows.Count);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(NamesAType(cell), $"{typeName}: a cell reads '{cell}'."));
    }

    [Fact]
    public void EachCommandsStreamCarriesOneTypeAndExportsCleanly()
    {
        var shell = _session.Shell;
        Clean(shell.Run("Connect-LicenseGovernance -Simulator -UserCount 300"));
        Clean(shell.Run("New-LicenseTierGroup -Name LIC-Csv-E3 -Sku SPE_E3 -Rank 2 -Confirm:$false"));
        var commands = new[]
        {
            "Get-LicenseSku", "Get-LicensePrice", "Get-LicenseTierGroup", "Test-LicenseGovernancePermission",
            "Get-ZombieLicense", "Get-LicenseUtilization", "Get-LicenseHealth", "(Get-LicenseHealth).Components",
            "Get-DirectLicenseAssignment -Sku SPE_E3", "Get-DirectLicenseAssignment -Sku SPE_E3 -Summary", "Get-UserLicense -Sku SPE_E3",
            "Get-ZombieLicense -Reason Departed | Remove-ZombieLicense -IncludeMailboxLicenses -WhatIf",
            "Get-ZombieLicense -Reason Departed | Remove-ZombieLicense -IncludeMailboxLicenses -WhatIf -Summary",
            "Move-DirectToGroupLicense -Sku SPE_E3 -Group LIC-Csv-E3 -WhatIf",
            "Move-DirectToGroupLicense -Sku SPE_E3 -Group LIC-Csv-E3 -WhatIf -Summary",
            "Get-UnderusedLicense -WarningAction SilentlyContinue", "Get-LicenseTierConflict",
        };

        foreach (var command in commands)
        {
            var output = Clean(shell.Run(command)).Output;
            Assert.True(output.Count > 0, $"{command} wrote nothing to export.");
            var types = output.Select(o => o!.GetType().FullName).Distinct().ToList();
            Assert.True(types.Count == 1, $"{command} mixes {string.Join(", ", types)} in one stream.");

            var rows = _session.Export(output!);
            Assert.Equal(output.Count + 1, rows.Count);
            Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
            Assert.All(rows.SelectMany(r => r), cell => Assert.False(NamesAType(cell), $"{command}: a cell reads '{cell}'."));
        }
    }

    /// <summary>A type name where a value should be: System.*, or a type of the module's contracts.</summary>
    private static bool NamesAType(string cell) =>
        cell.Contains("System.", StringComparison.Ordinal) ||
        typeof(LicenseSku).Assembly.GetTypes().Any(t => Regex.IsMatch(cell, @"(^|[\s;,{])" + Regex.Escape(t.FullName!) + @"($|[\s;,}\[`])"));

    private static void AddReachable(Type type, HashSet<Type> all)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!OutputSamples.IsOutputClass(type) || !all.Add(type))
        {
            foreach (var element in ElementTypes(type))
            {
                AddReachable(element, all);
            }

            return;
        }

        foreach (var property in type.GetProperties())
        {
            AddReachable(property.PropertyType, all);
        }
    }

    private static IEnumerable<Type> ElementTypes(Type type) =>
        type.IsArray ? new[] { type.GetElementType()! } : type.IsGenericType ? type.GetGenericArguments() : Array.Empty<Type>();

    private static PowerShellSession.Result Clean(PowerShellSession.Result result)
    {
        Assert.True(result.Terminating == null && result.Errors.Count == 0, "The command failed: " + result.AllErrorText);
        return result;
    }

    /// <summary>One runspace with the module imported; Export writes a CSV file with Export-Csv and reads its cells back.</summary>
    public sealed class Session : IDisposable
    {
        public PowerShellSession Shell { get; } = new();

        public List<List<string>> Export(IEnumerable<object> items)
        {
            var path = Path.Combine(TestSettings.Home, "export-" + Guid.NewGuid().ToString("N") + ".csv");
            try
            {
                var result = Shell.Run($"$input | Export-Csv -Path '{path}' -NoTypeInformation", items);
                Assert.True(result.Terminating == null && result.Errors.Count == 0, result.AllErrorText);
                var rows = Shell.Run($"$rows = Import-Csv -Path '{path}'; @(,@($rows[0].PSObject.Properties.Name)); foreach ($row in $rows) {{ @(,@($row.PSObject.Properties.Value)) }}");
                return rows.Output.Select(r => ((object[])r!).Select(c => c?.ToString() ?? "").ToList()).ToList();
            }
            finally
            {
                File.Delete(path);
            }
        }

        public void Dispose()
        {
            Shell.Run("Disconnect-LicenseGovernance -WarningAction SilentlyContinue");
            Shell.Dispose();
        }
    }
}
