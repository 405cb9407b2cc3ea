using System.IO.Compression;
using System.Text;

namespace LearningNetwork.GuidelineDocuments.Storage;

/// <summary>
/// Recognises an upload by its bytes, not its name or declared type: PDF by its header; DOCX,
/// XLSX and PPTX by the part their ZIP package must contain; ODT by its "mimetype" entry.
/// Anything else (a renamed .exe, a zip of something else) is not a guideline document.
/// </summary>
internal static class FileKinds
{
    public sealed record Kind(string ContentType, string Extension);

    public static readonly Kind Pdf = new("application/pdf", ".pdf");
    public static readonly Kind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly Kind Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly Kind Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly Kind Odt = new("application/vnd.oasis.opendocument.text", ".odt");

    /// <summary>The kind of a seekable stream's content, or null; the stream is left at position 0.</summary>
    public static Kind? Recognise(Stream content)
    {
        content.Position = 0;
        Span<byte> head = stackalloc byte[5];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (read == 5 && head.SequenceEqual("%PDF-"u8))
        {
            return Pdf;
        }

        if (read < 4 || !head[..4].SequenceEqual("PK\u0003\u0004"u8))
        {
            return null;
        }

        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is not null)
            {
                // Only as many bytes as the expected value: an entry that inflates to gigabytes (a zip bomb) is never read further.
                using var entry = mimetype.Open();
                var expected = Encoding.ASCII.GetBytes(Odt.ContentType);
                var buffer = new byte[expected.Length + 2];
                var length = entry.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                return Encoding.ASCII.GetString(buffer, 0, length).Trim() == Odt.ContentType ? Odt : null;
            }

            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }

            return zip.GetEntry("word/document.xml") is not null ? Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? Xlsx
                : zip.GetEntry("ppt/presentation.xml") is not null ? Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>A file name safe to store and send back: no path, no control characters or quotes, the right extension.</summary>
    public static string SafeFileName(string? uploaded, Kind kind)
    {
        var name = Path.GetFileNameWithoutExtension((uploaded ?? "").Replace('\\', '/').Split('/').Last());
        var cleaned = new string(name.Select(c => char.IsControl(c) || c is '"' or '/' or '\\' or ':' or '*' or '?' or '<' or '>' or '|' or ';' ? '_' : c).ToArray()).Trim(' ', '.');
        if (cleaned.Length == 0)
        {
            cleaned = "guideline";
        }

        return (cleaned.Length > 150 ? cleaned[..150] : cleaned) + kind.Extension;
    }
}
