using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Domain;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LearningNetwork.Enrollments.Features.SubmitFeedback;

/// <summary>A participant rates the session from the link in the follow-up email (no sign-in needed: the token is the proof).</summary>
internal sealed record SubmitFeedback(string? Token, int? Rating, string? Comment) : IRequest<Unit>;

internal sealed class SubmitFeedbackValidator : AbstractValidator<SubmitFeedback>
{
    public SubmitFeedbackValidator()
    {
        RuleFor(x => x.Token).NotEmpty().WithMessage("The token from the feedback link is required.").MaximumLength(200);
        RuleFor(x => x.Rating).NotNull().WithMessage("The rating is required.").InclusiveBetween(1, 5).WithMessage("The rating is 1 to 5.");
        RuleFor(x => x.Comment).MaximumLength(4000);
    }
}

internal sealed class SubmitFeedbackHandler(EnrollmentsDbContext db, TimeProvider clock) : IRequestHandler<SubmitFeedback, Unit>
{
    public async Task<Unit> Handle(SubmitFeedback request, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(request.Token!);
        var token = await db.FeedbackTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            ?? throw new InvalidFieldException("token", "This feedback link is not valid.");
        var enrollment = await db.Enrollments.AsNoTracking().FirstAsync(e => e.Id == token.EnrollmentId, cancellationToken);
        if (await db.Feedback.AnyAsync(f => f.EnrollmentId == enrollment.Id, cancellationToken))
        {
            throw new ConflictException("Feedback for this enrollment was already given. Thank you!");
        }

        db.Feedback.Add(new FeedbackResponse
        {
            EnrollmentId = enrollment.Id,
            SessionId = enrollment.SessionId,
            Rating = request.Rating!.Value,
            Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            SubmittedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException("Feedback for this enrollment was already given. Thank you!");
        }

        return Unit.Value;
    }
}
