using Microsoft.AspNetCore.Identity;

namespace LearningNetwork.Accounts.Domain;

/// <summary>A person who can sign in: agency staff or a cluster manager. The user name is the email.</summary>
internal sealed class UserAccount : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";

    public string PreferredLanguage { get; set; } = Contracts.Languages.Dutch;

    /// <summary>The directory entry (ClusterManagers module) this account belongs to, if it is a manager's.</summary>
    public Guid? ClusterManagerId { get; set; }

    /// <summary>False once deactivated: the account can no longer sign in.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public static UserAccount Create(string email, string fullName, string preferredLanguage, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserName = email.Trim(),
        Email = email.Trim(),
        FullName = fullName.Trim(),
        PreferredLanguage = preferredLanguage,
        CreatedAt = now,
        SecurityStamp = Guid.NewGuid().ToString("N"),
    };
}
