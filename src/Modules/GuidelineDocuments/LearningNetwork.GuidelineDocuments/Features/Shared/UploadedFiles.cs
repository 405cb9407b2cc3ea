using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.GuidelineDocuments.Domain;
using LearningNetwork.GuidelineDocuments.Storage;
using Microsoft.Extensions.Options;

namespace LearningNetwork.GuidelineDocuments.Features.Shared;

/// <summary>Checks an upload (size, kind recognised by content) and stores it, for a new guideline or a new version.</summary>
internal sealed class UploadedFiles(IFileStore files, IOptions<GuidelineOptions> options)
{
    public async Task<StoredFile> StoreAsync(FileUpload upload, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxUploadBytes;
        if (upload.Length > max)
        {
            throw new ContentTooLargeException($"The file is larger than {max / 1024 / 1024} MB.");
        }

        if (upload.Length == 0)
        {
            throw new InvalidFieldException("file", "The file is empty.");
        }

        await using var content = upload.Open();
        var kind = FileKinds.Recognise(content)
            ?? throw new UnsupportedContentException("Only PDF, DOCX, XLSX, PPTX and ODT files are accepted, recognised by their content.");
        var (blobId, length, sha256) = await files.SaveAsync(content, cancellationToken);
        return new StoredFile(blobId, FileKinds.SafeFileName(upload.FileName, kind), kind.ContentType, length, sha256);
    }
}
