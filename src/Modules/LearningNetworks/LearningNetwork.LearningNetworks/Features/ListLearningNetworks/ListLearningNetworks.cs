using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.LearningNetworks.Features.Shared;
using LearningNetwork.LearningNetworks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.ListLearningNetworks;

/// <summary>Networks by name: staff see all; a manager sees the open ones and those they belong to.</summary>
internal sealed record ListLearningNetworks(int? Page, int? PageSize) : IRequest<PagedResult<NetworkResponse>>;

internal sealed class ListLearningNetworksValidator : AbstractValidator<ListLearningNetworks>
{
    public ListLearningNetworksValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal sealed class ListLearningNetworksHandler(LearningNetworksDbContext db, NetworkViews views, ICurrentUser user)
    : IRequestHandler<ListLearningNetworks, PagedResult<NetworkResponse>>
{
    public async Task<PagedResult<NetworkResponse>> Handle(ListLearningNetworks request, CancellationToken cancellationToken)
    {
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 50);
        var networks = db.Networks.AsNoTracking();
        if (!user.IsStaff)
        {
            var me = user.ClusterManagerId ?? Guid.Empty;
            networks = networks.Where(n => n.Membership == NetworkMembership.Open || db.Members.Any(m => m.NetworkId == n.Id && m.ClusterManagerId == me));
        }

        var total = await networks.CountAsync(cancellationToken);
        var page = await networks.OrderBy(n => n.Name).ThenBy(n => n.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<NetworkResponse>(await views.ManyAsync(page, cancellationToken), total);
    }
}
