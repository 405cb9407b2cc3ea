using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.LearningNetworks.Contracts;
using LearningNetwork.Sessions.Contracts;
using MediatR;

namespace LearningNetwork.Enrollments.Features.Shared;

/// <summary>The meetings of a members-only learning network are for its members: a manager who is not one is refused (403), staff enrolling one get a 409.</summary>
internal static class NetworkRules
{
    public static async Task EnsureMayEnrollAsync(IMediator mediator, ICurrentUser user, SessionSnapshot session, Guid managerId, CancellationToken cancellationToken)
    {
        if (session.LearningNetworkId is not { } networkId)
        {
            return;
        }

        var membership = await mediator.Send(new GetNetworkMembership(networkId, managerId), cancellationToken);
        if (membership is null || membership.MayEnroll)
        {
            return;
        }

        if (user.IsStaff)
        {
            throw new ConflictException("This manager is not a member of the learning network this meeting belongs to; add them to the network first.");
        }

        throw new ForbiddenException("This meeting is for the members of its learning network.");
    }
}
