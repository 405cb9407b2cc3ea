using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.GetDirectoryFigures;

/// <summary>Answers the host's reports: how many clusters and active managers the directory holds.</summary>
internal sealed class GetDirectoryFiguresHandler(ClusterManagersDbContext db) : IRequestHandler<Contracts.GetDirectoryFigures, Contracts.DirectoryFigures>
{
    public async Task<Contracts.DirectoryFigures> Handle(Contracts.GetDirectoryFigures request, CancellationToken cancellationToken) =>
        new(await db.Clusters.CountAsync(cancellationToken), await db.Managers.CountAsync(m => m.IsActive, cancellationToken));
}
