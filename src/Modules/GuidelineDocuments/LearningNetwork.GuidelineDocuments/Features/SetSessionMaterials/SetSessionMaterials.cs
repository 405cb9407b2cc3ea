using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.GuidelineDocuments.Domain;
using LearningNetwork.GuidelineDocuments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.SetSessionMaterials;

/// <summary>Staff attach published guidelines to a session as its materials (replacing the previous list).</summary>
internal sealed record SetSessionMaterials(Guid SessionId, IReadOnlyList<Guid>? GuidelineIds) : IRequest<Unit>;

internal sealed class SetSessionMaterialsValidator : AbstractValidator<SetSessionMaterials>
{
    public SetSessionMaterialsValidator() =>
        RuleFor(x => x.GuidelineIds).NotNull().WithMessage("Give the list of guideline ids (empty to clear).")
            .Must(ids => ids is null || ids.Count <= 50).WithMessage("At most 50 materials.");
}

/// <summary>The new list, and the event that tells the session's copy, replace the old list in one transaction.</summary>
internal sealed class SetSessionMaterialsHandler(GuidelinesDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<SetSessionMaterials, Unit>
{
    public async Task<Unit> Handle(SetSessionMaterials request, CancellationToken cancellationToken)
    {
        if ((await mediator.Send(new GetSessions([request.SessionId]), cancellationToken)).Count == 0)
        {
            throw new NotFoundException("Session", request.SessionId);
        }

        var ids = request.GuidelineIds!.Distinct().ToList();
        var published = await db.Guidelines.Where(g => ids.Contains(g.Id) && g.Status == GuidelineStatus.Published).Select(g => g.Id).ToListAsync(cancellationToken);
        var missing = ids.Except(published).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidFieldException("guidelineIds", $"Not published guidelines: {string.Join(", ", missing)}.");
        }

        await using var transaction = await db.Database.BeginWithoutSavepointsAsync(cancellationToken);
        await db.Materials.Where(m => m.SessionId == request.SessionId).ExecuteDeleteAsync(cancellationToken);
        db.Materials.AddRange(ids.Select((id, i) => new SessionMaterial { SessionId = request.SessionId, GuidelineId = id, Position = i }));
        OutboxModel.Add(db.OutboxMessages, new SessionMaterialsChanged(request.SessionId), clock);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
