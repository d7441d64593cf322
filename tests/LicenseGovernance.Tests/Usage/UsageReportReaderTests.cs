using System.Text;
using LicenseGovernance.Engine.Usage;
using Xunit;

namespace LicenseGovernance.Tests.Usage;

/// <summary>Reading report CSVs as Graph writes them, and refusing ones that cannot be trusted.</summary>
public class UsageReportReaderTests
{
    private const string ActiveHeader =
        "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange License,Has OneDrive License,Has SharePoint License," +
        "Has Skype For Business License,Has Yammer License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date," +
        "SharePoint Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last Activity Date," +
        "Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign Date,Skype For Business License Assign Date," +
        "Yammer License Assign Date,Teams License Assign Date,Assigned Products";

    [Fact]
    public void ReadsByColumnName_WithOrWithoutByteOrderMark_AndProductsWithCommasQuoted()
    {
        var csv = ActiveHeader + "\n" +
            "2026-10-31,Adele@Contoso.com,\"Vance, Adele\",False,,True,True,True,False,True,True,2026-10-30,,2026-10-01,,,2026-10-29,2024-01-05,2024-01-05,2024-01-05,,2024-01-05,2024-01-05,\"OFFICE 365 E5+ENTERPRISE MOBILITY + SECURITY E5\"\n";

        foreach (var bom in new[] { true, false })
        {
            var rows = UsageReportReader.ParseActiveUsers(Stream(csv, bom));

            var adele = rows["adele@contoso.com"];
            Assert.Equal("adele@contoso.com", adele.UserPrincipalName);
            Assert.Equal(new DateTime(2026, 10, 31), adele.ReportRefreshDate);
            Assert.Equal(new DateTime(2026, 10, 30), adele.LastActivity["Exchange"]);
            Assert.Null(adele.LastActivity["OneDrive"]);
            Assert.Equal(new DateTime(2026, 10, 1), adele.LastActivity["SharePoint"]);
            Assert.Equal(new DateTime(2026, 10, 29), adele.LastActivity["Teams"]);
        }
    }

    [Fact]
    public void ColumnsInAnotherOrderStillRead()
    {
        var columns = ActiveHeader.Split(',').Reverse().ToArray();
        var values = columns.Select(c => c switch
        {
            "User Principal Name" => "megan@contoso.com",
            "Report Refresh Date" => "2026-10-31",
            "Teams Last Activity Date" => "2026-10-20",
            _ => "",
        });
        var rows = UsageReportReader.ParseActiveUsers(Stream(string.Join(",", columns) + "\n" + string.Join(",", values) + "\n", bom: true));

        Assert.Equal(new DateTime(2026, 10, 20), rows["megan@contoso.com"].LastActivity["Teams"]);
    }

    [Fact]
    public void HeadersAreMatchedWithoutRegardToCaseOrSurroundingSpaces()
    {
        // The column check already ignores case; reading must too, or a report that passed it fails as unreadable.
        var header = string.Join(",", ActiveHeader.Split(',').Select(h => h == "Skype For Business Last Activity Date" ? " Skype for Business Last Activity Date " : h.ToUpperInvariant()));
        var csv = header + "\n2026-10-31,lee@contoso.com,Lee,False,,True,True,True,True,True,True,,,,2026-10-12,,2026-10-29,,,,,,,\n";

        var lee = UsageReportReader.ParseActiveUsers(Stream(csv, bom: true))["lee@contoso.com"];

        Assert.Equal(new DateTime(2026, 10, 12), lee.LastActivity["Skype For Business"]);
        Assert.Equal(new DateTime(2026, 10, 29), lee.LastActivity["Teams"]);
    }

    [Fact]
    public void AppReportAcceptsYesAndTrue()
    {
        var header = "Report Refresh Date,User Principal Name,Last Activation Date,Last Activity Date,Report Period," +
            string.Join(",", new[] { "Windows", "Mac", "Mobile", "Web" }.SelectMany(p => new[] { "Outlook", "Word", "Excel", "PowerPoint", "OneNote", "Teams" }.Select(a => $"{a} ({p})")));
        var cells = Enumerable.Repeat("No", 24).ToArray();
        cells[1] = "Yes";  // Word (Windows)
        cells[23] = "True"; // Teams (Web)
        var rows = UsageReportReader.ParseAppUsers(Stream(header + "\n2026-10-31,lee@contoso.com,2025-01-01,2026-10-30,30," + string.Join(",", cells) + "\n", bom: true));

        Assert.Equal(new[] { "Word (Windows)", "Teams (Web)" }, rows["lee@contoso.com"].AppsUsed);
        Assert.Equal(new DateTime(2026, 10, 30), rows["lee@contoso.com"].LastActivityDate);
        Assert.Equal(new DateTime(2025, 1, 1), rows["LEE@contoso.com"].LastActivationDate);
    }

    [Fact]
    public void AMissingColumnIsAnUnreadableReportThatNamesIt()
    {
        var header = ActiveHeader.Replace("Teams Last Activity Date,", "");

        var ex = Assert.Throws<LicenseGovernanceException>(() => UsageReportReader.ParseActiveUsers(Stream(header + "\n", bom: true)));

        Assert.Equal(ErrorIds.UsageReportUnreadable, ex.Error.Id);
        Assert.Contains("'Teams Last Activity Date'", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not,a,report\n1,2,3\n")]
    public void AnEmptyOrForeignFileIsUnreadable(string csv)
    {
        var ex = Assert.Throws<LicenseGovernanceException>(() => UsageReportReader.ParseActiveUsers(Stream(csv, bom: false)));

        Assert.Equal(ErrorIds.UsageReportUnreadable, ex.Error.Id);
    }

    [Fact]
    public void AGarbledDateIsUnreadableRatherThanNoActivity()
    {
        var csv = ActiveHeader + "\n2026-10-31,a@contoso.com,A,False,,True,True,True,True,True,True,yesterday,,,,,,,,,,,,\n";

        var ex = Assert.Throws<LicenseGovernanceException>(() => UsageReportReader.ParseActiveUsers(Stream(csv, bom: true)));

        Assert.Equal(ErrorIds.UsageReportUnreadable, ex.Error.Id);
        Assert.Contains("yesterday", ex.Message);
    }

    [Fact]
    public void ADeletedUsersRowDoesNotStandForTheLiveUserWithTheSameName()
    {
        // The report keeps deleted users (Is Deleted True) for a while; a re-created account can reuse the name. Whatever the
        // order, the live account's row is the one that counts, and a name only a deleted account has is not in the result.
        var live = "2026-10-31,rehired@contoso.com,Rehired,False,,True,True,True,True,True,True,2026-10-30,,,,,,,,,,,,";
        var deleted = "2026-10-31,rehired@contoso.com,Rehired,True,2026-03-01,False,False,False,False,False,False,2026-02-27,,,,,2026-02-27,,,,,,,";
        var gone = "2026-10-31,gone@contoso.com,Gone,True,2026-09-01,False,False,False,False,False,False,2026-08-30,,,,,,,,,,,,";

        foreach (var lines in new[] { new[] { live, deleted, gone }, new[] { deleted, gone, live } })
        {
            var rows = UsageReportReader.ParseActiveUsers(Stream(ActiveHeader + "\n" + string.Join("\n", lines) + "\n", bom: true));

            Assert.Equal(new DateTime(2026, 10, 30), rows["rehired@contoso.com"].LastActivity["Exchange"]);
            Assert.Null(rows["rehired@contoso.com"].LastActivity["Teams"]);
            Assert.False(rows.ContainsKey("gone@contoso.com"));
        }
    }

    [Fact]
    public void ConcealedRowsAreRecognised_RealNamesAreNot()
    {
        var concealed = UsageReportReader.ParseActiveUsers(Stream(ActiveHeader + "\n2026-10-31,FE7CC8C15246EDCCA289C9A4022762F7,FE7CC8C15246EDCCA289C9A4022762F7,False,,True,True,True,True,True,True,,,,,,,,,,,,,\n", bom: true));
        var shown = UsageReportReader.ParseActiveUsers(Stream(ActiveHeader + "\n2026-10-31,adele@contoso.com,Adele,False,,True,True,True,True,True,True,,,,,,,,,,,,,\n", bom: true));

        Assert.True(UsageReportReader.NamesConcealed(concealed));
        // Graph's concealing algorithm is not public, and other forms are reported (lower-case, SHA-256 length): whatever
        // the form, rows none of which holds a user principal name cannot be matched, and that must be said, not "not in the report".
        foreach (var other in new[] { "fe7cc8c15246edcca289c9a4022762f7", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08" })
        {
            Assert.True(UsageReportReader.NamesConcealed(UsageReportReader.ParseActiveUsers(Stream(ActiveHeader + $"\n2026-10-31,{other},{other},False,,True,True,True,True,True,True,,,,,,,,,,,,,\n", bom: true))));
        }

        Assert.False(UsageReportReader.NamesConcealed(shown));
        Assert.False(UsageReportReader.NamesConcealed(new ActiveUserRows()));
    }

    [Fact]
    public void RowsAreHeldByNameWithoutRegardToCase_AndManyNamesKeepTheirOwnRows()
    {
        // Rows are held under a hash of the name, not the name: every one of many similar names must still find its own row.
        var lines = Enumerable.Range(0, 5000).Select(i => $"2026-10-31,user{i}@contoso.com,U,False,,True,True,True,True,True,True,{new DateTime(2026, 1, 1).AddDays(i % 300):yyyy-MM-dd},,,,,,,,,,,,");
        var rows = UsageReportReader.ParseActiveUsers(Stream(ActiveHeader + "\n" + string.Join("\n", lines) + "\n", bom: true));

        Assert.Equal(5000, rows.Count);
        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal(new DateTime(2026, 1, 1).AddDays(i % 300), rows[$"USER{i}@Contoso.com"].LastActivity["Exchange"]);
        }

        Assert.False(rows.ContainsKey("user5000@contoso.com"));
        Assert.False(rows.TryGetValue("user1@contoso.co", out _));
    }

    private static Stream Stream(string text, bool bom) => new MemoryStream(new UTF8Encoding(bom).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());
}
