using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;

namespace LearningNetwork.Sessions.Features.GetSessionCalendar;

/// <summary>One session as an iCalendar file, to add to Outlook, Google or Apple calendars.</summary>
internal sealed record GetSessionCalendar(Guid Id) : IRequest<string>;

internal sealed class GetSessionCalendarHandler(SessionsDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetSessionCalendar, string>
{
    public async Task<string> Handle(GetSessionCalendar request, CancellationToken cancellationToken)
    {
        var session = await db.GetVisibleAsync(request.Id, user, cancellationToken);
        return SessionIcs.Render(session, clock.GetUtcNow());
    }
}
