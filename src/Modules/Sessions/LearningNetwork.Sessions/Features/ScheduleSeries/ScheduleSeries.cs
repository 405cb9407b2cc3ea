using FluentValidation;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.ScheduleSeries;

/// <summary>Staff plan a recurring series (e.g. the first Tuesday of each month) as draft sessions.</summary>
internal sealed record ScheduleSeries : IRequest<SeriesResponse>
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Title and description per language ("nl", "en", "fr") beside the default ones.</summary>
    public IReadOnlyDictionary<string, SessionTextInput?>? Translations { get; init; }

    public SessionKind? Kind { get; init; }

    public string? TimeZone { get; init; }

    public string? FirstStart { get; init; }

    public int? DurationMinutes { get; init; }

    public string? Recurrence { get; init; }

    public int? Capacity { get; init; }

    public string? Location { get; init; }

    public string? OnlineUrl { get; init; }

    public IReadOnlyList<ReminderRule>? Reminders { get; init; }

    public IReadOnlyList<FollowUpRule>? FollowUps { get; init; }

    /// <summary>The learning network these are meetings of, if any.</summary>
    public Guid? LearningNetworkId { get; init; }
}

internal sealed record SeriesResponse(Guid Id, IReadOnlyList<Guid> SessionIds);

internal sealed class ScheduleSeriesValidator : AbstractValidator<ScheduleSeries>
{
    public ScheduleSeriesValidator()
    {
        RuleFor(x => x.Title).Title();
        RuleFor(x => x.Description).MaximumLength(4000);
        this.Translations(x => x.Translations);
        RuleFor(x => x.Kind).NotNull().WithMessage("The kind is required: Training or LearningNetworkMeeting.");
        RuleFor(x => x.TimeZone).IanaTimeZone();
        RuleFor(x => x.FirstStart).NotEmpty().WithMessage("The first start is required.").LocalDateTime();
        RuleFor(x => x.DurationMinutes).NotNull().WithMessage("The duration is required.")
            .InclusiveBetween(5, 24 * 60).WithMessage("The duration must be between 5 and 1440 minutes.");
        RuleFor(x => x.Recurrence).NotEmpty().WithMessage("The recurrence (an RRULE such as FREQ=MONTHLY;BYDAY=1TU;COUNT=6) is required.")
            .MaximumLength(500);
        RuleFor(x => x.Capacity).Capacity();
        RuleFor(x => x.Location).MaximumLength(300);
        RuleFor(x => x.OnlineUrl).HttpUrl();
        this.ReminderRules(x => x.Reminders, x => x.FollowUps);
    }
}

internal sealed class ScheduleSeriesHandler(SessionsDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<ScheduleSeries, SeriesResponse>
{
    public async Task<SeriesResponse> Handle(ScheduleSeries request, CancellationToken cancellationToken)
    {
        await NetworkOfMeeting.EnsureExistsAsync(mediator, request.LearningNetworkId, cancellationToken);
        var kind = request.Kind!.Value;
        var defaults = await db.ReminderDefaults.AsNoTracking().SingleAsync(d => d.Kind == kind, cancellationToken);
        var (series, sessions) = SessionSeries.Plan(
            new SessionDetails(request.Title!, request.Description, kind, request.Location, request.OnlineUrl, request.Capacity!.Value,
                SessionInputRules.ToTexts(request.Translations)),
            request.TimeZone!,
            SessionInputRules.ParseLocal(request.FirstStart!),
            request.DurationMinutes!.Value,
            request.Recurrence!,
            SessionInputRules.ToRules(request.Reminders, request.FollowUps, defaults.Rules)!,
            clock.GetUtcNow(),
            request.LearningNetworkId);

        db.Series.Add(series);
        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync(cancellationToken);
        return new SeriesResponse(series.Id, sessions.Select(s => s.Id).ToList());
    }
}
