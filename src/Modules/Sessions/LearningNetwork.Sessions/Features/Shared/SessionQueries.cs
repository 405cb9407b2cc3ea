using LearningNetwork.BuildingBlocks.Errors;
using LearningNetwork.BuildingBlocks.Security;
using LearningNetwork.Sessions.Domain;
using LearningNetwork.Sessions.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.Shared;

/// <summary>Who sees which sessions: staff see all; everyone else only published and cancelled ones.</summary>
internal static class SessionQueries
{
    public static IQueryable<Session> VisibleTo(this IQueryable<Session> sessions, ICurrentUser user) =>
        user.IsStaff ? sessions : sessions.Where(s => s.Status != SessionStatus.Draft);

    public static async Task<Session> GetVisibleAsync(this SessionsDbContext db, Guid id, ICurrentUser user, CancellationToken cancellationToken) =>
        await db.Sessions.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException("Session", id);

    /// <summary>For staff writes: tracked, and any status.</summary>
    public static async Task<Session> GetForUpdateAsync(this SessionsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Sessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundException("Session", id);

    /// <summary>
    /// Holds the session's row until the current transaction ends (call it inside one): writers of
    /// the same session that lock it too wait for each other, so the later one reads what the
    /// earlier one committed. A session that does not exist locks nothing.
    /// </summary>
    public static async Task LockAsync(this SessionsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM sessions.sessions WHERE id = {id} FOR UPDATE", cancellationToken);
}
