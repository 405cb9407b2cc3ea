using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.LearningNetworks.Contracts;
using MediatR;

namespace LearningNetwork.Sessions.Features.Shared;

/// <summary>A session or series may name the learning network it meets for; the network must exist.</summary>
internal static class NetworkOfMeeting
{
    public static async Task EnsureExistsAsync(IMediator mediator, Guid? learningNetworkId, CancellationToken cancellationToken)
    {
        if (learningNetworkId is { } id && await mediator.Send(new GetLearningNetwork(id), cancellationToken) is null)
        {
            throw new InvalidFieldException("learningNetworkId", "There is no learning network with this id.");
        }
    }
}
