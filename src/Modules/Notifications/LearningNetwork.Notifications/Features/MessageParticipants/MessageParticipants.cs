using System.Text.Json.Serialization;
using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Features.Shared;
using LearningNetwork.Notifications.Persistence;
using LearningNetwork.Notifications.Sending;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Notifications.Features.MessageParticipants;

/// <summary>Who of a session's enrollees a message goes to; cancelled enrollments never get one.</summary>
internal enum MessageAudience
{
    Confirmed,
    Waitlisted,
    All,
}

/// <summary>
/// Staff write to a session's participants: a subject and a plain-text body, wrapped in the
/// recipient's language. One send-log row per person, listed with the session's emails.
/// </summary>
internal sealed record MessageParticipants : IRequest<MessageQueued>
{
    [JsonIgnore]
    public Guid SessionId { get; init; }

    public string? Subject { get; init; }

    /// <summary>Plain text; its line breaks are kept, and nothing in it is read as HTML.</summary>
    public string? Body { get; init; }

    public MessageAudience? To { get; init; }
}

internal sealed record MessageQueued(int Recipients);

internal sealed class MessageParticipantsValidator : AbstractValidator<MessageParticipants>
{
    public MessageParticipantsValidator()
    {
        RuleFor(x => x.Subject).NotEmpty().WithMessage("The subject is required.")
            .MaximumLength(200)
            .Must(s => s is null || !s.Contains('\n', StringComparison.Ordinal) && !s.Contains('\r', StringComparison.Ordinal))
            .WithMessage("The subject is one line.");
        RuleFor(x => x.Body).NotEmpty().WithMessage("The message is required.").MaximumLength(10_000);
        RuleFor(x => x.To).NotNull().WithMessage("Say whom it goes to: Confirmed, Waitlisted or All.");
    }
}

internal sealed class MessageParticipantsHandler(NotificationsDbContext db, SessionMail mail, NewEmails newEmails, IMediator mediator, TimeProvider clock)
    : IRequestHandler<MessageParticipants, MessageQueued>
{
    public async Task<MessageQueued> Handle(MessageParticipants request, CancellationToken cancellationToken)
    {
        var session = (await mediator.Send(new GetSessions([request.SessionId]), cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException("Session", request.SessionId);
        var statuses = request.To switch
        {
            MessageAudience.Confirmed => new[] { EnrollmentStatus.Confirmed },
            MessageAudience.Waitlisted => new[] { EnrollmentStatus.Waitlisted },
            _ => new[] { EnrollmentStatus.Confirmed, EnrollmentStatus.Waitlisted },
        };
        var enrollees = (await mediator.Send(new GetSessionEnrollees(request.SessionId), cancellationToken))
            .Where(e => statuses.Contains(e.Status)).ToList();
        var managers = enrollees.Count == 0
            ? new Dictionary<Guid, ClusterManagerSummary>()
            : (await mediator.Send(new GetClusterManagers(enrollees.Select(e => e.ClusterManagerId).ToList()), cancellationToken))
                .Where(m => m.IsActive).ToDictionary(m => m.ClusterManagerId);

        // Each message is new: the same words sent twice are two messages, each once per person.
        var message = Guid.CreateVersion7(clock.GetUtcNow());
        var values = new Dictionary<string, string> { ["subject"] = request.Subject!.Trim(), ["body"] = request.Body!.Trim() };
        var emails = new List<Email>();
        foreach (var enrollee in enrollees.Where(e => managers.ContainsKey(e.ClusterManagerId)))
        {
            emails.Add(await mail.BuildAsync(EmailKind.SessionMessage, $"message:{message}:{enrollee.EnrollmentId}", session.Session,
                managers[enrollee.ClusterManagerId], values, icsMethod: null));
        }

        await SendLog.AddManyOnceAsync(db, emails, cancellationToken);
        newEmails.Queued();
        return new MessageQueued(emails.Count);
    }
}
