using LearningNetwork.Accounts.Contracts;
using LearningNetwork.Accounts.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.Me;

/// <summary>Answers other modules' <see cref="GetAccount"/> requests.</summary>
internal sealed class GetAccountHandler(UserManager<UserAccount> users) : IRequestHandler<GetAccount, AccountSummary?>
{
    public async Task<AccountSummary?> Handle(GetAccount request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(request.UserId.ToString());
        if (user is null)
        {
            return null;
        }

        var roles = await users.GetRolesAsync(user);
        return new AccountSummary(user.Id, user.Email!, user.FullName, user.PreferredLanguage, roles.ToList(), user.ClusterManagerId, user.IsActive);
    }
}
