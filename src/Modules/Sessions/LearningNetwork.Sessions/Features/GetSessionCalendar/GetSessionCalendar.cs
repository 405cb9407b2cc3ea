using FluentValidation;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;

namespace LearningNetwork.Sessions.Features.GetSessionCalendar;

/// <summary>One session as an iCalendar file, to add to Outlook, Google or Apple calendars; its texts in <paramref name="Language"/> where translated.</summary>
internal sealed record GetSessionCalendar(Guid Id, string? Language = null) : IRequest<string>;

internal sealed class GetSessionCalendarValidator : AbstractValidator<GetSessionCalendar>
{
    public GetSessionCalendarValidator() =>
        RuleFor(x => x.Language).Must(l => l is null || SessionText.Languages.Contains(l)).WithMessage("The language is nl, en or fr.");
}

internal sealed class GetSessionCalendarHandler(SessionsDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetSessionCalendar, string>
{
    public async Task<string> Handle(GetSessionCalendar request, CancellationToken cancellationToken)
    {
        var session = await db.GetVisibleAsync(request.Id, user, cancellationToken);
        return SessionIcs.Render(session, clock.GetUtcNow(), request.Language);
    }
}
