using LearningNetwork.BuildingBlocks.Security;
using System.Text.Json.Serialization;
using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Domain;
using LearningNetwork.ClusterManagers.Features.Shared;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.SaveCluster;

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

internal sealed class SaveClusterHandler(ClusterManagersDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveCluster, ClusterResponse>
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
            // The funding history: what changed, by whom, saved with the change itself.
            db.ClusterChanges.AddRange(ClusterChange.Between(cluster, details, cluster.Id, user.UserId, clock.GetUtcNow()));
            cluster.Update(details, clock.GetUtcNow());
        }
        else
        {
            cluster = Cluster.Create(details, clock.GetUtcNow());
            db.Clusters.Add(cluster);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ClusterResponse.From(cluster, await db.Managers.CountAsync(m => m.ClusterId == cluster.Id && m.IsActive, cancellationToken), clock.GetUtcNow());
    }
}
