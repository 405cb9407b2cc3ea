using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.ClusterManagers.Persistence;
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
}

internal static class ManagerResponses
{
    public static IQueryable<ManagerResponse> Responses(this ClusterManagersDbContext db) =>
        from m in db.Managers.AsNoTracking()
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

    public static async Task<ManagerResponse> ResponseAsync(this ClusterManagersDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Responses().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new NotFoundException("Cluster manager", id);
}
