using FluentValidation;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.Shared;
using MediatR;

namespace LearningNetwork.Sessions.Features.PreviewSeries;

/// <summary>
/// The dates a series would get, before staff save it: expanded by the very code that plans the
/// series (<see cref="SessionSeries.Occurrences"/>), so what is shown is what is saved. Stores nothing.
/// </summary>
internal sealed record PreviewSeries : IRequest<SeriesPreviewResponse>
{
    public string? TimeZone { get; init; }

    public string? FirstStart { get; init; }

    public int? DurationMinutes { get; init; }

    public string? Recurrence { get; init; }
}

/// <summary>Each session's local start and end (yyyy-MM-ddTHH:mm in the series' zone) and its UTC instants.</summary>
internal sealed record PreviewedSession(string Start, string End, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

internal sealed record SeriesPreviewResponse(string TimeZone, IReadOnlyList<PreviewedSession> Sessions);

/// <summary>The same rules as for planning the series (ScheduleSeries), for the fields that decide the dates.</summary>
internal sealed class PreviewSeriesValidator : AbstractValidator<PreviewSeries>
{
    public PreviewSeriesValidator()
    {
        RuleFor(x => x.TimeZone).IanaTimeZone();
        RuleFor(x => x.FirstStart).NotEmpty().WithMessage("The first start is required.").LocalDateTime();
        RuleFor(x => x.DurationMinutes).NotNull().WithMessage("The duration is required.")
            .InclusiveBetween(5, 24 * 60).WithMessage("The duration must be between 5 and 1440 minutes.");
        RuleFor(x => x.Recurrence).NotEmpty().WithMessage("The recurrence (an RRULE such as FREQ=MONTHLY;BYDAY=1TU;COUNT=6) is required.")
            .MaximumLength(500);
    }
}

internal sealed class PreviewSeriesHandler : IRequestHandler<PreviewSeries, SeriesPreviewResponse>
{
    public Task<SeriesPreviewResponse> Handle(PreviewSeries request, CancellationToken cancellationToken)
    {
        var occurrences = SessionSeries.Occurrences(request.TimeZone!, SessionInputRules.ParseLocal(request.FirstStart!), request.DurationMinutes!.Value, request.Recurrence!);
        return Task.FromResult(new SeriesPreviewResponse(
            request.TimeZone!,
            occurrences.Select(o => new PreviewedSession(ZonedTime.FormatLocal(o.StartLocal), ZonedTime.FormatLocal(o.EndLocal), o.StartsAt, o.EndsAt)).ToList()));
    }
}
