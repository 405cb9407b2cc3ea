using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.GetDownloadLog;

internal sealed record DownloadLogEntry(Guid UserId, Guid? ClusterManagerId, int Version, DateTime At);

internal sealed record GetDownloadLog(Guid GuidelineId) : IRequest<IReadOnlyList<DownloadLogEntry>>;

internal sealed class GetDownloadLogHandler(GuidelinesDbContext db) : IRequestHandler<GetDownloadLog, IReadOnlyList<DownloadLogEntry>>
{
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
