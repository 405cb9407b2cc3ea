using System.Text.Json.Serialization;
using FluentValidation;
using LearningNetwork.Accounts.Contracts;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Domain;
using LearningNetwork.ClusterManagers.Features.Clusters;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.Managers;

/// <summary>A manager as the API shows it (init properties, so EF can filter and sort on the projection).</summary>
internal sealed record ManagerResponse
{
    public Guid Id { get; init; }

    public Guid ClusterId { get; init; }

    public string ClusterName { get; init; } = "";

    public string FullName { get; init; } = "";

    public string Email { get; init; } = "";

    public string PreferredLanguage { get; init; } = "";

    public string? Phone { get; init; }

    public bool IsActive { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeactivatedAt { get; init; }
}

/// <summary>Create (Id empty; an invitation follows) or replace (Id from the route) a manager's details.</summary>
internal sealed record SaveManager : IRequest<ManagerResponse>
{
    [JsonIgnore]
    public Guid? Id { get; init; }

    public Guid? ClusterId { get; init; }

    public string? FullName { get; init; }

    public string? Email { get; init; }

    public string? PreferredLanguage { get; init; }

    public string? Phone { get; init; }
}

internal sealed class SaveManagerValidator : AbstractValidator<SaveManager>
{
    public SaveManagerValidator()
    {
        RuleFor(x => x.ClusterId).NotNull().WithMessage("The cluster is required.");
        RuleFor(x => x.FullName).NotEmpty().WithMessage("The full name is required.").MaximumLength(200);
        RuleFor(x => x.Email).NotEmpty().WithMessage("The email is required.")
            .Must(ClusterManager.IsValidEmail).WithMessage("Not a valid email address (name@domain.be).");
        RuleFor(x => x.PreferredLanguage).NotEmpty().WithMessage("The language is required.")
            .Must(l => l is null || Languages.All.Contains(l)).WithMessage("The language is nl, en or fr.");
        RuleFor(x => x.Phone).MaximumLength(40);
    }
}

internal sealed record GetManager(Guid Id) : IRequest<ManagerResponse>;

internal sealed record ListManagers(string? Search, Guid? ClusterId, bool? Active, int? Page, int? PageSize) : IRequest<PagedResult<ManagerResponse>>;

internal sealed class ListManagersValidator : AbstractValidator<ListManagers>
{
    public ListManagersValidator()
    {
        RuleFor(x => x.Search).MaximumLength(200);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal sealed record DeactivateManager(Guid Id) : IRequest<ManagerResponse>;

internal sealed record ResendInvitation(Guid Id) : IRequest<Unit>;

internal sealed class ManagerRequestsHandler(ClusterManagersDbContext db, IMediator mediator, TimeProvider clock)
    : IRequestHandler<SaveManager, ManagerResponse>,
      IRequestHandler<GetManager, ManagerResponse>,
      IRequestHandler<ListManagers, PagedResult<ManagerResponse>>,
      IRequestHandler<DeactivateManager, ManagerResponse>,
      IRequestHandler<ResendInvitation, Unit>
{
    public async Task<ManagerResponse> Handle(SaveManager request, CancellationToken cancellationToken)
    {
        var details = new ManagerDetails(request.ClusterId!.Value, request.FullName!, request.Email!, request.PreferredLanguage!, request.Phone);
        if (!await db.Clusters.AnyAsync(c => c.Id == details.ClusterId, cancellationToken))
        {
            throw new InvalidFieldException("clusterId", "There is no cluster with this id.");
        }

        await EnsureEmailFreeAsync(details.Email, request.Id, cancellationToken);
        ClusterManager manager;
        if (request.Id is { } id)
        {
            manager = await db.Managers.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException("Cluster manager", id);
            manager.Update(details, clock.GetUtcNow());
        }
        else
        {
            manager = ClusterManager.Register(details, clock.GetUtcNow());
            db.Managers.Add(manager);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(manager.Id, cancellationToken);
    }

    public Task<ManagerResponse> Handle(GetManager request, CancellationToken cancellationToken) => ResponseAsync(request.Id, cancellationToken);

    public async Task<PagedResult<ManagerResponse>> Handle(ListManagers request, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 50);
        var query = Responses();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var pattern = Like.Contains(request.Search);
            query = query.Where(m => EF.Functions.ILike(m.FullName, pattern, Like.Escape)
                                     || EF.Functions.ILike(m.Email, pattern, Like.Escape)
                                     || EF.Functions.ILike(m.ClusterName, pattern, Like.Escape));
        }

        if (request.ClusterId is { } clusterId)
        {
            query = query.Where(m => m.ClusterId == clusterId);
        }

        if (request.Active is { } active)
        {
            query = query.Where(m => m.IsActive == active);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(m => m.FullName).ThenBy(m => m.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<ManagerResponse>(page, total);
    }

    public async Task<ManagerResponse> Handle(DeactivateManager request, CancellationToken cancellationToken)
    {
        var manager = await db.Managers.FirstOrDefaultAsync(m => m.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Cluster manager", request.Id);
        // The account stops first: from this answer on, the manager cannot sign in.
        await mediator.Send(new DeactivateClusterManagerAccount(manager.Id), cancellationToken);
        manager.Deactivate(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ResponseAsync(manager.Id, cancellationToken);
    }

    public async Task<Unit> Handle(ResendInvitation request, CancellationToken cancellationToken)
    {
        if (!await db.Managers.AnyAsync(m => m.Id == request.Id, cancellationToken))
        {
            throw new NotFoundException("Cluster manager", request.Id);
        }

        return await mediator.Send(new ResendClusterManagerInvitation(request.Id), cancellationToken);
    }

    private async Task EnsureEmailFreeAsync(string email, Guid? ownId, CancellationToken cancellationToken)
    {
        var key = ClusterManager.KeyOf(email);
        if (await db.Managers.AnyAsync(m => m.EmailKey == key && m.Id != ownId, cancellationToken))
        {
            throw new ConflictException($"Another cluster manager already has the email {email.Trim()}.");
        }

        var accounts = await mediator.Send(new FindAccountsByEmail([email]), cancellationToken);
        // Any account blocks a new manager; for an existing one, any account but their own.
        if (accounts.Any(a => ownId is null || a.ClusterManagerId != ownId))
        {
            throw new ConflictException($"The email {email.Trim()} already belongs to another account.");
        }
    }

    private IQueryable<ManagerResponse> Responses() =>
        from m in db.Managers.AsNoTracking()
        join c in db.Clusters.AsNoTracking() on m.ClusterId equals c.Id
        select new ManagerResponse
        {
            Id = m.Id,
            ClusterId = m.ClusterId,
            ClusterName = c.Name,
            FullName = m.FullName,
            Email = m.Email,
            PreferredLanguage = m.PreferredLanguage,
            Phone = m.Phone,
            IsActive = m.IsActive,
            CreatedAt = m.CreatedAt,
            DeactivatedAt = m.DeactivatedAt,
        };

    private async Task<ManagerResponse> ResponseAsync(Guid id, CancellationToken cancellationToken) =>
        await Responses().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException("Cluster manager", id);
}

/// <summary>Answers other modules' questions about managers (enrollment lists, email language).</summary>
internal sealed class GetClusterManagersHandler(ClusterManagersDbContext db)
    : IRequestHandler<Contracts.GetClusterManagers, IReadOnlyList<Contracts.ClusterManagerSummary>>
{
    // Compiled once: every enrollment asks who the manager is (see the Sessions module's SessionListQueries).
    private static readonly Func<ClusterManagersDbContext, Guid[], IAsyncEnumerable<Contracts.ClusterManagerSummary>> SummariesQuery =
        EF.CompileAsyncQuery((ClusterManagersDbContext db, Guid[] ids) =>
            from m in db.Managers.AsNoTracking()
            join c in db.Clusters.AsNoTracking() on m.ClusterId equals c.Id
            where ids.Contains(m.Id)
            select new Contracts.ClusterManagerSummary(m.Id, m.FullName, m.Email, m.PreferredLanguage, c.Id, c.Name, m.IsActive));

    public async Task<IReadOnlyList<Contracts.ClusterManagerSummary>> Handle(Contracts.GetClusterManagers request, CancellationToken cancellationToken)
    {
        var managers = new List<Contracts.ClusterManagerSummary>(request.ClusterManagerIds.Count);
        await foreach (var manager in SummariesQuery(db, request.ClusterManagerIds.Distinct().ToArray()).WithCancellation(cancellationToken))
        {
            managers.Add(manager);
        }

        return managers;
    }
}

internal sealed class GetDirectoryFiguresHandler(ClusterManagersDbContext db) : IRequestHandler<Contracts.GetDirectoryFigures, Contracts.DirectoryFigures>
{
    public async Task<Contracts.DirectoryFigures> Handle(Contracts.GetDirectoryFigures request, CancellationToken cancellationToken) =>
        new(await db.Clusters.CountAsync(cancellationToken), await db.Managers.CountAsync(m => m.IsActive, cancellationToken));
}
