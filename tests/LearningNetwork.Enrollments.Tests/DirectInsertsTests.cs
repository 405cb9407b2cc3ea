using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Enrollments.Domain;
using LearningNetwork.Enrollments.Persistence;
using LearningNetwork.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Enrollments.Tests;

/// <summary>
/// The enroll path's untracked insert: the enrollment and its events' outbox rows go in the
/// unit of work's transaction, or not at all, exactly as SaveChanges would write them.
/// </summary>
public sealed class DirectInsertsTests(LearningNetworkApp app) : IClassFixture<LearningNetworkApp>
{
    [Fact]
    public async Task An_enrollment_inserted_directly_is_stored_with_its_event_in_the_transaction_and_not_when_it_rolls_back()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 3);
        var session = Guid.Parse((await staff.PublishedSessionAsync(capacity: 5)).Id());
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnrollmentsDbContext>();

        // Outside a transaction it is refused: it belongs with the unit of work's other statements.
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DirectInserts.InsertAsync(db, Enrollment.Confirmed(session, managers[0], null, clock.GetUtcNow()), clock, CancellationToken.None));

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            await DirectInserts.InsertAsync(db, Enrollment.Confirmed(session, managers[1], null, clock.GetUtcNow()), clock, CancellationToken.None);
            await rolledBack.RollbackAsync();
        }

        var enrollment = Enrollment.Confirmed(session, managers[2], null, clock.GetUtcNow());
        var eventId = enrollment.PendingEvents.Single().EventId;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await DirectInserts.InsertAsync(db, enrollment, clock, CancellationToken.None);
            Assert.Empty(enrollment.PendingEvents); // moved to the outbox, as SaveChangesAsync does
            Assert.Empty(db.ChangeTracker.Entries()); // nothing tracked, nothing for a later save to repeat
            await transaction.CommitAsync();
        }

        var stored = await db.Enrollments.AsNoTracking().Where(e => e.SessionId == session).ToListAsync();
        var only = Assert.Single(stored);
        Assert.Equal((enrollment.Id, managers[2], EnrollmentStatus.Confirmed), (only.Id, only.ClusterManagerId, only.Status));
        var message = Assert.Single(await db.OutboxMessages.AsNoTracking().Where(m => m.Id == eventId).ToListAsync());
        Assert.Contains(enrollment.Id.ToString(), message.Payload);
        Assert.Equal(0, await app.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM enrollments.outbox_messages WHERE payload->>'sessionId' = '{session}' AND id <> '{eventId}'"));
    }
}
