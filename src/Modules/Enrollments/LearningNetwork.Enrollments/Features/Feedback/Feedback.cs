using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Domain;
using LearningNetwork.Enrollments.Persistence;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LearningNetwork.Enrollments.Features.Feedback;

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

internal sealed record FeedbackSummary(int Responses, double? AverageRating, IReadOnlyList<string> Comments);

internal sealed record GetFeedbackSummary(Guid SessionId) : IRequest<FeedbackSummary>;

internal sealed class FeedbackHandler(EnrollmentsDbContext db, TimeProvider clock)
    : IRequestHandler<SubmitFeedback, Unit>, IRequestHandler<GetFeedbackSummary, FeedbackSummary>, IRequestHandler<IssueFeedbackTokens, IReadOnlyDictionary<Guid, string>>
{
    public async Task<Unit> Handle(SubmitFeedback request, CancellationToken cancellationToken)
    {
        var hash = Hash(request.Token!);
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

    public async Task<FeedbackSummary> Handle(GetFeedbackSummary request, CancellationToken cancellationToken)
    {
        var responses = await db.Feedback.AsNoTracking().Where(f => f.SessionId == request.SessionId).OrderBy(f => f.SubmittedAt).ToListAsync(cancellationToken);
        return new FeedbackSummary(
            responses.Count,
            responses.Count == 0 ? null : Math.Round(responses.Average(r => r.Rating), 2),
            responses.Where(r => r.Comment is not null).Select(r => r.Comment!).ToList());
    }

    public async Task<IReadOnlyDictionary<Guid, string>> Handle(IssueFeedbackTokens request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tokens = new Dictionary<Guid, string>();
        foreach (var enrollmentId in request.EnrollmentIds.Distinct())
        {
            var clear = SecretTokens.New();
            db.FeedbackTokens.Add(new FeedbackToken { TokenHash = Hash(clear), EnrollmentId = enrollmentId, CreatedAt = now });
            tokens[enrollmentId] = clear;
        }

        await db.SaveChangesAsync(cancellationToken);
        return tokens;
    }

    private static string Hash(string token) => SecretTokens.Hash(token);
}

internal static class FeedbackEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/feedback", async (SubmitFeedback request, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(request, ct);
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .WithName("SubmitFeedback")
            .WithSummary("Rate a session (1-5) with the token from the follow-up email; once per enrollment")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/sessions/{id:guid}/feedback", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetFeedbackSummary(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("SessionFeedback")
            .WithSummary("What participants thought of a session")
            .Produces<FeedbackSummary>();
    }
}
