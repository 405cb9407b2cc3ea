using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.GetClusterSummaries;

/// <summary>Answers other modules: these clusters with their type and funding period.</summary>
internal sealed class GetClusterSummariesHandler(ClusterManagersDbContext db) : IRequestHandler<Contracts.GetClusterSummaries, IReadOnlyList<Contracts.ClusterSummary>>
{
    public async Task<IReadOnlyList<Contracts.ClusterSummary>> Handle(Contracts.GetClusterSummaries request, CancellationToken cancellationToken)
    {
        var ids = request.ClusterIds.Distinct().ToList();
        return (await db.Clusters.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken))
            .Select(c => new Contracts.ClusterSummary(c.Id, c.Name, c.Type.ToString(), c.FundingStart, c.FundingEnd))
            .ToList();
    }
}
