using LearningNetwork.Testing;

namespace LearningNetwork.Notifications.Tests;

/// <summary>
/// Due emails written straight into the send log, as a reminder round leaves them, for the tests
/// about the sender alone: each to its own recipient ("{tag}-{i}@test.example"), all under one
/// session id so the test can find its rows.
/// </summary>
internal static class DueEmails
{
    public static async Task<Guid> InsertAsync(TestDatabase database, string tag, int count)
    {
        var session = Guid.NewGuid();
        await database.ExecuteAsync($"""
            INSERT INTO notifications.emails (id, kind, source_key, recipient, recipient_name, language, session_id, values, protected_values,
                due_at, status, attempts, next_attempt_at, created_at)
            SELECT gen_random_uuid(), 'Reminder', '{tag}:' || i, '{tag}-' || i || '@test.example', 'Manager ' || i, 'en', '{session}',
                jsonb_build_object('title', 'Session ' || i, 'when', 'Tuesday 1 January 2030, 10:00-12:00', 'place', 'Gent'),
                jsonb_build_object(), now(), 'Pending', 0, now(), now()
            FROM generate_series(1, {count}) AS i
            """);
        return session;
    }

    public static Task<long> CountAsync(TestDatabase database, Guid session, string status) =>
        database.ScalarAsync<long>("SELECT count(*) FROM notifications.emails WHERE session_id = @s AND status = @status", ("s", session), ("status", status));
}
