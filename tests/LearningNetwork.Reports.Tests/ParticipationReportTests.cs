using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using LearningNetwork.Testing;

namespace LearningNetwork.Reports.Tests;

/// <summary>
/// The yearly participation report against a history worked out by hand: a cluster whose
/// funding ends inside the year, one already past its funding, one never reached; a session
/// across the spring clock change; sessions either side of the new year in local time;
/// absences, a cancellation, a waitlisted manager and ratings.
/// </summary>
public sealed class ParticipationReportTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    public sealed record Row(
        Guid ClusterId, string ClusterName, string ClusterType, int SessionsAttended, double HoursAttended, int SessionsAttendedPostFunding,
        double HoursAttendedPostFunding, int ManagersAttending, int Enrollments, int NoShows, double? AverageFeedback, DateOnly? LastAttended);

    public sealed record ByType(int SpearheadCluster, int InnovativeBusinessNetwork);

    public sealed record Report(int Year, int ClustersReached, ByType ClustersReachedByType, int PostFundingClustersReached, IReadOnlyList<Row> Rows);

    [Fact]
    public async Task The_report_and_its_exports_match_a_history_worked_out_by_hand()
    {
        using var staff = await app.StaffClientAsync();
        var history = new History(app, staff);
        // A: funded until 31 March 2027; B: funding ended in 2026; C: never came.
        var a = await history.ClusterAsync("Alfa", "SpearheadCluster", "2025-01-01", "2027-03-31");
        var b = await history.ClusterAsync("Bèta", "InnovativeBusinessNetwork", "2024-01-01", "2026-12-31");
        var c = await history.ClusterAsync("Gamma", "InnovativeBusinessNetwork");
        var a1 = await history.ManagerAsync(a, "An Aerts");
        var a2 = await history.ManagerAsync(a, "Arne Adams");
        var b1 = await history.ManagerAsync(b, "Bea Bosmans");
        var c1 = await history.ManagerAsync(c, "Cas Claes");

        // 2 h in February (A funded, B post-funding): a1 and a2 attend, b1 absent, c1 cancels.
        var february = await history.SessionAsync("February", "2027-02-10T10:00", "2027-02-10T12:00");
        var ratedA = await history.EnrollAsync(february, a1, "Attended");
        await history.EnrollAsync(february, a2, "Attended");
        var ratedB = await history.EnrollAsync(february, b1, "Absent");
        var cancelled = await history.EnrollAsync(february, c1);
        await (await staff.PostAsync($"/api/enrollments/{cancelled}/cancel", null)).ShouldBe(HttpStatusCode.OK);
        await history.RateAsync(ratedA, 4);
        await history.RateAsync(ratedB, 2);

        // The night the clocks go forward: 22:00 to 04:00 local is 5 real hours (A still funded on 27 March).
        var clockChange = await history.SessionAsync("Night", "2027-03-27T22:00", "2027-03-28T04:00");
        await history.EnrollAsync(clockChange, a2, "Absent");
        await history.EnrollAsync(clockChange, b1, "Attended");

        // 3.5 h in April (A now post-funding), two seats: a2 waits and does not count.
        var april = await history.SessionAsync("April", "2027-04-14T14:00", "2027-04-14T17:30", capacity: 2);
        await history.EnrollAsync(april, a1, "Attended");
        await history.EnrollAsync(april, b1, "Attended");
        await history.EnrollAsync(april, a2);

        // Half past midnight on New Year's Day in Brussels is still 2026 in UTC: it counts for 2027.
        var newYear = await history.SessionAsync("New year", "2027-01-01T00:30", "2027-01-01T01:30");
        await history.EnrollAsync(newYear, a1, "Attended");
        // New Year's Eve in Brussels: 2026, not in the report.
        var oldYear = await history.SessionAsync("Old year", "2026-12-31T22:00", "2026-12-31T23:00");
        await history.EnrollAsync(oldYear, c1, "Attended");

        var report = await (await staff.GetAsync("/api/reports/participation?year=2027")).Typed<Report>(HttpStatusCode.OK);

        var rows = report.Rows.ToDictionary(r => r.ClusterId);
        Assert.Equal(
            new Row(a, history.Name("Alfa"), "SpearheadCluster", 3, 6.5, 1, 3.5, 2, 5, 1, 4, new DateOnly(2027, 4, 14)),
            rows[a]);
        Assert.Equal(
            new Row(b, history.Name("Bèta"), "InnovativeBusinessNetwork", 2, 8.5, 2, 8.5, 1, 3, 1, 2, new DateOnly(2027, 4, 14)),
            rows[b]);
        Assert.Equal(new Row(c, history.Name("Gamma"), "InnovativeBusinessNetwork", 0, 0, 0, 0, 0, 0, 0, null, null), rows[c]);
        // Only this test's clusters attended anything in 2027 on this database.
        Assert.Equal((2027, 2, new ByType(1, 1), 2), (report.Year, report.ClustersReached, report.ClustersReachedByType, report.PostFundingClustersReached));

        var csv = await staff.GetAsync("/api/reports/participation.csv?year=2027");
        await csv.ShouldBe(HttpStatusCode.OK);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Cluster;Type;Sessions attended;Hours attended;Sessions attended after funding;Hours attended after funding;Managers attending;Enrollments;No-shows;Average feedback;Last attended", lines[0]);
        Assert.True(lines.Contains($"{history.Name("Alfa")};SpearheadCluster;3;6,5;1;3,5;2;5;1;4;2027-04-14"), string.Join("\n", lines));
        Assert.True(lines.Contains($"{history.Name("Bèta")};InnovativeBusinessNetwork;2;8,5;2;8,5;1;3;1;2;2027-04-14"), string.Join("\n", lines));
        Assert.True(lines.Contains($"{history.Name("Gamma")};InnovativeBusinessNetwork;0;0;0;0;0;0;0;;"), string.Join("\n", lines));

        var xlsx = await staff.GetAsync("/api/reports/participation.xlsx?year=2027");
        await xlsx.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var sheets = Workbook.SheetNames(workbook);
        Assert.Equal(["Per cluster", "Per type"], sheets);
        var perCluster = Workbook.Sheet(workbook, 1);
        Assert.True(Workbook.HeaderIsFrozen(perCluster));
        Assert.True(Workbook.HasColumnWidths(perCluster));
        var alfa = Workbook.RowWith(perCluster, history.Name("Alfa"));
        Assert.Equal(("n", "6.5"), Workbook.Cell(alfa, "D"));
        Assert.Equal(("n", "3"), Workbook.Cell(alfa, "C"));
        Assert.Equal(new DateOnly(2027, 4, 14), Workbook.Date(alfa, "K"));
        var perType = Workbook.Sheet(workbook, 2);
        var ibn = Workbook.RowWith(perType, "InnovativeBusinessNetwork");
        Assert.Equal(("n", "8.5"), Workbook.Cell(ibn, "E"));
    }

    [Fact]
    public async Task A_year_that_is_not_a_year_is_refused_naming_the_field()
    {
        using var staff = await app.StaffClientAsync();
        foreach (var path in new[] { "/api/reports/participation?year=20x7", "/api/reports/participation.csv?year=1800", "/api/reports/participation.xlsx?year=-1" })
        {
            await (await staff.GetAsync(path)).ShouldNameInvalidField("year");
        }
    }
}

/// <summary>Reads an .xlsx the way a spreadsheet does: the sheets' XML inside the zip.</summary>
internal static class Workbook
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static IReadOnlyList<string> SheetNames(ZipArchive zip) =>
        Xml(zip, "xl/workbook.xml").Descendants(Main + "sheet").Select(s => (string)s.Attribute("name")!).ToList();

    public static XDocument Sheet(ZipArchive zip, int number) => Xml(zip, $"xl/worksheets/sheet{number}.xml");

    public static bool HeaderIsFrozen(XDocument sheet) =>
        sheet.Descendants(Main + "pane").Any(p => (string?)p.Attribute("state") == "frozen" && (string?)p.Attribute("ySplit") == "1");

    public static bool HasColumnWidths(XDocument sheet) => sheet.Descendants(Main + "col").Any(c => c.Attribute("width") is not null);

    public static XElement RowWith(XDocument sheet, string text) =>
        sheet.Descendants(Main + "row").Single(r => r.Descendants(Main + "v").Any(v => v.Value == text));

    public static (string? Type, string Value) Cell(XElement row, string column)
    {
        var cell = row.Elements(Main + "c").Single(c => ((string)c.Attribute("r")!).StartsWith(column, StringComparison.Ordinal));
        return ((string?)cell.Attribute("t") ?? "n", cell.Element(Main + "v")!.Value);
    }

    /// <summary>A date cell: a serial number with a date style, no text type.</summary>
    public static DateOnly Date(XElement row, string column)
    {
        var (type, value) = Cell(row, column);
        Assert.Equal("n", type);
        return DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static XDocument Xml(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        return XDocument.Load(stream);
    }
}
