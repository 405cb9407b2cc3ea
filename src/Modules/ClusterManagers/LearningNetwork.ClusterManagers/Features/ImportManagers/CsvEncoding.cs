using System.Text;

namespace LearningNetwork.ClusterManagers.Features.ImportManagers;

/// <summary>
/// What a CSV file says, whichever way a spreadsheet saved it: UTF-8 (with or without BOM), or
/// Windows-1252, which a Belgian Excel writes for "CSV" unless told otherwise. A file that is
/// neither is refused, so no name is ever stored with a replacement character (U+FFFD).
/// </summary>
internal static class CsvEncoding
{
    public const string Refusal = "The file is neither UTF-8 nor Windows-1252 text. In Excel, save it as 'CSV UTF-8 (comma delimited)' and try again.";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The five byte values Windows-1252 leaves undefined: a file with them is not Windows-1252.</summary>
    private static readonly byte[] UndefinedIn1252 = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

    static CsvEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <returns>The text, or null when the bytes are neither encoding (<see cref="Refusal"/> says why).</returns>
    public static string? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        // NUL or other control bytes: UTF-16, a spreadsheet's binary format, or no text at all.
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return null;
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8. Every byte but five is a letter or sign in Windows-1252.
        }

        if (bytes.IndexOfAny(UndefinedIn1252) >= 0)
        {
            return null;
        }

        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
    }
}
