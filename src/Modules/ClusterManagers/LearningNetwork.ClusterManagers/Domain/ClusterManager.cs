using System.Net.Mail;
using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.ClusterManagers.Contracts;

namespace LearningNetwork.ClusterManagers.Domain;

internal sealed record ManagerDetails(Guid ClusterId, string FullName, string Email, string PreferredLanguage, string? Phone);

/// <summary>A person who runs a cluster: the directory entry behind a cluster manager's account.</summary>
internal sealed class ClusterManager : AggregateRoot
{
    private ClusterManager()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClusterId { get; private set; }

    public string FullName { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>Lower-cased name: what a search compares, so that it needs no case-insensitive match per row.</summary>
    public string NameKey { get; private set; } = "";

    /// <summary>Lower-cased email: unique across the directory.</summary>
    public string EmailKey { get; private set; } = "";

    public string PreferredLanguage { get; private set; } = "nl";

    public string? Phone { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Announcements of new sessions: on until the manager turns them off (preferences or one click in such an email).</summary>
    public bool Announcements { get; private set; } = true;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeactivatedAt { get; private set; }

    /// <summary>When the person's data was erased (GDPR article 17); the entry then holds nothing that identifies them.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>The address an erased entry gets instead: unique, undeliverable (RFC 2606), naming nobody.</summary>
    public static string ErasedEmail(Guid id) => $"erased-{id:N}@erased.invalid";

    public static string KeyOf(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A plain address (name@domain.tld), as MailKit will need it; display names and the like are refused.</summary>
    public static bool IsValidEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256 || email.Any(char.IsWhiteSpace))
        {
            return false;
        }

        return MailAddress.TryCreate(email, out var address)
            && address.Address == email
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
    }

    public static ClusterManager Register(ManagerDetails details, DateTimeOffset now)
    {
        var manager = new ClusterManager { Id = Guid.CreateVersion7(now), IsActive = true, CreatedAt = now };
        manager.Apply(details, now);
        manager.Raise(new ClusterManagerCreated(manager.Id, manager.Email, manager.FullName, manager.PreferredLanguage));
        return manager;
    }

    /// <summary>Returns false when nothing changed (so an import can tell updated from unchanged).</summary>
    public bool Update(ManagerDetails details, DateTimeOffset now)
    {
        var changed = details.ClusterId != ClusterId || details.FullName.Trim() != FullName || details.Email.Trim() != Email
            || details.PreferredLanguage != PreferredLanguage || Blank(details.Phone) != Phone;
        if (!changed)
        {
            return false;
        }

        Apply(details, now);
        Raise(new ClusterManagerUpdated(Id, Email, FullName, PreferredLanguage));
        return true;
    }

    /// <summary>The manager's own choices: the language of their emails and pages, and announcements. A new language reaches their account.</summary>
    public void SetPreferences(string preferredLanguage, bool announcements, DateTimeOffset now)
    {
        if (preferredLanguage != PreferredLanguage)
        {
            PreferredLanguage = preferredLanguage;
            Raise(new ClusterManagerUpdated(Id, Email, FullName, PreferredLanguage));
        }

        if (!announcements)
        {
            StopAnnouncements(now);
        }

        Announcements = announcements;
        UpdatedAt = now;
    }

    /// <summary>One click in an announcement: no more of them (harmless when already off).</summary>
    public void StopAnnouncements(DateTimeOffset now)
    {
        if (Announcements)
        {
            Announcements = false;
            UpdatedAt = now;
            Raise(new ClusterManagerStoppedAnnouncements(Id));
        }
    }

    public void Deactivate(DateTimeOffset now)
    {
        if (!IsActive)
        {
            return;
        }

        IsActive = false;
        DeactivatedAt = now;
        UpdatedAt = now;
        Raise(new ClusterManagerDeactivated(Id));
    }

    /// <summary>
    /// Erasure: deactivated as by staff (enrollments end, emails stop, memberships go), and name,
    /// email and phone replaced, so the address is free for a new entry. The entry itself stays
    /// with its cluster: figures per cluster do not change.
    /// </summary>
    public void Erase(DateTimeOffset now)
    {
        Deactivate(now);
        FullName = "Erased";
        NameKey = KeyOf(FullName);
        Email = ErasedEmail(Id);
        EmailKey = Email;
        Phone = null;
        Announcements = false;
        ErasedAt ??= now;
        UpdatedAt = now;
    }

    private void Apply(ManagerDetails details, DateTimeOffset now)
    {
        ClusterId = details.ClusterId;
        FullName = details.FullName.Trim();
        NameKey = KeyOf(FullName);
        Email = details.Email.Trim();
        EmailKey = KeyOf(details.Email);
        PreferredLanguage = details.PreferredLanguage;
        Phone = Blank(details.Phone);
        UpdatedAt = now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
