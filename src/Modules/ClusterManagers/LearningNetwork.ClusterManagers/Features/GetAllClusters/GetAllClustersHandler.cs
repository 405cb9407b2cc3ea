using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.GetAllClusters;

/// <summary>Answers other modules: every cluster with its type and funding period.</summary>
internal sealed class GetAllClustersHandler(ClusterManagersDbContext db) : IRequestHandler<Contracts.GetAllClusters, IReadOnlyList<Contracts.ClusterSummary>>
{
    public async Task<IReadOnlyList<Contracts.ClusterSummary>> Handle(Contracts.GetAllClusters request, CancellationToken cancellationToken) =>
        (await db.Clusters.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id).ToListAsync(cancellationToken))
            .Select(c => new Contracts.ClusterSummary(c.Id, c.Name, c.Type.ToString(), c.FundingStart, c.FundingEnd))
            .ToList();
}
