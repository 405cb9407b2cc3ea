using Ical.Net.Serialization;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.RenderSessionsCalendar;

/// <summary>Answers other modules (calendar feeds, session emails): these sessions as one iCalendar document.</summary>
internal sealed class RenderSessionsCalendarHandler(SessionsDbContext db, TimeProvider clock) : IRequestHandler<Contracts.RenderSessionsCalendar, string>
{
    public async Task<string> Handle(Contracts.RenderSessionsCalendar request, CancellationToken cancellationToken)
    {
        var ids = request.SessionIds.Distinct().ToList();
        var sessions = await db.Sessions.AsNoTracking().Where(s => ids.Contains(s.Id) && s.Status != SessionStatus.Draft)
            .OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);
        var method = request.Method ?? (sessions.Count == 1 && sessions[0].Status == SessionStatus.Cancelled ? "CANCEL" : "PUBLISH");
        var calendar = SessionIcs.Calendar(sessions, clock.GetUtcNow(), request.CalendarName, method, cancelAll: method == "CANCEL", request.Language);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
