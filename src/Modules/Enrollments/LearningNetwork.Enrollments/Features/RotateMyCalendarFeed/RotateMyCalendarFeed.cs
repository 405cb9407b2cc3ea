using LearningNetwork.Enrollments.Features.Shared;
using MediatR;

namespace LearningNetwork.Enrollments.Features.RotateMyCalendarFeed;

/// <summary>A new address; the old one stops working at once (e.g. after it was shared by mistake).</summary>
internal sealed record RotateMyCalendarFeed : IRequest<CalendarFeedResponse>;

internal sealed class RotateMyCalendarFeedHandler(CalendarFeedAddresses addresses) : IRequestHandler<RotateMyCalendarFeed, CalendarFeedResponse>
{
    public Task<CalendarFeedResponse> Handle(RotateMyCalendarFeed request, CancellationToken cancellationToken) =>
        addresses.IssueAsync(addresses.CallerManagerId(), cancellationToken);
}
