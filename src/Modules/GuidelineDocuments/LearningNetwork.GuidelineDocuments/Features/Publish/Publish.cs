using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.GuidelineDocuments.Contracts;
using LearningNetwork.GuidelineDocuments.Domain;
using LearningNetwork.GuidelineDocuments.Features.Browse;
using LearningNetwork.GuidelineDocuments.Persistence;
using LearningNetwork.Sessions.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.GuidelineDocuments.Features.Publish;

/// <summary>Publishes the latest version; managers who had an earlier one are emailed (GuidelineUpdated).</summary>
internal sealed record PublishGuideline(Guid Id) : IRequest<GuidelineResponse>;

/// <summary>Staff attach published guidelines to a session as its materials (replacing the previous list).</summary>
internal sealed record SetSessionMaterials(Guid SessionId, IReadOnlyList<Guid>? GuidelineIds) : IRequest<Unit>;

internal sealed class SetSessionMaterialsValidator : AbstractValidator<SetSessionMaterials>
{
    public SetSessionMaterialsValidator() =>
        RuleFor(x => x.GuidelineIds).NotNull().WithMessage("Give the list of guideline ids (empty to clear).")
            .Must(ids => ids is null || ids.Count <= 50).WithMessage("At most 50 materials.");
}

internal sealed class PublishHandler(GuidelinesDbContext db, IMediator mediator, TimeProvider clock)
    : IRequestHandler<PublishGuideline, GuidelineResponse>,
      IRequestHandler<SetSessionMaterials, Unit>,
      IRequestHandler<GetSessionMaterials, IReadOnlyDictionary<Guid, IReadOnlyList<MaterialSummary>>>
{
    public async Task<GuidelineResponse> Handle(PublishGuideline request, CancellationToken cancellationToken)
    {
        var guideline = await db.Guidelines.Include(g => g.Versions).FirstOrDefaultAsync(g => g.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Guideline", request.Id);
        var latest = guideline.Latest.Number;
        var earlierDownloaders = await db.Downloads
            .Where(d => d.GuidelineId == guideline.Id && d.Version < latest && d.ClusterManagerId != null)
            .Select(d => d.ClusterManagerId!.Value).Distinct().ToListAsync(cancellationToken);
        guideline.Publish(earlierDownloaders, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return GuidelineResponse.From(guideline, guideline.Versions);
    }

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

        await db.Materials.Where(m => m.SessionId == request.SessionId).ExecuteDeleteAsync(cancellationToken);
        db.Materials.AddRange(ids.Select((id, i) => new SessionMaterial { SessionId = request.SessionId, GuidelineId = id, Position = i }));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    // Compiled once: every session list and session page asks for the materials of its sessions.
    private static readonly Func<GuidelinesDbContext, Guid[], IAsyncEnumerable<MaterialRow>> MaterialsQuery =
        EF.CompileAsyncQuery((GuidelinesDbContext db, Guid[] ids) =>
            from m in db.Materials.AsNoTracking()
            join g in db.Guidelines.AsNoTracking() on m.GuidelineId equals g.Id
            where ids.Contains(m.SessionId) && g.Status == GuidelineStatus.Published
            orderby m.Position
            select new MaterialRow(m.SessionId, g.Id, g.Title, g.Language));

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<MaterialSummary>>> Handle(GetSessionMaterials request, CancellationToken cancellationToken)
    {
        var materials = new Dictionary<Guid, IReadOnlyList<MaterialSummary>>();
        await foreach (var row in MaterialsQuery(db, request.SessionIds.Distinct().ToArray()).WithCancellation(cancellationToken))
        {
            if (!materials.TryGetValue(row.SessionId, out var list))
            {
                materials[row.SessionId] = list = new List<MaterialSummary>();
            }

            ((List<MaterialSummary>)list).Add(new MaterialSummary(row.GuidelineId, row.Title, row.Language));
        }

        return materials;
    }
}

internal sealed record MaterialRow(Guid SessionId, Guid GuidelineId, string Title, string Language);
