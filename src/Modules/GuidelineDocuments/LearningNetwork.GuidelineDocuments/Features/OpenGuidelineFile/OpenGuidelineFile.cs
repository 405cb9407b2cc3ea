using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.GuidelineDocuments.Domain;
using LearningNetwork.GuidelineDocuments.Persistence;
using LearningNetwork.GuidelineDocuments.Storage;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.OpenGuidelineFile;

internal sealed record DownloadFile(Stream Content, string FileName, string ContentType, string Sha256, DateTimeOffset LastModified, GuidelineVersion Version);

/// <summary>Opens a version for download (Number null: the latest the caller may see).</summary>
internal sealed record OpenGuidelineFile(Guid GuidelineId, int? Number) : IRequest<DownloadFile>;

internal sealed class OpenGuidelineFileHandler(GuidelinesDbContext db, IFileStore files, ICurrentUser user) : IRequestHandler<OpenGuidelineFile, DownloadFile>
{
    public async Task<DownloadFile> Handle(OpenGuidelineFile request, CancellationToken cancellationToken)
    {
        var guideline = await db.Guidelines.AsNoTracking().Include(g => g.Versions).FirstOrDefaultAsync(g => g.Id == request.GuidelineId, cancellationToken);
        if (guideline is null || (!user.IsStaff && guideline.Status != GuidelineStatus.Published))
        {
            throw new NotFoundException("Guideline", request.GuidelineId);
        }

        var version = request.Number is { } number
            ? guideline.Versions.FirstOrDefault(v => v.Number == number && (user.IsStaff || v.PublishedAt is not null))
            : user.IsStaff ? guideline.Latest : guideline.LatestPublished;
        if (version is null)
        {
            throw new NotFoundException("Guideline version", request.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest");
        }

        var content = await files.OpenReadAsync(version.BlobId, cancellationToken);
        return new DownloadFile(content, version.FileName, version.ContentType, version.Sha256, version.UploadedAt, version);
    }
}
