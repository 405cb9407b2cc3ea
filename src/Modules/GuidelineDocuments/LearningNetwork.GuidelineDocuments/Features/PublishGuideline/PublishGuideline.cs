using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.GuidelineDocuments.Features.Shared;
using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.PublishGuideline;

/// <summary>Publishes the latest version; managers who had an earlier one are emailed (GuidelineUpdated).</summary>
internal sealed record PublishGuideline(Guid Id) : IRequest<GuidelineResponse>;

internal sealed class PublishGuidelineHandler(GuidelinesDbContext db, TimeProvider clock) : IRequestHandler<PublishGuideline, GuidelineResponse>
{
    public async Task<GuidelineResponse> Handle(PublishGuideline request, CancellationToken cancellationToken)
    {
        var guideline = await db.Guidelines.Include(g => g.Versions).FirstOrDefaultAsync(g => g.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Guideline", request.Id);
        var latest = guideline.Latest.Number;
        var earlierDownloaders = await db.Downloads
            .Where(d => d.GuidelineId == guideline.Id && d.Version < latest && d.ClusterManagerId != null)
            .Select(d => d.ClusterManagerId!.Value).Distinct().ToListAsync(cancellationToken);
        guideline.Publish(earlierDownloaders, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return GuidelineResponse.From(guideline, guideline.Versions);
    }
}
