using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Domain;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace LearningNetwork.Enrollments.Features.CalendarFeed;

internal sealed record CalendarFeedResponse(string Url);

/// <summary>The caller's secret feed address, made on first request.</summary>
internal sealed record GetMyCalendarFeed : IRequest<CalendarFeedResponse>;

/// <summary>A new address; the old one stops working at once (e.g. after it was shared by mistake).</summary>
internal sealed record RotateMyCalendarFeed : IRequest<CalendarFeedResponse>;

/// <summary>The feed itself, found by its token; no sign-in (calendar apps cannot sign in).</summary>
internal sealed record RenderCalendarFeed(string Token) : IRequest<string>;

internal sealed class CalendarFeedHandler(EnrollmentsDbContext db, IMediator mediator, ICurrentUser user, IDataProtectionProvider protection, IConfiguration configuration, TimeProvider clock)
    : IRequestHandler<GetMyCalendarFeed, CalendarFeedResponse>,
      IRequestHandler<RotateMyCalendarFeed, CalendarFeedResponse>,
      IRequestHandler<RenderCalendarFeed, string>
{
    private readonly IDataProtector _protector = protection.CreateProtector("LearningNetwork.CalendarFeeds.v1");

    public async Task<CalendarFeedResponse> Handle(GetMyCalendarFeed request, CancellationToken cancellationToken)
    {
        var managerId = ManagerId();
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.ClusterManagerId == managerId, cancellationToken);
        return feed is null ? await IssueAsync(managerId, cancellationToken) : Response(_protector.Unprotect(feed.ProtectedToken));
    }

    public Task<CalendarFeedResponse> Handle(RotateMyCalendarFeed request, CancellationToken cancellationToken) => IssueAsync(ManagerId(), cancellationToken);

    public async Task<string> Handle(RenderCalendarFeed request, CancellationToken cancellationToken)
    {
        var hash = Hash(request.Token);
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

    private async Task<CalendarFeedResponse> IssueAsync(Guid managerId, CancellationToken cancellationToken)
    {
        var token = SecretTokens.New();
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.ClusterManagerId == managerId, cancellationToken);
        if (feed is null)
        {
            feed = new Domain.CalendarFeed { ClusterManagerId = managerId };
            db.CalendarFeeds.Add(feed);
        }

        feed.TokenHash = Hash(token);
        feed.ProtectedToken = _protector.Protect(token);
        feed.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Response(token);
    }

    private CalendarFeedResponse Response(string token) =>
        new($"{(configuration["App:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/')}/calendar/{token}.ics");

    private Guid ManagerId() => user.ClusterManagerId ?? throw new ForbiddenException("Calendar feeds are for cluster managers.");

    private static string Hash(string token) => SecretTokens.Hash(token);
}
