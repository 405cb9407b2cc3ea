using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.GetClusterHistory;

/// <summary>Every change of a cluster's type, funding dates and post-funding plan, oldest first.</summary>
internal sealed record GetClusterHistory(Guid ClusterId) : IRequest<IReadOnlyList<ClusterChangeResponse>>;

internal sealed record ClusterChangeResponse(DateTime At, Guid? ActorId, string Field, string? OldValue, string? NewValue);

internal sealed class GetClusterHistoryHandler(ClusterManagersDbContext db) : IRequestHandler<GetClusterHistory, IReadOnlyList<ClusterChangeResponse>>
{
    public async Task<IReadOnlyList<ClusterChangeResponse>> Handle(GetClusterHistory request, CancellationToken cancellationToken)
    {
        if (!await db.Clusters.AnyAsync(c => c.Id == request.ClusterId, cancellationToken))
        {
            throw new NotFoundException("Cluster", request.ClusterId);
        }

        var changes = await db.ClusterChanges.AsNoTracking().Where(c => c.ClusterId == request.ClusterId)
            .OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return changes.Select(c => new ClusterChangeResponse(c.At.UtcDateTime, c.ActorId, c.Field, c.OldValue, c.NewValue)).ToList();
    }
}
