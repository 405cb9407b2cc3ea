using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Features.GetEmailFigures;

/// <summary>
/// Answers the host's reports: how many emails of these kinds, due on the period's days, were sent,
/// failed or are pending, from the figures the send log keeps per kind, day and state.
/// </summary>
internal sealed class GetEmailFiguresHandler(NotificationsDbContext db) : IRequestHandler<Contracts.GetEmailFigures, EmailFigures>
{
    public async Task<EmailFigures> Handle(Contracts.GetEmailFigures request, CancellationToken cancellationToken)
    {
        var kinds = request.Kinds.Distinct().ToList();
        var counts = await db.EmailFigures.AsNoTracking()
            .Where(f => kinds.Contains(f.Kind) && f.DueDay >= request.FirstDay && f.DueDay <= request.LastDay)
            .GroupBy(f => f.Status)
            .Select(g => new { Status = g.Key, Count = g.Sum(f => f.Emails) })
            .ToListAsync(cancellationToken);
        int Count(params EmailStatus[] statuses) => counts.Where(c => statuses.Contains(c.Status)).Sum(c => c.Count);

        // An email being sent right now is still on its way: pending, as far as a report is concerned.
        return new EmailFigures(Count(EmailStatus.Sent), Count(EmailStatus.Failed), Count(EmailStatus.Pending, EmailStatus.Sending));
    }
}
