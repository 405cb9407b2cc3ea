using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.GetActiveClusterManagers;

/// <summary>Answers other modules: every active manager with their cluster, by name.</summary>
internal sealed class GetActiveClusterManagersHandler(ClusterManagersDbContext db)
    : IRequestHandler<Contracts.GetActiveClusterManagers, IReadOnlyList<Contracts.ClusterManagerSummary>>
{
    public async Task<IReadOnlyList<Contracts.ClusterManagerSummary>> Handle(Contracts.GetActiveClusterManagers request, CancellationToken cancellationToken) =>
        await (from m in db.Managers.AsNoTracking()
               join c in db.Clusters.AsNoTracking() on m.ClusterId equals c.Id
               where m.IsActive
               orderby m.FullName, m.Id
               select new Contracts.ClusterManagerSummary(m.Id, m.FullName, m.Email, m.PreferredLanguage, c.Id, c.Name, m.IsActive) { Announcements = m.Announcements })
            .ToListAsync(cancellationToken);
}
