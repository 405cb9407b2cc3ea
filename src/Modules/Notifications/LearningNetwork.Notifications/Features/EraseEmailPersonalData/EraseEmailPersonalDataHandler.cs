using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Notifications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Notifications.Features.EraseEmailPersonalData;

/// <summary>
/// The person's own emails keep only kind, dates and state (so the send log's figures stay) and
/// are never sent any more; other emails that mention them (a name in a subject or in a stored
/// value) keep their text with the name replaced.
/// </summary>
internal sealed class EraseEmailPersonalDataHandler(NotificationsDbContext db) : IRequestHandler<Contracts.EraseEmailPersonalData, Unit>
{
    public async Task<Unit> Handle(Contracts.EraseEmailPersonalData request, CancellationToken cancellationToken)
    {
        var subject = request.Subject;
        var pattern = PersonalDataScrubber.Pattern(subject.IdentifyingValues);
        var replacement = PersonalDataScrubber.Replacement;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE notifications.emails
            SET recipient = 'erased@erased.invalid', recipient_name = {replacement}, values = jsonb_build_object(), protected_values = jsonb_build_object(),
                subject = regexp_replace(subject, {pattern}, {replacement}, 'gi'),
                source_key = regexp_replace(source_key, {pattern}, {replacement}, 'gi'),
                last_error = regexp_replace(last_error, {pattern}, {replacement}, 'gi'),
                status = CASE WHEN status IN ('Pending', 'Sending') THEN 'Skipped' ELSE status END,
                lease_until = NULL
            WHERE cluster_manager_id = {subject.ClusterManagerId} OR lower(recipient) = lower({subject.Email.Trim()})
            """, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE notifications.emails
            SET values = regexp_replace(values::text, {pattern}, {replacement}, 'gi')::jsonb,
                subject = regexp_replace(subject, {pattern}, {replacement}, 'gi'),
                recipient_name = regexp_replace(recipient_name, {pattern}, {replacement}, 'gi'),
                last_error = regexp_replace(last_error, {pattern}, {replacement}, 'gi')
            WHERE values::text ~* {pattern} OR subject ~* {pattern} OR recipient_name ~* {pattern} OR last_error ~* {pattern}
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
