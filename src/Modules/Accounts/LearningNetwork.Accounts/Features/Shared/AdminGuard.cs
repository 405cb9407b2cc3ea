using LearningNetwork.Accounts.Persistence;
using LearningNetwork.BuildingBlocks.Errors;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LearningNetwork.Accounts.Features.Shared;

/// <summary>
/// Keeps at least one active Admin. Changes that could remove the last one (withdrawing the role,
/// deactivating an Admin) take the Admin role's row lock first, so two Admins demoting each other
/// at the same moment are serialised on any number of hosts and the second sees the first's
/// change. A trigger in the database (accounts.keep_an_admin) refuses the same thing for any
/// writer that skips this, with SQLSTATE LN409.
/// </summary>
internal static class AdminGuard
{
    public const string LastAdminSqlState = "LN409";

    public static Task LockAsync(AccountsDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM accounts.roles WHERE id = {AccountsDbContext.AdminRoleId} FOR UPDATE", cancellationToken);

    public static Task<bool> IsActiveAdminAsync(AccountsDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.UserRoles.AnyAsync(r => r.RoleId == AccountsDbContext.AdminRoleId && r.UserId == userId && db.Users.Any(u => u.Id == userId && u.IsActive), cancellationToken);

    public static Task<int> OtherActiveAdminsAsync(AccountsDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.UserRoles.CountAsync(r => r.RoleId == AccountsDbContext.AdminRoleId && r.UserId != userId && db.Users.Any(u => u.Id == r.UserId && u.IsActive), cancellationToken);

    /// <summary>The database's refusal, as the 409 the application would have answered.</summary>
    public static bool IsLastAdminRefusal(Exception exception) =>
        exception is PostgresException { SqlState: LastAdminSqlState } || (exception.InnerException is { } inner && IsLastAdminRefusal(inner));

    public static ConflictException LastAdmin() => new("This is the last Admin: make someone else Admin first.");
}
