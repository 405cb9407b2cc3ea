using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.GetClusterManagers;

/// <summary>Answers other modules' questions about managers (enrollment lists, email language).</summary>
internal sealed class GetClusterManagersHandler(ClusterManagersDbContext db)
    : IRequestHandler<Contracts.GetClusterManagers, IReadOnlyList<Contracts.ClusterManagerSummary>>
{
    // Compiled once: every enrollment asks who the manager is (see the Sessions module's SessionListQueries).
    private static readonly Func<ClusterManagersDbContext, Guid[], IAsyncEnumerable<Contracts.ClusterManagerSummary>> SummariesQuery =
        EF.CompileAsyncQuery((ClusterManagersDbContext db, Guid[] ids) =>
            from m in db.Managers.AsNoTracking()
            join c in db.Clusters.AsNoTracking() on m.ClusterId equals c.Id
            where ids.Contains(m.Id)
            select new Contracts.ClusterManagerSummary(m.Id, m.FullName, m.Email, m.PreferredLanguage, c.Id, c.Name, m.IsActive) { Announcements = m.Announcements, Phone = m.Phone });

    public async Task<IReadOnlyList<Contracts.ClusterManagerSummary>> Handle(Contracts.GetClusterManagers request, CancellationToken cancellationToken)
    {
        var managers = new List<Contracts.ClusterManagerSummary>(request.ClusterManagerIds.Count);
        await foreach (var manager in SummariesQuery(db, request.ClusterManagerIds.Distinct().ToArray()).WithCancellation(cancellationToken))
        {
            managers.Add(manager);
        }

        return managers;
    }
}
