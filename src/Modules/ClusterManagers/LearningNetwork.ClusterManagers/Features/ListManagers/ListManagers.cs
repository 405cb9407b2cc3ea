using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.ClusterManagers.Features.Shared;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.ListManagers;

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

internal sealed class ListManagersHandler(ClusterManagersDbContext db, IMediator mediator) : IRequestHandler<ListManagers, PagedResult<ManagerResponse>>
{
    public async Task<PagedResult<ManagerResponse>> Handle(ListManagers request, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 50);
        var managers = db.Managers.AsQueryable();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            // Lower-cased keys compared with LIKE: a case-insensitive ILIKE per row and column costs several times more.
            var pattern = Like.Contains(request.Search.ToLowerInvariant());
            var clusters = db.Clusters.Where(c => EF.Functions.Like(c.NameKey, pattern, Like.Escape)).Select(c => c.Id);
            managers = managers.Where(m => EF.Functions.Like(m.NameKey, pattern, Like.Escape)
                                           || EF.Functions.Like(m.EmailKey, pattern, Like.Escape)
                                           || clusters.Contains(m.ClusterId));
        }

        if (request.ClusterId is { } clusterId)
        {
            managers = managers.Where(m => m.ClusterId == clusterId);
        }

        if (request.Active is { } active)
        {
            managers = managers.Where(m => m.IsActive == active);
        }

        var query = db.Responses(managers);
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(m => m.FullName).ThenBy(m => m.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<ManagerResponse>(await mediator.WithStatusAsync(page, cancellationToken), total);
    }
}
