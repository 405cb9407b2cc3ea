using LearningNetwork.BuildingBlocks.Hosting;
using LearningNetwork.Sessions.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LearningNetwork.Sessions.Features.Shared;

/// <summary>
/// Makes the copies still to be made at start-up: sessions that existed before copies did start
/// with an empty one marked <see cref="Domain.SessionCopy.AwaitingFirstCopy"/> (by the migration
/// that added copies), and are copied here in chunks before requests are served. Costs one
/// indexed query when there is nothing to do.
/// </summary>
internal sealed class MissingSessionCopies(SessionsDbContext db, SessionCopies copies) : IStartupTask
{
    private const int ChunkSize = 200;

    public int Order => 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var missing = await db.SessionCopies.AsNoTracking()
                .Where(c => c.AwaitingFirstCopy).OrderBy(c => c.SessionId).Select(c => c.SessionId).Take(ChunkSize)
                .ToListAsync(cancellationToken);
            if (missing.Count == 0)
            {
                return;
            }

            await copies.CopyAsync(missing, CopiedFacts.Seats | CopiedFacts.Materials, cancellationToken);
        }
    }
}
