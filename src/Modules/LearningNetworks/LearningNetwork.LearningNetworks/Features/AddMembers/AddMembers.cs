using System.Text.Json.Serialization;
using FluentValidation;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Contracts;
using LearningNetwork.LearningNetworks.Features.Shared;
using MediatR;

namespace LearningNetwork.LearningNetworks.Features.AddMembers;

/// <summary>
/// Staff add managers to a network, one or a whole cluster at once. New members are enrolled in
/// the network's upcoming published meetings and welcomed, through the outbox.
/// </summary>
internal sealed record AddMembers : IRequest<AddMembersResponse>
{
    public const int MaxPerRequest = 2000;

    [JsonIgnore]
    public Guid NetworkId { get; init; }

    public IReadOnlyList<Guid>? ClusterManagerIds { get; init; }
}

internal sealed record AddMembersResponse(int Added, int AlreadyMembers);

internal sealed class AddMembersValidator : AbstractValidator<AddMembers>
{
    public AddMembersValidator()
    {
        RuleFor(x => x.ClusterManagerIds).NotEmpty().WithMessage("Name at least one cluster manager.")
            .Must(ids => ids is null || ids.Count <= AddMembers.MaxPerRequest).WithMessage($"At most {AddMembers.MaxPerRequest} cluster managers at once.");
    }
}

internal sealed class AddMembersHandler(NetworkViews views, Membership membership, IMediator mediator) : IRequestHandler<AddMembers, AddMembersResponse>
{
    public async Task<AddMembersResponse> Handle(AddMembers request, CancellationToken cancellationToken)
    {
        var network = await views.ForChangeAsync(request.NetworkId, cancellationToken);
        var ids = request.ClusterManagerIds!.Distinct().ToList();
        var found = await mediator.Send(new GetClusterManagers(ids), cancellationToken);
        var refused = Membership.NotActive(ids, found);
        if (refused.Count > 0)
        {
            throw new InvalidFieldException("clusterManagerIds",
                $"These are not active cluster managers: {string.Join(", ", refused.Take(10))}{(refused.Count > 10 ? $" and {refused.Count - 10} more" : "")}.");
        }

        var added = await membership.AddAsync(network, ids, cancellationToken);
        return new AddMembersResponse(added.Count, ids.Count - added.Count);
    }
}
