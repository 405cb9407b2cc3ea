using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace LearningNetwork.Reports.Features.Shared;

/// <summary>One A4 page: the agency, the person and their cluster, and what they attended, with hours.</summary>
internal static class CertificateDocument
{
    private const double Margin = 60;

    public sealed record Line(string Title, string When, double Hours);

    /// <param name="heading">What they attended, e.g. "attended" for one session.</param>
    public static byte[] Render(CertificateTexts texts, string agency, string person, string cluster, string heading, IReadOnlyList<Line> lines, string reference, DateTimeOffset issued)
    {
        CertificateFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"{texts.Title} – {person}";
        document.Info.Author = agency;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point - (2 * Margin);
            var text = new XTextFormatter(graphics);
            var y = 90.0;

            void Write(string value, double size, bool bold = false, double after = 10)
            {
                var font = new XFont(CertificateFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
                var height = Math.Ceiling(graphics.MeasureString(value, font).Width / width + 0.01) * font.GetHeight();
                text.DrawString(value, font, XBrushes.Black, new XRect(Margin, y, width, height), XStringFormats.TopLeft);
                y += height + after;
            }

            Write(texts.Title, 26, bold: true, after: 30);
            Write(string.Format(texts.Culture, texts.Certifies, agency), 13);
            Write(person, 20, bold: true, after: 4);
            Write(string.Format(texts.Culture, texts.OfCluster, cluster), 13, after: 18);
            Write(heading, 13, after: 12);
            foreach (var line in lines)
            {
                Write(line.Title, 14, bold: true, after: 2);
                Write($"{line.When} · {string.Format(texts.Culture, texts.Duration, texts.Hours(line.Hours))}", 11, after: 10);
            }

            if (lines.Count > 1)
            {
                Write(string.Format(texts.Culture, texts.Total, texts.Hours(lines.Sum(l => l.Hours))), 13, bold: true, after: 10);
            }

            y = page.Height.Point - 110;
            Write(string.Format(texts.Culture, texts.Issued, texts.Day(issued)), 10, after: 2);
            Write(string.Format(texts.Culture, texts.Reference, reference), 9);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
