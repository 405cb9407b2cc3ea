using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.ClusterManagers.Domain;
using LearningNetwork.ClusterManagers.Features.Shared;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.ListClusters;

internal sealed record ListClusters(string? Search, string? Type, int? Page, int? PageSize) : IRequest<PagedResult<ClusterResponse>>;

internal sealed class ListClustersValidator : AbstractValidator<ListClusters>
{
    public ListClustersValidator()
    {
        RuleFor(x => x.Search).MaximumLength(200);
        RuleFor(x => x.Type).Must(t => t is null || Enum.GetNames<ClusterType>().Contains(t, StringComparer.OrdinalIgnoreCase))
            .WithMessage("Type is SpearheadCluster or InnovativeBusinessNetwork.");
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal sealed class ListClustersHandler(ClusterManagersDbContext db, TimeProvider clock) : IRequestHandler<ListClusters, PagedResult<ClusterResponse>>
{
    public async Task<PagedResult<ClusterResponse>> Handle(ListClusters request, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 50);
        var query = db.Clusters.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var pattern = Like.Contains(request.Search);
            query = query.Where(c => EF.Functions.ILike(c.Name, pattern, Like.Escape) || EF.Functions.ILike(c.Domain!, pattern, Like.Escape));
        }

        if (request.Type is not null)
        {
            var type = Enum.Parse<ClusterType>(request.Type, ignoreCase: true);
            query = query.Where(c => c.Type == type);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(c => c.Name)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(c => new { Cluster = c, Active = db.Managers.Count(m => m.ClusterId == c.Id && m.IsActive) })
            .ToListAsync(cancellationToken);
        return new PagedResult<ClusterResponse>(page.Select(p => ClusterResponse.From(p.Cluster, p.Active, clock.GetUtcNow())).ToList(), total);
    }
}
