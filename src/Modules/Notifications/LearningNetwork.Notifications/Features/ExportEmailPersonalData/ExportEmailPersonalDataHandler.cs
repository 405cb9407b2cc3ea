using LearningNetwork.Notifications.Contracts;
using LearningNetwork.Notifications.Domain;
using LearningNetwork.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Features.ExportEmailPersonalData;

internal sealed class ExportEmailPersonalDataHandler(NotificationsDbContext db) : IRequestHandler<Contracts.ExportEmailPersonalData, IReadOnlyList<EmailRecord>>
{
    public async Task<IReadOnlyList<EmailRecord>> Handle(Contracts.ExportEmailPersonalData request, CancellationToken cancellationToken)
    {
        var subject = request.Subject;
        var address = subject.Email.Trim().ToLowerInvariant();
        // Translated to SQL lower(), run by PostgreSQL: no culture involved.
#pragma warning disable CA1304, CA1311, CA1862 // string.Equals with a StringComparison has no SQL translation
        var rows = await db.Emails.AsNoTracking()
            .Where(e => e.ClusterManagerId == subject.ClusterManagerId || e.Recipient.ToLower() == address)
            .OrderBy(e => e.CreatedAt)
            .Select(e => new { e.Kind, e.Subject, e.CreatedAt, e.SentAt, e.Status })
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        return rows.Select(e => new EmailRecord(e.Kind, e.Subject, e.CreatedAt, e.SentAt, (e.Status == EmailStatus.Sending ? EmailStatus.Pending : e.Status).ToString())).ToList();
    }
}
