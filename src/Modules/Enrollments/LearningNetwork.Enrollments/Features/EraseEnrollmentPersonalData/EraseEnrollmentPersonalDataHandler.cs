using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.EraseEnrollmentPersonalData;

/// <summary>
/// Comments are free text the person wrote (and may name them): gone. Ratings and enrollments
/// stay, tied only to the anonymised directory entry, so attendance and rating figures do not
/// change. The calendar feed and unused feedback links are deleted.
/// </summary>
internal sealed class EraseEnrollmentPersonalDataHandler(EnrollmentsDbContext db) : IRequestHandler<Contracts.EraseEnrollmentPersonalData, Unit>
{
    public async Task<Unit> Handle(Contracts.EraseEnrollmentPersonalData request, CancellationToken cancellationToken)
    {
        var managerId = request.Subject.ClusterManagerId;
        var theirs = db.Enrollments.Where(e => e.ClusterManagerId == managerId).Select(e => e.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CalendarFeeds.Where(f => f.ClusterManagerId == managerId).ExecuteDeleteAsync(cancellationToken);
        await db.FeedbackTokens.Where(t => theirs.Contains(t.EnrollmentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Feedback.Where(f => theirs.Contains(f.EnrollmentId) && f.Comment != null).ExecuteUpdateAsync(set => set.SetProperty(f => f.Comment, (string?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
