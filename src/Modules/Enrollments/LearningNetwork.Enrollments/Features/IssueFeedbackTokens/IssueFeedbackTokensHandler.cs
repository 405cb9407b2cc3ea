using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Domain;
using LearningNetwork.Enrollments.Persistence;
using MediatR;

namespace LearningNetwork.Enrollments.Features.IssueFeedbackTokens;

/// <summary>Answers Notifications (follow-up emails): a one-time feedback token per enrollment, stored hashed.</summary>
internal sealed class IssueFeedbackTokensHandler(EnrollmentsDbContext db, TimeProvider clock)
    : IRequestHandler<Contracts.IssueFeedbackTokens, IReadOnlyDictionary<Guid, string>>
{
    public async Task<IReadOnlyDictionary<Guid, string>> Handle(Contracts.IssueFeedbackTokens request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tokens = new Dictionary<Guid, string>();
        foreach (var enrollmentId in request.EnrollmentIds.Distinct())
        {
            var clear = SecretTokens.New();
            db.FeedbackTokens.Add(new FeedbackToken { TokenHash = SecretTokens.Hash(clear), EnrollmentId = enrollmentId, CreatedAt = now });
            tokens[enrollmentId] = clear;
        }

        await db.SaveChangesAsync(cancellationToken);
        return tokens;
    }
}
