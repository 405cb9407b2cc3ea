using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.ListManagerDownloads;

internal sealed record ManagerDownload(Guid GuidelineId, string Title, int Version, DateTime At);

/// <summary>Staff read which guidelines one manager downloaded, newest first (the last <see cref="Limit"/>).</summary>
internal sealed record ListManagerDownloads(Guid ClusterManagerId) : IRequest<IReadOnlyList<ManagerDownload>>
{
    public const int Limit = 200;
}

internal sealed class ListManagerDownloadsHandler(GuidelinesDbContext db, IMediator mediator) : IRequestHandler<ListManagerDownloads, IReadOnlyList<ManagerDownload>>
{
    public async Task<IReadOnlyList<ManagerDownload>> Handle(ListManagerDownloads request, CancellationToken cancellationToken)
    {
        if ((await mediator.Send(new GetClusterManagers([request.ClusterManagerId]), cancellationToken)).Count == 0)
        {
            throw new NotFoundException("ClusterManager", request.ClusterManagerId);
        }

        var downloads = await (from d in db.Downloads.AsNoTracking()
                               join g in db.Guidelines.AsNoTracking() on d.GuidelineId equals g.Id
                               where d.ClusterManagerId == request.ClusterManagerId
                               orderby d.At descending
                               select new { d.GuidelineId, g.Title, d.Version, d.At })
            .Take(ListManagerDownloads.Limit)
            .ToListAsync(cancellationToken);
        return downloads.Select(d => new ManagerDownload(d.GuidelineId, d.Title, d.Version, d.At.UtcDateTime)).ToList();
    }
}
