using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

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
}
