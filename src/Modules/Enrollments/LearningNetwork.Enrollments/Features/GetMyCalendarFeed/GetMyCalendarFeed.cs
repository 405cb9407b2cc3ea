using LearningNetwork.Enrollments.Features.Shared;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.GetMyCalendarFeed;

/// <summary>The caller's secret feed address, made on first request.</summary>
internal sealed record GetMyCalendarFeed : IRequest<CalendarFeedResponse>;

internal sealed class GetMyCalendarFeedHandler(EnrollmentsDbContext db, CalendarFeedAddresses addresses) : IRequestHandler<GetMyCalendarFeed, CalendarFeedResponse>
{
    public async Task<CalendarFeedResponse> Handle(GetMyCalendarFeed request, CancellationToken cancellationToken)
    {
        var managerId = addresses.CallerManagerId();
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.ClusterManagerId == managerId, cancellationToken);
        return feed is null ? await addresses.IssueAsync(managerId, cancellationToken) : addresses.Existing(feed);
    }
}
