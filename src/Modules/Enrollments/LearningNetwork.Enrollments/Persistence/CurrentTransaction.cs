using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LearningNetwork.Enrollments.Persistence;

internal static class CurrentTransaction
{
    /// <summary>
    /// The open transaction, for a statement sent past EF with plain Npgsql (the enroll path's seat
    /// statement and direct insert, see SeatLedger and DirectInserts); such a statement belongs
    /// with the unit of work's others, so there being none is a programming error.
    /// </summary>
    public static NpgsqlTransaction RequireTransaction(this DatabaseFacade database) =>
        database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
        ?? throw new InvalidOperationException("This statement runs inside the unit of work's transaction, with its other statements.");
}
