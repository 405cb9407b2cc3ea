using System.IO.Compression;
using LearningNetwork.GuidelineDocuments.Storage;

namespace LearningNetwork.GuidelineDocuments.Tests;

/// <summary>Recognising a file reads a bounded number of bytes, however large its entries inflate.</summary>
public sealed class ZipBombTests
{
    [Fact]
    public void A_mimetype_entry_that_inflates_to_hundreds_of_megabytes_is_not_read_beyond_what_is_needed()
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("mimetype", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 256; i++)
            {
                entry.Write(zeros);
            }
        }

        Assert.True(file.Length < 2 * 1024 * 1024, $"the test file itself is {file.Length} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var kind = FileKinds.Recognise(file);

        Assert.Null(kind);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 16 * 1024 * 1024, $"recognising the file allocated {allocated / 1024 / 1024} MiB");
    }
}
