using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Features.Shared;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.GetCluster;

internal sealed record GetCluster(Guid Id) : IRequest<ClusterResponse>;

internal sealed class GetClusterHandler(ClusterManagersDbContext db, TimeProvider clock) : IRequestHandler<GetCluster, ClusterResponse>
{
    public async Task<ClusterResponse> Handle(GetCluster request, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Cluster", request.Id);
        return ClusterResponse.From(cluster, await db.Managers.CountAsync(m => m.ClusterId == cluster.Id && m.IsActive, cancellationToken), clock.GetUtcNow());
    }
}
