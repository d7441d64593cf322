using System.Xml.Linq;
using Xunit;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// Every table view in LicenseGovernance.format.ps1xml rendered at 120 columns, the width of a default console, over an
/// object of its type filled at a large tenant's widths (<see cref="OutputSamples"/>): the header is one line, and each of
/// its columns is there, the key ones (money, currency, counts) with their values whole. The views are read from the file, so a
/// new view is rendered too, and fails until its key columns are named here.
/// </summary>
public sealed class TableViewWidthTests : IClassFixture<TableViewWidthTests.Session>
{
    private const int Width = 120;

    /// <summary>
    /// What an administrator reads each view for (money, currency, counts, dates, outcomes): these must show whole. Every
    /// column must be there; names and free text may be shortened with an ellipsis.
    /// </summary>
    private static readonly Dictionary<string, string[]> KeyColumns = new()
    {
        ["LicenseGovernance.LicenseSku"] = new[] { "SkuPartNumber", "Enabled", "Consumed", "Available", "MonthlyPrice", "Currency" },
        ["LicenseGovernance.LicenseServicePlan"] = new[] { "ProvisioningStatus" },
        ["LicenseGovernance.LicensePermissionCheck"] = new[] { "Granted" },
        ["LicenseGovernance.LicensePrice"] = new[] { "SkuPartNumber", "MonthlyPrice", "Currency" },
        ["LicenseGovernance.LicenseCatalogImportResult"] = new[] { "Rows", "Skus", "ServicePlans", "NewSkus" },
        ["LicenseGovernance.LicenseTierGroup"] = new[] { "Rank", "Members", "Errors", "MonthlyCost", "Currency" },
        ["LicenseGovernance.LicenseTierSku"] = new[] { "SkuPartNumber" },
        ["LicenseGovernance.GroupLicenseError"] = new[] { "SkuPartNumber" },
        ["LicenseGovernance.LicenseReprocessResult"] = new[] { "Outcome" },
        ["LicenseGovernance.LicenseChange"] = new[] { "Time", "Status" },
        ["LicenseGovernance.LicenseChangeUndoResult"] = new[] { "Status" },
        ["LicenseGovernance.LicenseChangeReconcileResult"] = new[] { "Status", "Recorded" },
        ["LicenseGovernance.TierAccessPackage"] = new[] { "Rank", "Result" },
        ["LicenseGovernance.TierAccessPackagePlan"] = new[] { "NoChange" },
        ["LicenseGovernance.TierAccessPackageRemoval"] = new[] { "Removed", "Holders", "Deleted" },
        ["LicenseGovernance.AccessPackageChange"] = new[] { "Action" },
        ["LicenseGovernance.TierAssignment"] = new[] { "Since", "Until", "DaysLeft" },
        ["LicenseGovernance.TierAssignmentRequestInfo"] = new[] { "Created" },
        ["LicenseGovernance.TierAssignmentPlan"] = new[] { "Action", "EndDate" },
        ["LicenseGovernance.DirectLicenseAssignment"] = new[] { "SkuPartNumber", "PlanParity" },
        ["LicenseGovernance.UserLicense"] = new[] { "SkuPartNumber", "State" },
        ["LicenseGovernance.DirectLicenseSummary"] = new[] { "SkuPartNumber", "Users", "DirectOnly", "InheritedOnly", "Both", "BothWithPlanDifference", "InheritedInError" },
        ["LicenseGovernance.DirectToGroupMigrationResult"] = new[] { "Outcome" },
        ["LicenseGovernance.DirectToGroupMigrationSummary"] = new[] { "Migrated", "AlreadyMigrated", "Skipped", "Failed", "Pending", "Deferred", "Completed" },
        ["LicenseGovernance.ZombieLicense"] = new[] { "SkuPartNumber", "LastSignIn", "LeaveDate", "MonthlyCost", "Currency" },
        ["LicenseGovernance.LicenseUtilization"] = new[] { "Purchased", "Assigned", "Available", "Zombies", "Price", "Currency", "UnassignedMonthly", "ZombieMonthly", "WastedAnnual" },
        ["LicenseGovernance.ZombieLicenseRemoval"] = new[] { "SkuPartNumber", "Outcome", "Recovered", "Currency" },
        ["LicenseGovernance.ZombieLicenseRemovalSummary"] = new[] { "Removed", "Skipped", "Failed", "NotConfirmed", "MonthlyRecovered", "AnnualRecovered", "Currency" },
        ["LicenseGovernance.LicenseHealthComponent"] = new[] { "Weight", "Value", "Points" },
        ["LicenseGovernance.UnderusedLicense"] = new[] { "SkuPartNumber", "Suggested", "LastActivity", "MonthlySaving", "Currency" },
        ["LicenseGovernance.LicenseSimulatorTime"] = new[] { "Time (UTC)", "NextWorkDue (UTC)" },
        ["LicenseGovernance.LicenseSimulatorTimeChange"] = new[] { "Time (UTC)", "Licensing", "Membership", "Delivered", "Removed", "Expired", "Timeouts" },
        ["LicenseGovernance.LicenseSimulatorUserChange"] = new[] { "Changed (UTC)" },
        ["LicenseGovernance.LicenseSimulatorTimelineEntry"] = new[] { "When (UTC)", "Change", "Sku" },
        ["LicenseGovernance.LicenseSimulatorTimelineGap"] = new[] { "Start (UTC)", "End (UTC)", "Duration" },
        ["LicenseGovernance.TierLifecycleWorkflow"] = new[] { "Tasks", "Version", "Scheduled", "NextRun" },
        ["LicenseGovernance.TierMoveResult"] = new[] { "Outcome", "GapAvoided" },
        ["LicenseGovernance.WorkforceChange"] = new[] { "Line", "Change", "Outcome" },
        ["LicenseGovernance.WorkforceSeatDemand"] = new[] { "SkuPartNumber", "Needed", "Available", "Shortfall", "ShortfallMonthlyCost" },
        ["LicenseGovernance.TierSyncSummary"] = new[] { "UsersRead", "Settled", "Moved", "Bridged", "Waiting", "Failed", "Skipped", "Requests", "Writes" },
        ["LicenseGovernance.LicenseOffboardingStep"] = new[] { "Order", "Step", "Sku", "Status" },
        ["LicenseGovernance.LicenseOffboardingSummary"] = new[] { "Complete", "Seats", "Monthly", "Currency" },
        ["LicenseGovernance.TierConflict"] = new[] { "Kind" },
        ["LicenseGovernance.TierAccessReview"] = new[] { "AccessPackage", "Status" },
        ["LicenseGovernance.TierAccessReviewDecision"] = new[] { "UserPrincipalName", "Decision" },
    };

    private readonly Session _session;

    public TableViewWidthTests(Session session) => _session = session;

    public static IEnumerable<object[]> TableViews() => FormatFile.TableViews().Select(v => new object[] { v.Name });

    [Fact]
    public void EveryTableViewNamesItsKeyColumns_AndEachIsAColumnOfTheView()
    {
        foreach (var view in FormatFile.TableViews())
        {
            Assert.True(KeyColumns.TryGetValue(view.Name, out var keys), $"Name the key columns of the new view {view.Name} in {nameof(KeyColumns)}.");
            Assert.All(keys!, k => Assert.Contains(k, view.Labels));
        }
    }

    [Theory]
    [MemberData(nameof(TableViews))]
    public void AtOneHundredTwentyColumnsTheHeaderIsOneLineAndEveryKeyColumnIsWhole(string name)
    {
        var view = FormatFile.TableViews().Single(v => v.Name == name);
        var sample = OutputSamples.Create(typeof(LicenseSku).Assembly.GetType(view.TypeName, throwOnError: true)!);
        var result = _session.Shell.Run($"$input | Format-Table -View '{view.Name}' | Out-String -Width {Width}", new[] { sample });
        Assert.True(result.Terminating == null && result.Errors.Count == 0, result.AllErrorText);
        var text = Assert.IsType<string>(Assert.Single(result.Output));

        var table = RenderedTable.Parse(text);
        Assert.True(table.HeaderLines == 1, $"{name}: the header wraps over {table.HeaderLines} lines:\n{text}");
        Assert.All(table.Lines, l => Assert.True(l.Length <= Width, $"{name}: a line is {l.Length} columns wide:\n{text}"));
        Assert.True(view.Labels.SequenceEqual(table.Headers), $"{name}: only {string.Join(", ", table.Headers)} of its columns show at {Width} columns:\n{text}");
        foreach (var key in KeyColumns.GetValueOrDefault(name, Array.Empty<string>()))
        {
            Assert.True(table.Cells.ContainsKey(key), $"{name}: the key column {key} is cut at {Width} columns:\n{text}");
            var cell = table.Cells[key];
            Assert.False(cell.EndsWith('…') || cell.EndsWith("..."), $"{name}: the key column {key} shows '{cell}', cut short:\n{text}");
        }
    }

    /// <summary>A table as Format-Table writes it: a header line (or lines, when it wraps), a line of dashes, one row.</summary>
    private sealed record RenderedTable(int HeaderLines, IReadOnlyList<string> Lines, IReadOnlyList<string> Headers, IReadOnlyDictionary<string, string> Cells)
    {
        public static RenderedTable Parse(string text)
        {
            var lines = text.Replace("\r", "").Split('\n').SkipWhile(string.IsNullOrWhiteSpace).Where(l => l.Length > 0).ToList();
            var dashes = lines.FindIndex(l => l.TrimStart().StartsWith('-') && l.Trim().All(c => c is '-' or ' '));
            Assert.True(dashes > 0, "No table header in:\n" + text);
            var columns = Columns(lines[dashes]);
            var header = lines[dashes - 1];
            var row = dashes + 1 < lines.Count ? lines[dashes + 1] : "";
            var headers = columns.Select(c => Slice(header, c.Start, c.Length)).ToList();
            var cells = new Dictionary<string, string>();
            foreach (var (start, length) in columns)
            {
                cells[Slice(header, start, length)] = Slice(row, start, length);
            }

            return new RenderedTable(dashes, lines, headers, cells);
        }

        private static List<(int Start, int Length)> Columns(string dashes)
        {
            var columns = new List<(int, int)>();
            for (var i = 0; i < dashes.Length; i++)
            {
                if (dashes[i] == '-' && (i == 0 || dashes[i - 1] == ' '))
                {
                    var end = i;
                    while (end < dashes.Length && dashes[end] == '-')
                    {
                        end++;
                    }

                    columns.Add((i, end - i));
                }
            }

            return columns;
        }

        private static string Slice(string line, int start, int length) =>
            start >= line.Length ? "" : line.Substring(start, Math.Min(length, line.Length - start)).Trim();
    }

    /// <summary>The table views of the module's format file, with the type each one is for and its column labels.</summary>
    internal static class FormatFile
    {
        public static IReadOnlyList<(string Name, string TypeName, IReadOnlyList<string> Labels)> TableViews()
        {
            var file = XDocument.Load(Path.Combine(RepositoryPaths.Root, "LicenseGovernance.format.ps1xml"));
            return file.Descendants("View")
                .Where(v => v.Element("TableControl") != null)
                .Select(v => (
                    v.Element("Name")!.Value,
                    v.Element("ViewSelectedBy")!.Element("TypeName")!.Value,
                    (IReadOnlyList<string>)v.Element("TableControl")!.Descendants("TableColumnHeader").Select(h => h.Element("Label")?.Value ?? "").ToList()))
                .ToList();
        }
    }

    /// <summary>One runspace with the module imported, shared by every view's case.</summary>
    public sealed class Session : IDisposable
    {
        public PowerShellSession Shell { get; } = new();

        public void Dispose() => Shell.Dispose();
    }
}
