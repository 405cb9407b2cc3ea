using PdfSharp.Fonts;

namespace LearningNetwork.Reports.Features.Shared;

/// <summary>
/// DejaVu Sans, shipped inside this assembly (Fonts/, with its licence) and embedded in every
/// certificate, so accented names print the same on any host, with or without system fonts.
/// </summary>
internal sealed class CertificateFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Installed = new(() =>
    {
        GlobalFontSettings.FontResolver = new CertificateFonts();
        return true;
    });

    /// <summary>PDFsharp takes one resolver for the whole process: set it once, before the first document.</summary>
    public static void EnsureInstalled() => _ = Installed.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream($"Fonts/{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
