using LearningNetwork.Accounts.Domain;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.GetMe;

internal sealed record GetMe : IRequest<MeResponse>;

internal sealed record MeResponse(Guid UserId, string Email, string FullName, IReadOnlyList<string> Roles, Guid? ClusterManagerId, string PreferredLanguage);

internal sealed class GetMeHandler(UserManager<UserAccount> users, ICurrentUser currentUser) : IRequestHandler<GetMe, MeResponse>
{
    public async Task<MeResponse> Handle(GetMe request, CancellationToken cancellationToken)
    {
        var id = currentUser.UserId ?? throw new ForbiddenException("No user is signed in.");
        // Read fresh from the database: a role or language changed since sign-in shows at once.
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("Account", id);
        var roles = await users.GetRolesAsync(user);
        return new MeResponse(user.Id, user.Email!, user.FullName, roles.Order().ToList(), user.ClusterManagerId, user.PreferredLanguage);
    }
}
