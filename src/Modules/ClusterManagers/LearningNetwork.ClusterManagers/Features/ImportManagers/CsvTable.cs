using System.Text;

namespace LearningNetwork.ClusterManagers.Features.ImportManagers;

/// <summary>One data row: its 1-based line number in the file (for error messages) and its fields by header name.</summary>
internal sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string Get(string column) => Fields.TryGetValue(column, out var value) ? value.Trim() : "";
}

/// <summary>
/// RFC 4180 CSV as spreadsheets write it: UTF-8 with or without BOM, comma or semicolon (Belgian
/// Excel writes semicolons; the header line decides), quoted fields with doubled quotes and line
/// breaks inside quotes, CRLF or LF.
/// </summary>
internal static class CsvTable
{
    public static (IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows, string? Error) Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var firstLineEnd = text.IndexOfAny(['\r', '\n']);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';

        var records = new List<(int Line, List<string> Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (c == delimiter)
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                        fieldStarted = false;
                    }
                    else
                    {
                        field.Append(c);
                        fieldStarted = true;
                    }

                    break;
            }
        }

        if (inQuotes)
        {
            return ([], [], $"Line {recordLine}: a quoted field is not closed.");
        }

        EndRecord();
        if (records.Count == 0)
        {
            return ([], [], "The file is empty: it needs a header line.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var rows = records.Skip(1)
            .Select(r => new CsvRow(r.Line, header
                .Select((name, index) => (name, value: index < r.Fields.Count ? r.Fields[index] : ""))
                .GroupBy(p => p.name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().value, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        return (header, rows, null);

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
            // A blank line (one empty field) is not a record.
            if (!(fields.Count == 1 && fields[0].Length == 0))
            {
                records.Add((recordLine, [.. fields]));
            }

            fields.Clear();
        }
    }
}
