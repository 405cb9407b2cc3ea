using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.GuidelineDocuments.Domain;
using LearningNetwork.GuidelineDocuments.Features.Shared;
using LearningNetwork.GuidelineDocuments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.GetGuideline;

/// <summary>One guideline. Managers see a published one with its latest published version, or all published versions on request.</summary>
internal sealed record GetGuideline(Guid Id, bool AllVersions) : IRequest<GuidelineResponse>;

internal sealed class GetGuidelineHandler(GuidelinesDbContext db, ICurrentUser user) : IRequestHandler<GetGuideline, GuidelineResponse>
{
    public async Task<GuidelineResponse> Handle(GetGuideline request, CancellationToken cancellationToken)
    {
        var guideline = await db.Guidelines.AsNoTracking().Include(g => g.Versions).FirstOrDefaultAsync(g => g.Id == request.Id, cancellationToken);
        if (guideline is null || (!user.IsStaff && guideline.Status != GuidelineStatus.Published))
        {
            throw new NotFoundException("Guideline", request.Id);
        }

        return GuidelineResponse.From(guideline, GuidelineResponse.Visible(guideline, user, request.AllVersions));
    }
}
