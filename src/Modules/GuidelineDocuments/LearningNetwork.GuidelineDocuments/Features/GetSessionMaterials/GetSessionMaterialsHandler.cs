using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.GuidelineDocuments.Domain;
using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.GetSessionMaterials;

/// <summary>Answers Sessions (session lists and pages) and Notifications (follow-ups): the published materials of these sessions, in order.</summary>
internal sealed class GetSessionMaterialsHandler(GuidelinesDbContext db)
    : IRequestHandler<Contracts.GetSessionMaterials, IReadOnlyDictionary<Guid, IReadOnlyList<MaterialSummary>>>
{
    // Compiled once: every session list and session page asks for the materials of its sessions.
    private static readonly Func<GuidelinesDbContext, Guid[], IAsyncEnumerable<MaterialRow>> MaterialsQuery =
        EF.CompileAsyncQuery((GuidelinesDbContext db, Guid[] ids) =>
            from m in db.Materials.AsNoTracking()
            join g in db.Guidelines.AsNoTracking() on m.GuidelineId equals g.Id
            where ids.Contains(m.SessionId) && g.Status == GuidelineStatus.Published
            orderby m.Position
            select new MaterialRow(m.SessionId, g.Id, g.Title, g.Language));

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<MaterialSummary>>> Handle(Contracts.GetSessionMaterials request, CancellationToken cancellationToken)
    {
        var materials = new Dictionary<Guid, IReadOnlyList<MaterialSummary>>();
        await foreach (var row in MaterialsQuery(db, request.SessionIds.Distinct().ToArray()).WithCancellation(cancellationToken))
        {
            if (!materials.TryGetValue(row.SessionId, out var list))
            {
                materials[row.SessionId] = list = new List<MaterialSummary>();
            }

            ((List<MaterialSummary>)list).Add(new MaterialSummary(row.GuidelineId, row.Title, row.Language));
        }

        return materials;
    }
}

internal sealed record MaterialRow(Guid SessionId, Guid GuidelineId, string Title, string Language);
