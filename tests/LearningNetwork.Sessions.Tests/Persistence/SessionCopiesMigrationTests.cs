using LearningNetwork.BuildingBlocks.Persistence;
using LearningNetwork.Sessions.Persistence;
using LearningNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LearningNetwork.Sessions.Tests.Persistence;

/// <summary>The copies an installation already has keep their meaning when copied_at gives way to awaiting_first_copy.</summary>
public sealed class SessionCopiesMigrationTests
{
    [Fact]
    public async Task Copies_still_to_be_made_await_their_first_copy_and_made_copies_do_not()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = ModuleDatabaseRegistration.CreateDataSource(database.ConnectionString);
        var options = new DbContextOptionsBuilder<SessionsDbContext>();
        ModuleDatabaseRegistration.Configure<SessionsDbContext>(options, dataSource, SessionsDbContext.SchemaName, TimeProvider.System);
        await using var db = new SessionsDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("SessionCopies");
        var (waiting, made) = (Guid.NewGuid(), Guid.NewGuid());
        await database.ExecuteAsync($"""
            INSERT INTO sessions.session_copies (session_id, seats_taken, waitlist_length, seat_marks, seat_marks_copied, copied_at)
            VALUES ('{waiting}', 0, 0, 0, 0, NULL), ('{made}', 3, 1, 4, 4, now())
            """);

        await migrator.MigrateAsync();

        Assert.True(await database.ScalarAsync<bool>("SELECT awaiting_first_copy FROM sessions.session_copies WHERE session_id = @id", ("id", waiting)));
        Assert.False(await database.ScalarAsync<bool>("SELECT awaiting_first_copy FROM sessions.session_copies WHERE session_id = @id", ("id", made)));
        Assert.Equal(3, await database.ScalarAsync<int>("SELECT seats_taken FROM sessions.session_copies WHERE session_id = @id", ("id", made)));
    }
}
