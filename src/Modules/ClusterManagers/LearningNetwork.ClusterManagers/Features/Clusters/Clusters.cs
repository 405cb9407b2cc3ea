using System.Text.Json.Serialization;
using FluentValidation;
using LearningNetwork.BuildingBlocks.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Domain;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.Clusters;

internal sealed record ClusterResponse(
    Guid Id, string Name, ClusterType Type, string? Domain, DateOnly? FundingStart, DateOnly? FundingEnd,
    int? MemberCompanies, PostFundingPlan PostFundingPlan, int ActiveManagers)
{
    public static ClusterResponse From(Cluster c, int activeManagers) =>
        new(c.Id, c.Name, c.Type, c.Domain, c.FundingStart, c.FundingEnd, c.MemberCompanies, c.PostFundingPlan, activeManagers);
}

/// <summary>Create (Id empty) or replace (Id from the route) a cluster's details.</summary>
internal sealed record SaveCluster : IRequest<ClusterResponse>
{
    [JsonIgnore]
    public Guid? Id { get; init; }

    public string? Name { get; init; }

    public ClusterType? Type { get; init; }

    public string? Domain { get; init; }

    public DateOnly? FundingStart { get; init; }

    public DateOnly? FundingEnd { get; init; }

    public int? MemberCompanies { get; init; }

    public PostFundingPlan? PostFundingPlan { get; init; }
}

internal sealed class SaveClusterValidator : AbstractValidator<SaveCluster>
{
    public SaveClusterValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("The name is required.").MaximumLength(200);
        RuleFor(x => x.Type).NotNull().WithMessage("The type is required: SpearheadCluster or InnovativeBusinessNetwork.");
        RuleFor(x => x.Domain).MaximumLength(200);
        RuleFor(x => x.MemberCompanies).InclusiveBetween(0, 100_000);
        RuleFor(x => x.FundingEnd).GreaterThanOrEqualTo(x => x.FundingStart)
            .When(x => x.FundingStart is not null && x.FundingEnd is not null)
            .WithMessage("The funding period cannot end before it starts.");
    }
}

internal sealed record GetCluster(Guid Id) : IRequest<ClusterResponse>;

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

internal sealed class ClusterRequestsHandler(ClusterManagersDbContext db, TimeProvider clock)
    : IRequestHandler<SaveCluster, ClusterResponse>, IRequestHandler<GetCluster, ClusterResponse>, IRequestHandler<ListClusters, PagedResult<ClusterResponse>>
{
    public async Task<ClusterResponse> Handle(SaveCluster request, CancellationToken cancellationToken)
    {
        var details = new ClusterDetails(request.Name!, request.Type!.Value, request.Domain, request.FundingStart, request.FundingEnd,
            request.MemberCompanies, request.PostFundingPlan ?? PostFundingPlan.Undecided);
        var key = Cluster.KeyOf(details.Name);
        if (await db.Clusters.AnyAsync(c => c.NameKey == key && c.Id != request.Id, cancellationToken))
        {
            throw new ConflictException($"A cluster named '{details.Name.Trim()}' already exists.");
        }

        Cluster cluster;
        if (request.Id is { } id)
        {
            cluster = await db.Clusters.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Cluster", id);
            cluster.Update(details, clock.GetUtcNow());
        }
        else
        {
            cluster = Cluster.Create(details, clock.GetUtcNow());
            db.Clusters.Add(cluster);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ClusterResponse.From(cluster, await db.Managers.CountAsync(m => m.ClusterId == cluster.Id && m.IsActive, cancellationToken));
    }

    public async Task<ClusterResponse> Handle(GetCluster request, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Cluster", request.Id);
        return ClusterResponse.From(cluster, await db.Managers.CountAsync(m => m.ClusterId == cluster.Id && m.IsActive, cancellationToken));
    }

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
        return new PagedResult<ClusterResponse>(page.Select(p => ClusterResponse.From(p.Cluster, p.Active)).ToList(), total);
    }
}

/// <summary>Search text as a LIKE pattern that matches it literally (a % in a name is just a %).</summary>
internal static class Like
{
    public const string Escape = "\\";

    public static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
