using System.Text;

namespace LearningNetwork.BuildingBlocks.Csv;

/// <summary>
/// CSV as a Belgian (nl-BE/fr-BE) spreadsheet opens it straight into columns: semicolons between
/// fields, CRLF between rows, UTF-8 with a BOM so accents survive.
/// </summary>
public sealed class SpreadsheetCsv
{
    private readonly StringBuilder _text = new();

    public SpreadsheetCsv Row(IEnumerable<string> fields)
    {
        _text.AppendJoin(';', fields.Select(Field)).Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(_text.ToString())).ToArray();

    /// <summary>Quotes a field when it holds the separator, a quote or a line break (a decimal comma needs none); a leading = + - @ is defused (CSV injection).</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
