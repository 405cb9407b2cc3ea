using FluentValidation;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.ScheduleSession;

/// <summary>Staff put a new session in the calendar, as a draft only they can see.</summary>
internal sealed record ScheduleSession : IRequest<SessionView>
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Title and description per language ("nl", "en", "fr") beside the default ones.</summary>
    public IReadOnlyDictionary<string, SessionTextInput?>? Translations { get; init; }

    public SessionKind? Kind { get; init; }

    public string? Start { get; init; }

    public string? End { get; init; }

    public string? TimeZone { get; init; }

    public string? Location { get; init; }

    public string? OnlineUrl { get; init; }

    public int? Capacity { get; init; }

    public string? EnrollmentDeadline { get; init; }

    public IReadOnlyList<ReminderRule>? Reminders { get; init; }

    public IReadOnlyList<FollowUpRule>? FollowUps { get; init; }

    /// <summary>The learning network these are meetings of, if any.</summary>
    public Guid? LearningNetworkId { get; init; }
}

internal sealed class ScheduleSessionValidator : AbstractValidator<ScheduleSession>
{
    public ScheduleSessionValidator()
    {
        RuleFor(x => x.Title).Title();
        RuleFor(x => x.Description).MaximumLength(4000);
        this.Translations(x => x.Translations);
        RuleFor(x => x.Kind).NotNull().WithMessage("The kind is required: Training or LearningNetworkMeeting.");
        RuleFor(x => x.Start).NotEmpty().WithMessage("The start is required.").LocalDateTime();
        RuleFor(x => x.End).NotEmpty().WithMessage("The end is required.").LocalDateTime();
        RuleFor(x => x.TimeZone).IanaTimeZone();
        RuleFor(x => x.Location).MaximumLength(300);
        RuleFor(x => x.OnlineUrl).HttpUrl();
        RuleFor(x => x.Capacity).Capacity();
        RuleFor(x => x.EnrollmentDeadline).LocalDateTime();
        this.ReminderRules(x => x.Reminders, x => x.FollowUps);
    }
}

internal sealed class ScheduleSessionHandler(SessionsDbContext db, SessionViews views, IMediator mediator, TimeProvider clock) : IRequestHandler<ScheduleSession, SessionView>
{
    public async Task<SessionView> Handle(ScheduleSession request, CancellationToken cancellationToken)
    {
        await NetworkOfMeeting.EnsureExistsAsync(mediator, request.LearningNetworkId, cancellationToken);
        var kind = request.Kind!.Value;
        var defaults = await db.ReminderDefaults.AsNoTracking().SingleAsync(d => d.Kind == kind, cancellationToken);
        var session = Session.Schedule(
            new SessionDetails(request.Title!, request.Description, kind, request.Location, request.OnlineUrl, request.Capacity!.Value,
                SessionInputRules.ToTexts(request.Translations)),
            SessionInputRules.ParseLocal(request.Start!),
            SessionInputRules.ParseLocal(request.End!),
            request.TimeZone!,
            SessionInputRules.ParseOptionalLocal(request.EnrollmentDeadline),
            SessionInputRules.ToRules(request.Reminders, request.FollowUps, defaults.Rules)!,
            clock.GetUtcNow(),
            learningNetworkId: request.LearningNetworkId);

        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return await views.OneAsync(session, cancellationToken);
    }
}
