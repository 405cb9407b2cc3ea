using System.Text.Json.Serialization;
using FluentValidation;
using LearningNetwork.Sessions.Contracts;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Sessions.Persistence;
using MediatR;

namespace LearningNetwork.Sessions.Features.CancelSession;

/// <summary>Call a session off, with a reason that enrolled people will read.</summary>
internal sealed record CancelSession : IRequest<SessionView>
{
    [JsonIgnore]
    public Guid Id { get; init; }

    public string? Reason { get; init; }
}

internal sealed class CancelSessionValidator : AbstractValidator<CancelSession>
{
    public CancelSessionValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason: enrolled people will read it.").MaximumLength(1000);
}

internal sealed class CancelSessionHandler(SessionsDbContext db, SessionViews views, TimeProvider clock) : IRequestHandler<CancelSession, SessionView>
{
    public async Task<SessionView> Handle(CancelSession request, CancellationToken cancellationToken)
    {
        var session = await db.GetForUpdateAsync(request.Id, cancellationToken);
        session.Cancel(request.Reason!.Trim(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await views.OneAsync(session, cancellationToken);
    }
}
