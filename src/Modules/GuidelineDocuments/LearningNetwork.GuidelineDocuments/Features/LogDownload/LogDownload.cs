using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;

namespace LearningNetwork.GuidelineDocuments.Features.LogDownload;

/// <summary>Records that the caller received a version (not for 304 answers: nothing was sent). Sent by the download endpoints.</summary>
internal sealed record LogDownload(Guid GuidelineId, int Version) : IRequest<Unit>;

internal sealed class LogDownloadHandler(GuidelinesDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<LogDownload, Unit>
{
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
}
