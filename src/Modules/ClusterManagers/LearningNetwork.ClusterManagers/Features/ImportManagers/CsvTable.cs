using nietras.SeparatedValues;

namespace LearningNetwork.ClusterManagers.Features.ImportManagers;

/// <summary>One data row: its 1-based line number in the file (for error messages) and its fields by header name.</summary>
internal sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string Get(string column) => Fields.TryGetValue(column, out var value) ? value.Trim() : "";
}

/// <summary>
/// RFC 4180 CSV as spreadsheets write it, read with Sep: comma or semicolon (Belgian Excel writes
/// semicolons; the header line decides), quoted fields with doubled quotes and line breaks inside
/// quotes, CRLF or LF. The text comes decoded (<see cref="CsvEncoding"/>).
/// </summary>
internal static class CsvTable
{
    /// <returns>The header and rows, or the line of the first problem and what it is.</returns>
    public static (IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows, (int Line, string Message)? Error) Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ([], [], (1, "The file is empty: it needs a header line."));
        }

        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true })
            .FromText(text.TrimStart('\uFEFF'));
        var header = reader.Header.ColNames.Select(h => h.Trim()).ToList();
        var rows = new List<CsvRow>();
        foreach (var row in reader)
        {
            // A quote opened and never closed runs to the end of the file: the line where it started is the one to mend.
            if (row.Span.Count('"') % 2 != 0)
            {
                return ([], [], (row.LineNumberFrom, $"Line {row.LineNumberFrom}: a quoted field is not closed."));
            }

            var fields = new List<string>(row.ColCount);
            for (var i = 0; i < row.ColCount; i++)
            {
                fields.Add(row[i].ToString());
            }

            // A blank line (one empty field) is not a record.
            if (fields is [""])
            {
                continue;
            }

            rows.Add(new CsvRow(row.LineNumberFrom, header
                .Select((name, index) => (name, value: index < fields.Count ? fields[index] : ""))
                .GroupBy(p => p.name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().value, StringComparer.OrdinalIgnoreCase)));
        }

        return (header, rows, null);
    }
}
