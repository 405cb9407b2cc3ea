using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Enrollments.Features.GetFeedbackSummary;

internal sealed record FeedbackSummary(int Responses, double? AverageRating, IReadOnlyList<string> Comments);

internal sealed record GetFeedbackSummary(Guid SessionId) : IRequest<FeedbackSummary>;

internal sealed class GetFeedbackSummaryHandler(EnrollmentsDbContext db) : IRequestHandler<GetFeedbackSummary, FeedbackSummary>
{
    public async Task<FeedbackSummary> Handle(GetFeedbackSummary request, CancellationToken cancellationToken)
    {
        var responses = await db.Feedback.AsNoTracking().Where(f => f.SessionId == request.SessionId).OrderBy(f => f.SubmittedAt).ToListAsync(cancellationToken);
        return new FeedbackSummary(
            responses.Count,
            responses.Count == 0 ? null : Math.Round(responses.Average(r => r.Rating), 2),
            responses.Where(r => r.Comment is not null).Select(r => r.Comment!).ToList());
    }
}
