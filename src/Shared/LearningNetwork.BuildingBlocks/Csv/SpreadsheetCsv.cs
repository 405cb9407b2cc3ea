using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace LearningNetwork.BuildingBlocks.Csv;

/// <summary>
/// CSV as a Belgian (nl-BE/fr-BE) spreadsheet opens it straight into columns: semicolons between
/// fields (a decimal comma needs no quotes), CRLF between rows, UTF-8 with a BOM so accents survive. Written with Sep,
/// which quotes a field holding the separator, a quote or a line break; a leading = + - @ is
/// defused here first (CSV injection), which a CSV library leaves to its caller.
/// </summary>
public sealed class SpreadsheetCsv
{
    private readonly List<string[]> _rows = [];

    public SpreadsheetCsv Row(IEnumerable<string> fields)
    {
        _rows.Add([.. fields.Select(Defused)]);
        return this;
    }

    public byte[] ToBytes()
    {
        // Sep ends rows with the writer's line ending: CRLF, as RFC 4180 and spreadsheets on every platform expect.
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        var width = _rows.Select(r => r.Length).DefaultIfEmpty(0).Max();
        var columns = Enumerable.Range(0, width).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        using (var writer = Sep.New(';').Writer(o => o with { Escape = true, WriteHeader = false, DisableColCountCheck = true, ColNotSetOption = SepColNotSetOption.Empty }).To(text))
        {
            foreach (var fields in _rows)
            {
                using var row = writer.NewRow();
                for (var i = 0; i < fields.Length; i++)
                {
                    row[columns[i]].Set(fields[i]);
                }
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A leading = + - @ makes a spreadsheet run the field as a formula: a quote mark keeps it text.</summary>
    private static string Defused(string value) =>
        value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
}
