using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Contracts;
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
        return await mediator.Send(new RenderSessionsCalendar(shown, "LearningNetwork"), cancellationToken);
    }
}
