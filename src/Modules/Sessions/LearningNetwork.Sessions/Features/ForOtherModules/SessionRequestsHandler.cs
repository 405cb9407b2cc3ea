using Ical.Net.Serialization;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.SessionCalendar;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.ForOtherModules;

/// <summary>Answers what other modules ask of sessions (enrollment rules, participant lists, calendar feeds).</summary>
internal sealed class SessionRequestsHandler(SessionsDbContext db, TimeProvider clock)
    : IRequestHandler<GetSessions, IReadOnlyList<SessionInfo>>,
      IRequestHandler<GetSeriesSessions, IReadOnlyList<SessionInfo>>,
      IRequestHandler<RenderSessionsCalendar, string>,
      IRequestHandler<GetSessionsStartingBetween, IReadOnlyList<SessionInfo>>
{
    public async Task<IReadOnlyList<SessionInfo>> Handle(GetSessionsStartingBetween request, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Status != SessionStatus.Draft && s.StartsAt >= request.From && s.StartsAt < request.To)
            .OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        return sessions.Select(Info).ToList();
    }

    // Compiled once: every enrollment asks for its session (see SessionListQueries).
    private static readonly Func<SessionsDbContext, Guid[], IAsyncEnumerable<Session>> SessionsByIdQuery =
        EF.CompileAsyncQuery((SessionsDbContext db, Guid[] ids) => db.Sessions.AsNoTracking().Where(s => ids.Contains(s.Id)));

    public async Task<IReadOnlyList<SessionInfo>> Handle(GetSessions request, CancellationToken cancellationToken)
    {
        var sessions = new List<SessionInfo>(request.SessionIds.Count);
        await foreach (var session in SessionsByIdQuery(db, request.SessionIds.Distinct().ToArray()).WithCancellation(cancellationToken))
        {
            sessions.Add(Info(session));
        }

        return sessions;
    }

    public async Task<IReadOnlyList<SessionInfo>> Handle(GetSeriesSessions request, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.SeriesId == request.SeriesId).OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        return sessions.Select(Info).ToList();
    }

    public async Task<string> Handle(RenderSessionsCalendar request, CancellationToken cancellationToken)
    {
        var ids = request.SessionIds.Distinct().ToList();
        var sessions = await db.Sessions.AsNoTracking().Where(s => ids.Contains(s.Id) && s.Status != SessionStatus.Draft)
            .OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        var method = request.Method ?? (sessions.Count == 1 && sessions[0].Status == SessionStatus.Cancelled ? "CANCEL" : "PUBLISH");
        var calendar = SessionIcs.Calendar(sessions, clock.GetUtcNow(), request.CalendarName, method, cancelAll: method == "CANCEL");
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static SessionInfo Info(Session s) => new(s.ToSnapshot(), s.State, s.Description);
}
