using System.Text.Json.Serialization;
using FluentValidation;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;
using Microsoft.Extensions.Options;

namespace LearningNetwork.Sessions.Features.EditSession;

/// <summary>
/// Staff change a session's details. Times move only through reschedule; reminder rules and
/// translations left out stay as they are; lowering capacity below the confirmed count is refused.
/// A change of what enrollees see (title, description, translations, place, link) raises the
/// SEQUENCE and tells the confirmed enrollees once per notice window.
/// </summary>
internal sealed record EditSession : IRequest<SessionView>
{
    [JsonIgnore]
    public Guid Id { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Title and description per language ("nl", "en", "fr"); left out, they stay as they are; {} removes them.</summary>
    public IReadOnlyDictionary<string, SessionTextInput?>? Translations { get; init; }

    public SessionKind? Kind { get; init; }

    public string? TimeZone { get; init; }

    public string? Location { get; init; }

    public string? OnlineUrl { get; init; }

    public int? Capacity { get; init; }

    public string? EnrollmentDeadline { get; init; }

    public IReadOnlyList<ReminderRule>? Reminders { get; init; }

    public IReadOnlyList<FollowUpRule>? FollowUps { get; init; }
}

internal sealed class EditSessionValidator : AbstractValidator<EditSession>
{
    public EditSessionValidator()
    {
        RuleFor(x => x.Title).Title();
        RuleFor(x => x.Description).MaximumLength(4000);
        this.Translations(x => x.Translations);
        RuleFor(x => x.Kind).NotNull().WithMessage("The kind is required: Training or LearningNetworkMeeting.");
        RuleFor(x => x.TimeZone).IanaTimeZone();
        RuleFor(x => x.Location).MaximumLength(300);
        RuleFor(x => x.OnlineUrl).HttpUrl();
        RuleFor(x => x.Capacity).Capacity();
        RuleFor(x => x.EnrollmentDeadline).LocalDateTime();
        this.ReminderRules(x => x.Reminders, x => x.FollowUps);
    }
}

internal sealed class EditSessionHandler(SessionsDbContext db, SessionViews views, IMediator mediator, TimeProvider clock, IOptions<UpdateNoticeOptions> notices)
    : IRequestHandler<EditSession, SessionView>
{
    public async Task<SessionView> Handle(EditSession request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginWithoutSavepointsAsync(cancellationToken);
        // The row is held until this edit commits: Enrollments' SeatCapacityChanged, handled
        // meanwhile, waits for it and then finds the capacity stored, instead of changing the row
        // under this edit (which would answer the edit with a 409).
        await db.LockAsync(request.Id, cancellationToken);
        var session = await db.GetForUpdateAsync(request.Id, cancellationToken);
        if (request.Capacity!.Value != session.Capacity && session.Status != SessionStatus.Cancelled)
        {
            // Enrollments owns the seats and decides: it refuses a capacity below the confirmed
            // count, promotes from the waitlist on a rise and commits. Should the save below fail,
            // its SeatCapacityChanged brings the copy here in line all the same.
            await mediator.Send(new ChangeSessionCapacity(session.Id, request.Capacity.Value), cancellationToken);
        }

        session.Edit(
            new SessionDetails(request.Title!, request.Description, request.Kind!.Value, request.Location, request.OnlineUrl, request.Capacity!.Value,
                SessionInputRules.ToTexts(request.Translations)),
            request.TimeZone!,
            SessionInputRules.ParseOptionalLocal(request.EnrollmentDeadline),
            SessionInputRules.ToRules(request.Reminders, request.FollowUps, fallback: null),
            clock.GetUtcNow(),
            notices.Value.Window);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await views.OneAsync(session, cancellationToken);
    }
}
