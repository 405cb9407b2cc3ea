using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.GetSeriesSessions;

/// <summary>Answers other modules (enrolling in a series): the sessions of a series, in start order.</summary>
internal sealed class GetSeriesSessionsHandler(SessionsDbContext db) : IRequestHandler<Contracts.GetSeriesSessions, IReadOnlyList<SessionInfo>>
{
    public async Task<IReadOnlyList<SessionInfo>> Handle(Contracts.GetSeriesSessions request, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.SeriesId == request.SeriesId).OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        return sessions.Select(s => s.ToInfo()).ToList();
    }
}
