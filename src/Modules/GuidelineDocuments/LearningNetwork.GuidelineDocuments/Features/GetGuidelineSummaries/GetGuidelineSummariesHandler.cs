using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.GuidelineDocuments.Domain;
using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.GetGuidelineSummaries;

/// <summary>Answers other modules (funding calls link guidelines): titles and whether each is published.</summary>
internal sealed class GetGuidelineSummariesHandler(GuidelinesDbContext db) : IRequestHandler<Contracts.GetGuidelineSummaries, IReadOnlyList<GuidelineSummary>>
{
    public async Task<IReadOnlyList<GuidelineSummary>> Handle(Contracts.GetGuidelineSummaries request, CancellationToken cancellationToken)
    {
        var ids = request.GuidelineIds.Distinct().ToList();
        return await db.Guidelines.AsNoTracking().Where(g => ids.Contains(g.Id))
            .Select(g => new GuidelineSummary(g.Id, g.Title, g.Language, g.Status == GuidelineStatus.Published))
            .ToListAsync(cancellationToken);
    }
}
