using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.GetMyPreferences;

/// <summary>A manager's own choices: the language of their emails and pages, and whether they want announcements of new sessions.</summary>
internal sealed record GetMyPreferences : IRequest<PreferencesResponse>;

internal sealed record PreferencesResponse(string PreferredLanguage, bool Announcements);

internal sealed class GetMyPreferencesHandler(ClusterManagersDbContext db, ICurrentUser user) : IRequestHandler<GetMyPreferences, PreferencesResponse>
{
    public async Task<PreferencesResponse> Handle(GetMyPreferences request, CancellationToken cancellationToken)
    {
        var id = user.ClusterManagerId ?? throw new ForbiddenException("Only cluster managers have these preferences.");
        return await db.Managers.AsNoTracking().Where(m => m.Id == id)
                   .Select(m => new PreferencesResponse(m.PreferredLanguage, m.Announcements))
                   .SingleOrDefaultAsync(cancellationToken)
               ?? throw new NotFoundException("Cluster manager", id);
    }
}
