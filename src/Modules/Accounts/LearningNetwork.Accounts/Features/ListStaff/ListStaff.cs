using LearningNetwork.Accounts.Domain;
using LearningNetwork.Accounts.Features.Shared;
using LearningNetwork.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Features.ListStaff;

/// <summary>The agency's staff accounts: who they are, whether they activated, whether they may still sign in.</summary>
internal sealed record ListStaff : IRequest<IReadOnlyList<StaffMember>>;

internal sealed class ListStaffHandler(UserManager<UserAccount> users) : IRequestHandler<ListStaff, IReadOnlyList<StaffMember>>
{
    public async Task<IReadOnlyList<StaffMember>> Handle(ListStaff request, CancellationToken cancellationToken)
    {
        var admins = (await users.GetUsersInRoleAsync(Roles.Admin)).Select(u => u.Id).ToHashSet();
        return (await users.GetUsersInRoleAsync(Roles.Staff)).OrderBy(u => u.FullName).ThenBy(u => u.Email).Select(u => StaffMember.From(u, admins.Contains(u.Id))).ToList();
    }
}
