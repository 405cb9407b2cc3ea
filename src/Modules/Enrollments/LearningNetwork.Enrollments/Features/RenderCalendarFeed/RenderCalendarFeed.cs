using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.FundingCalls.Contracts;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.RenderCalendarFeed;

/// <summary>The feed itself, found by its token; no sign-in (calendar apps cannot sign in).</summary>
internal sealed record RenderCalendarFeed(string Token) : IRequest<string>;

internal sealed class RenderCalendarFeedHandler(EnrollmentsDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<RenderCalendarFeed, string>
{
    public async Task<string> Handle(RenderCalendarFeed request, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(request.Token);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, cancellationToken)
            ?? throw new NotFoundException("Calendar feed", "(token)");
        // Confirmed places, plus sessions cancelled since (so calendars drop them); from 90 days back.
        var since = clock.GetUtcNow().AddDays(-90);
        var sessionIds = await db.Enrollments.AsNoTracking()
            .Where(e => e.ClusterManagerId == feed.ClusterManagerId
                        && (e.Status == EnrollmentStatus.Confirmed || e.CancellationCause == CancellationCause.SessionCancelled)
                        && e.EnrolledAt >= since.AddDays(-365))
            .Select(e => e.SessionId).Distinct().ToListAsync(cancellationToken);
        var sessions = await mediator.Send(new GetSessions(sessionIds), cancellationToken);
        var shown = sessions.Where(s => s.Session.EndsAt >= since).Select(s => s.Session.SessionId).ToList();
        var manager = (await mediator.Send(new GetClusterManagers([feed.ClusterManagerId]), cancellationToken)).SingleOrDefault();
        // Titles and descriptions in the manager's language where staff translated them.
        var calendar = await mediator.Send(new RenderSessionsCalendar(shown, "LearningNetwork", Language: manager?.PreferredLanguage), cancellationToken);
        return WithEvents(calendar, await DeadlinesAsync(manager, cancellationToken));
    }

    /// <summary>The deadlines of the open funding calls the manager's cluster type may apply to.</summary>
    private async Task<string> DeadlinesAsync(ClusterManagerSummary? manager, CancellationToken cancellationToken)
    {
        var type = manager is null ? null
            : (await mediator.Send(new GetClusterSummaries([manager.ClusterId]), cancellationToken)).SingleOrDefault()?.Type;
        return type is null ? "" : await mediator.Send(new RenderOpenDeadlineEvents(type), cancellationToken);
    }

    /// <summary>Puts ready-made VEVENT blocks inside the calendar, before its end.</summary>
    private static string WithEvents(string calendar, string events)
    {
        var end = calendar.LastIndexOf("END:VCALENDAR", StringComparison.Ordinal);
        return events.Length == 0 || end < 0 ? calendar : calendar[..end] + events + calendar[end..];
    }
}
