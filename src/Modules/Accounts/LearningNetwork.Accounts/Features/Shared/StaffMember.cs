using LearningNetwork.Accounts.Domain;

namespace LearningNetwork.Accounts.Features.Shared;

/// <param name="Activated">The invitation was taken up: a password was chosen, or the invited address was confirmed by a single sign-on.</param>
/// <param name="Roles">["Admin", "Staff"] for an Admin, ["Staff"] for the others.</param>
internal sealed record StaffMember(Guid UserId, string Email, string FullName, string PreferredLanguage, bool IsActive, bool Activated, IReadOnlyList<string> Roles)
{
    public static StaffMember From(UserAccount u, bool isAdmin) =>
        new(u.Id, u.Email!, u.FullName, u.PreferredLanguage, u.IsActive, u.PasswordHash is not null || u.EmailConfirmed, isAdmin ? [BuildingBlocks.Security.Roles.Admin, BuildingBlocks.Security.Roles.Staff] : [BuildingBlocks.Security.Roles.Staff]);
}
