using System.Text;
using LearningNetwork.BuildingBlocks.Csv;

namespace LearningNetwork.BuildingBlocks.Tests;

/// <summary>The CSV every export writes, as a Belgian spreadsheet reads it.</summary>
public sealed class SpreadsheetCsvTests
{
    [Fact]
    public void Fields_are_separated_by_semicolons_quoted_only_when_needed_and_rows_end_in_CRLF_after_a_BOM()
    {
        var bytes = new SpreadsheetCsv().Row(["Naam", "Uren"]).Row(["Dupont; \"Marie\"", "1,5"]).Row(["Twee\nregels", "3"]).ToBytes();

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Naam;Uren\r\n\"Dupont; \"\"Marie\"\"\";1,5\r\n\"Twee\nregels\";3\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+32 9 123")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    public void A_field_a_spreadsheet_would_run_as_a_formula_stays_text(string value)
    {
        var text = Encoding.UTF8.GetString(new SpreadsheetCsv().Row([value]).ToBytes()[3..]);

        Assert.StartsWith("'", text.TrimStart('"'), StringComparison.Ordinal);
    }
}
