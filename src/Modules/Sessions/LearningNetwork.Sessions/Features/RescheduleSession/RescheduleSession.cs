using System.Text.Json.Serialization;
using FluentValidation;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;

namespace LearningNetwork.Sessions.Features.RescheduleSession;

/// <summary>Move a session to new local times in its zone; enrolled people are told through SessionRescheduled.</summary>
internal sealed record RescheduleSession : IRequest<SessionView>
{
    [JsonIgnore]
    public Guid Id { get; init; }

    public string? Start { get; init; }

    public string? End { get; init; }
}

internal sealed class RescheduleSessionValidator : AbstractValidator<RescheduleSession>
{
    public RescheduleSessionValidator()
    {
        RuleFor(x => x.Start).NotEmpty().WithMessage("The start is required.").LocalDateTime();
        RuleFor(x => x.End).NotEmpty().WithMessage("The end is required.").LocalDateTime();
    }
}

internal sealed class RescheduleSessionHandler(SessionsDbContext db, SessionViews views, TimeProvider clock) : IRequestHandler<RescheduleSession, SessionView>
{
    public async Task<SessionView> Handle(RescheduleSession request, CancellationToken cancellationToken)
    {
        var session = await db.GetForUpdateAsync(request.Id, cancellationToken);
        session.Reschedule(SessionInputRules.ParseLocal(request.Start!), SessionInputRules.ParseLocal(request.End!), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await views.OneAsync(session, cancellationToken);
    }
}
