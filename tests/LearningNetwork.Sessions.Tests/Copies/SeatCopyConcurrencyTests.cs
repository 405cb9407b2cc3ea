using System.Net;
using LearningNetwork.Sessions.Features.Shared;
using LearningNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LearningNetwork.Sessions.Tests.Copies;

/// <summary>
/// Hosts copy due seat figures at the same time (each host runs a seat copier): each takes rows the
/// others do not hold (FOR UPDATE SKIP LOCKED), so every due copy is made once, by one of them, and
/// comes out right, without waiting on or deadlocking with the others.
/// </summary>
public sealed class SeatCopyConcurrencyTests(SeatCopyConcurrencyTests.HostWithoutSeatCopier app) : IClassFixture<SeatCopyConcurrencyTests.HostWithoutSeatCopier>
{
    private const int Sessions = 18;
    private const int Capacity = 2;

    /// <summary>A host whose own seat copier does not run: the copies stay due until the test's copiers make them.</summary>
    public sealed class HostWithoutSeatCopier : LearningNetworkApp
    {
        protected override void ConfigureTestServices(IServiceCollection services)
        {
            base.ConfigureTestServices(services);
            services.Remove(services.Single(s => s.ImplementationType == typeof(SeatCopier)));
        }
    }

    [Fact]
    public async Task Two_copiers_at_once_copy_disjoint_rows_and_every_copy_ends_right()
    {
        var due = await DueSessionsAsync();

        // Two copiers, each as a host runs it: a round of a few rows at a time, each round in a
        // scope of its own (its own context and connection), started together.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var copiers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            var copied = 0;
            while (true)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var round = await scope.ServiceProvider.GetRequiredService<SessionCopies>().CopyDueSeatsAsync(3, CancellationToken.None);
                if (round == 0)
                {
                    return copied;
                }

                copied += round;
            }
        })).ToList();
        start.SetResult();
        var copiedBy = await Task.WhenAll(copiers).WaitAsync(TimeSpan.FromSeconds(60));

        // Each due copy was made exactly once: by one copier, never by both.
        Assert.Equal(due.Count, copiedBy.Sum());
        await AssertCopiesRightAsync(due);
    }

    [Fact]
    public async Task A_copier_skips_the_rows_another_holds_instead_of_waiting_for_them()
    {
        var due = await DueSessionsAsync();
        var held = due.Keys.Order().Take(4).ToArray();

        // Another host in the middle of its round: it holds four of the due copies.
        await using var other = new NpgsqlConnection(app.Database.ConnectionString);
        await other.OpenAsync();
        await using var round = await other.BeginTransactionAsync();
        await using (var hold = other.CreateCommand())
        {
            hold.CommandText = "SELECT session_id FROM sessions.session_copies WHERE session_id = ANY(@ids) FOR UPDATE";
            hold.Parameters.AddWithValue("ids", held);
            await hold.ExecuteNonQueryAsync();
        }

        int copied;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            copied = await scope.ServiceProvider.GetRequiredService<SessionCopies>().CopyDueSeatsAsync(100, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(due.Count - held.Length, copied);
        Assert.Equal(held.Length, await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM sessions.session_copies WHERE session_id = ANY(@ids) AND seat_marks > seat_marks_copied", ("ids", due.Keys.ToArray())));

        await round.RollbackAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(held.Length, await scope.ServiceProvider.GetRequiredService<SessionCopies>().CopyDueSeatsAsync(100, CancellationToken.None));
        }

        await AssertCopiesRightAsync(due);
    }

    /// <summary>
    /// Sessions with zero to three enrollments on two seats, whose marks have all arrived and
    /// none is copied yet; each with the figures (taken, waiting) its copy must end with. Only the
    /// sessions that were enrolled in are due.
    /// </summary>
    private async Task<Dictionary<Guid, (int Taken, int Waiting)>> DueSessionsAsync()
    {
        var staff = await app.StaffApiAsync();
        var managers = await app.CreateManagersAsync(staff, 3);
        var expected = new Dictionary<Guid, (int Taken, int Waiting)>();
        for (var i = 0; i < Sessions; i++)
        {
            var session = await staff.PublishedSessionAsync(capacity: Capacity, daysAhead: 30 + i);
            var enrollments = 1 + (i % 3);
            foreach (var manager in managers.Take(enrollments))
            {
                await staff.EnrollAsync(session.Id, manager).Expect(HttpStatusCode.Created);
            }

            expected[session.Id] = (Math.Min(enrollments, Capacity), Math.Max(enrollments - Capacity, 0));
        }

        var ids = expected.Keys.ToArray();
        var marks = expected.Values.Sum(v => v.Taken + v.Waiting);
        await Eventually.TrueAsync(
            async () => await app.Database.ScalarAsync<long>("SELECT coalesce(sum(seat_marks), 0)::bigint FROM sessions.session_copies WHERE session_id = ANY(@ids)", ("ids", ids)) == marks,
            TimeSpan.FromSeconds(60), "The enrollments' events did not all mark the copies.");
        Assert.Equal(0, await app.Database.ScalarAsync<long>("SELECT count(*) FROM sessions.session_copies WHERE session_id = ANY(@ids) AND seat_marks_copied > 0", ("ids", ids)));
        return expected;
    }

    private async Task AssertCopiesRightAsync(Dictionary<Guid, (int Taken, int Waiting)> expected)
    {
        foreach (var (id, figures) in expected)
        {
            var copy = await app.Database.ScalarAsync<string>(
                "SELECT seats_taken || '/' || waitlist_length || '/' || (seat_marks = seat_marks_copied) FROM sessions.session_copies WHERE session_id = @id", ("id", id));
            Assert.Equal($"{figures.Taken}/{figures.Waiting}/true", copy);
        }
    }
}
