using LearningNetwork.Accounts.Contracts;
using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Domain;
using LearningNetwork.ClusterManagers.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.ClusterManagers.Features.Shared;

/// <summary>A manager as the API shows it (init properties, so EF can filter and sort on the projection).</summary>
internal sealed record ManagerResponse
{
    public Guid Id { get; init; }

    public Guid ClusterId { get; init; }

    public string ClusterName { get; init; } = "";

    public string FullName { get; init; } = "";

    public string Email { get; init; } = "";

    public string PreferredLanguage { get; init; } = "";

    public string? Phone { get; init; }

    public bool IsActive { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeactivatedAt { get; init; }

    /// <summary>Invited (no password set yet), Active, or Deactivated.</summary>
    public string Status { get; init; } = ManagerStatus.Invited;

    /// <summary>When the latest invitation went out, while the manager has not activated.</summary>
    public DateTimeOffset? InvitedAt { get; init; }
}

internal static class ManagerStatus
{
    public const string Invited = "Invited";
    public const string Active = "Active";
    public const string Deactivated = "Deactivated";
}

internal static class ManagerResponses
{
    public static IQueryable<ManagerResponse> Responses(this ClusterManagersDbContext db) => db.Responses(db.Managers);

    /// <summary>The chosen managers as the API shows them: filter on the entities (their keys), then project.</summary>
    public static IQueryable<ManagerResponse> Responses(this ClusterManagersDbContext db, IQueryable<ClusterManager> managers) =>
        from m in managers.AsNoTracking()
        join c in db.Clusters.AsNoTracking() on m.ClusterId equals c.Id
        select new ManagerResponse
        {
            Id = m.Id,
            ClusterId = m.ClusterId,
            ClusterName = c.Name,
            FullName = m.FullName,
            Email = m.Email,
            PreferredLanguage = m.PreferredLanguage,
            Phone = m.Phone,
            IsActive = m.IsActive,
            CreatedAt = m.CreatedAt,
            DeactivatedAt = m.DeactivatedAt,
        };

    public static async Task<ManagerResponse> ResponseAsync(this ClusterManagersDbContext db, IMediator mediator, Guid id, CancellationToken cancellationToken) =>
        (await mediator.WithStatusAsync([await db.Responses().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException("Cluster manager", id)], cancellationToken))[0];

    /// <summary>
    /// Whether each manager activated is the Accounts module's fact: asked for the whole page at
    /// once. A manager whose account is still on its way through the outbox is Invited, without a date yet.
    /// </summary>
    public static async Task<IReadOnlyList<ManagerResponse>> WithStatusAsync(this IMediator mediator, IReadOnlyList<ManagerResponse> managers, CancellationToken cancellationToken)
    {
        var accounts = (await mediator.Send(new GetClusterManagerAccounts(managers.Where(m => m.IsActive).Select(m => m.Id).ToList()), cancellationToken))
            .ToDictionary(a => a.ClusterManagerId);
        return managers.Select(m => !m.IsActive
                ? m with { Status = ManagerStatus.Deactivated }
                : accounts.TryGetValue(m.Id, out var account) && account.Activated
                    ? m with { Status = ManagerStatus.Active }
                    : m with { Status = ManagerStatus.Invited, InvitedAt = accounts.TryGetValue(m.Id, out var invited) ? invited.InvitedAt : null })
            .ToList();
    }
}
