using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.LearningNetworks.Features.Shared;
using LearningNetwork.LearningNetworks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.LearningNetworks.Features.ListMembers;

/// <summary>A network's members in the order they joined; <c>search</c> matches name, email or cluster.</summary>
internal sealed record ListMembers(Guid NetworkId, string? Search, int? Page, int? PageSize) : IRequest<PagedResult<MemberResponse>>;

internal sealed record MemberResponse(Guid ClusterManagerId, string FullName, string Email, string ClusterName, DateTime JoinedAt);

internal sealed class ListMembersValidator : AbstractValidator<ListMembers>
{
    public ListMembersValidator()
    {
        RuleFor(x => x.Search).MaximumLength(200);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal sealed class ListMembersHandler(LearningNetworksDbContext db, NetworkViews views, IMediator mediator) : IRequestHandler<ListMembers, PagedResult<MemberResponse>>
{
    public async Task<PagedResult<MemberResponse>> Handle(ListMembers request, CancellationToken cancellationToken)
    {
        var network = await views.ForChangeAsync(request.NetworkId, cancellationToken);
        var paging = new PageRequest(request.Page ?? 1, request.PageSize ?? 50);
        var members = await db.Members.AsNoTracking().Where(m => m.NetworkId == network.Id).OrderBy(m => m.JoinNumber).ToListAsync(cancellationToken);

        // Names live in the directory: a network has at most a few thousand members, read at once.
        var managers = (await mediator.Send(new GetClusterManagers(members.Select(m => m.ClusterManagerId).ToList()), cancellationToken))
            .ToDictionary(m => m.ClusterManagerId);
        var rows = members.Where(m => managers.ContainsKey(m.ClusterManagerId))
            .Select(m => (Member: m, Manager: managers[m.ClusterManagerId]))
            .Where(r => string.IsNullOrWhiteSpace(request.Search) || Matches(r.Manager, request.Search.Trim()))
            .ToList();
        return new PagedResult<MemberResponse>(
            rows.Skip(paging.Skip).Take(paging.PageSize)
                .Select(r => new MemberResponse(r.Manager.ClusterManagerId, r.Manager.FullName, r.Manager.Email, r.Manager.ClusterName, r.Member.JoinedAt.UtcDateTime))
                .ToList(),
            rows.Count);
    }

    private static bool Matches(ClusterManagerSummary manager, string search) =>
        manager.FullName.Contains(search, StringComparison.CurrentCultureIgnoreCase)
        || manager.Email.Contains(search, StringComparison.OrdinalIgnoreCase)
        || manager.ClusterName.Contains(search, StringComparison.CurrentCultureIgnoreCase);
}
