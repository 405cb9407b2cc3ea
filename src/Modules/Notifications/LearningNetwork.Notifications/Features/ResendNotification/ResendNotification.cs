using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Features.ListNotifications;
using LearningNetwork.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Features.ResendNotification;

/// <summary>
/// Staff send a failed email again, once whatever stopped it is fixed (a wrong SMTP password, a
/// mailbox that was full): it is due at once, with a fresh set of attempts and the same
/// Message-ID. Only failed emails: a pending one is on its way, a sent one arrived, and a
/// skipped one was stopped on purpose (its enrollment or session was cancelled).
/// </summary>
internal sealed record ResendNotification(Guid Id) : IRequest<NotificationResponse>;

internal sealed class ResendNotificationHandler(NotificationsDbContext db, TimeProvider clock) : IRequestHandler<ResendNotification, NotificationResponse>
{
    public async Task<NotificationResponse> Handle(ResendNotification request, CancellationToken cancellationToken)
    {
        // One conditional statement: two staff clicking at once put it back once, and a sender
        // never sees a half-reset row.
        var now = clock.GetUtcNow();
        var reset = await db.Emails.Where(e => e.Id == request.Id && e.Status == EmailStatus.Failed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, EmailStatus.Pending)
                .SetProperty(e => e.Attempts, 0)
                .SetProperty(e => e.NextAttemptAt, now), cancellationToken);
        var email = await db.Emails.AsNoTracking().SingleOrDefaultAsync(e => e.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Email", request.Id);
        // The answer is the state this request left it in: a sender may already have claimed it.
        return reset == 1
            ? NotificationResponse.From(email) with { Status = nameof(EmailStatus.Pending), Attempts = 0, SentAt = null }
            : throw new ConflictException($"Only a failed email can be sent again; this one is {NotificationResponse.From(email).Status}.");
    }
}
