using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.GetSessionsStartingBetween;

/// <summary>Answers the host's reports: published and cancelled sessions starting in a period.</summary>
internal sealed class GetSessionsStartingBetweenHandler(SessionsDbContext db)
    : IRequestHandler<Contracts.GetSessionsStartingBetween, IReadOnlyList<SessionInfo>>
{
    public async Task<IReadOnlyList<SessionInfo>> Handle(Contracts.GetSessionsStartingBetween request, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Status != SessionStatus.Draft && s.StartsAt >= request.From && s.StartsAt < request.To)
            .OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        return sessions.Select(s => s.ToInfo()).ToList();
    }
}
