using LearningNetwork.Accounts.Domain;

namespace LearningNetwork.Accounts.Features.Shared;

internal sealed record StaffMember(Guid UserId, string Email, string FullName, string PreferredLanguage, bool IsActive, bool Activated)
{
    public static StaffMember From(UserAccount u) => new(u.Id, u.Email!, u.FullName, u.PreferredLanguage, u.IsActive, u.PasswordHash is not null);
}
