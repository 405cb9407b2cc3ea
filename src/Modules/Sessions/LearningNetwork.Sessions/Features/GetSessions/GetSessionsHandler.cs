using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.GetSessions;

/// <summary>Answers other modules (enrollment rules, participant lists, emails): these sessions, whatever their state.</summary>
internal sealed class GetSessionsHandler(SessionsDbContext db) : IRequestHandler<Contracts.GetSessions, IReadOnlyList<SessionInfo>>
{
    // Compiled once: every enrollment asks for its session (see SessionListQueries).
    private static readonly Func<SessionsDbContext, Guid[], IAsyncEnumerable<Session>> SessionsByIdQuery =
        EF.CompileAsyncQuery((SessionsDbContext db, Guid[] ids) => db.Sessions.AsNoTracking().Where(s => ids.Contains(s.Id)));

    public async Task<IReadOnlyList<SessionInfo>> Handle(Contracts.GetSessions request, CancellationToken cancellationToken)
    {
        var sessions = new List<SessionInfo>(request.SessionIds.Count);
        await foreach (var session in SessionsByIdQuery(db, request.SessionIds.Distinct().ToArray()).WithCancellation(cancellationToken))
        {
            sessions.Add(session.ToInfo());
        }

        return sessions;
    }
}
