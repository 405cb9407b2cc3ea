using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LearningNetwork.BuildingBlocks.Persistence;

public static class UnitOfWork
{
    /// <summary>
    /// A transaction whose SaveChanges calls send no SAVEPOINT / RELEASE SAVEPOINT around them.
    /// EF adds those inside a transaction the code opened, so that the transaction could go on
    /// after a failed save. Where a failed save always ends the transaction (the request fails
    /// and it rolls back), they are two more round trips while the transaction holds its locks:
    /// an enrollment holds its session's seat row over them.
    /// </summary>
    public static Task<IDbContextTransaction> BeginWithoutSavepointsAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        database.AutoSavepointsEnabled = false;
        return database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>
    /// The open transaction, for a statement sent past EF with plain Npgsql (a hot path's one
    /// statement, see SeatLedger and DirectInserts); such a statement belongs with the unit of
    /// work's others, so there being none is a programming error.
    /// </summary>
    public static NpgsqlTransaction RequireTransaction(this DatabaseFacade database) =>
        database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
        ?? throw new InvalidOperationException("This statement runs inside the unit of work's transaction, with its other statements.");
}
