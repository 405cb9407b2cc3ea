using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.GuidelineDocuments.Domain;
using LearningNetwork.GuidelineDocuments.Persistence;
using LearningNetwork.GuidelineDocuments.Storage;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.Download;

internal sealed record DownloadFile(Stream Content, string FileName, string ContentType, string Sha256, DateTimeOffset LastModified, GuidelineVersion Version);

/// <summary>Opens a version for download (Number null: the latest the caller may see).</summary>
internal sealed record OpenGuidelineFile(Guid GuidelineId, int? Number) : IRequest<DownloadFile>;

/// <summary>Records that the caller received a version (not for 304 answers: nothing was sent).</summary>
internal sealed record LogDownload(Guid GuidelineId, int Version) : IRequest<Unit>;

internal sealed record DownloadLogEntry(Guid UserId, Guid? ClusterManagerId, int Version, DateTime At);

internal sealed record GetDownloadLog(Guid GuidelineId) : IRequest<IReadOnlyList<DownloadLogEntry>>;

internal sealed class DownloadHandler(GuidelinesDbContext db, IFileStore files, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<OpenGuidelineFile, DownloadFile>, IRequestHandler<LogDownload, Unit>, IRequestHandler<GetDownloadLog, IReadOnlyList<DownloadLogEntry>>
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

    public async Task<Unit> Handle(LogDownload request, CancellationToken cancellationToken)
    {
        db.Downloads.Add(new Domain.Download
        {
            Id = Guid.CreateVersion7(),
            GuidelineId = request.GuidelineId,
            Version = request.Version,
            UserId = user.UserId ?? Guid.Empty,
            ClusterManagerId = user.ClusterManagerId,
            At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public async Task<IReadOnlyList<DownloadLogEntry>> Handle(GetDownloadLog request, CancellationToken cancellationToken)
    {
        if (!await db.Guidelines.AnyAsync(g => g.Id == request.GuidelineId, cancellationToken))
        {
            throw new NotFoundException("Guideline", request.GuidelineId);
        }

        var downloads = await db.Downloads.AsNoTracking().Where(d => d.GuidelineId == request.GuidelineId).OrderByDescending(d => d.At).ToListAsync(cancellationToken);
        return downloads.Select(d => new DownloadLogEntry(d.UserId, d.ClusterManagerId, d.Version, d.At.UtcDateTime)).ToList();
    }
}
