using Npgsql;

namespace LearningNetwork.Benchmarks;

/// <summary>How much history a database holds: the agency after some years of use, or almost nothing.</summary>
internal sealed record HistorySize(int Clusters, int Managers, int Sessions, int EnrollmentsPerSession, int Emails)
{
    public int Enrollments => Sessions * EnrollmentsPerSession;

    public override string ToString() =>
        $"{Clusters:N0} clusters, {Managers:N0} managers, {Sessions:N0} sessions, {Enrollments:N0} enrollments, {Emails:N0} emails";
}

/// <summary>
/// Writes a history straight into the modules' tables (after the host migrated them), in a few
/// set-based statements: clusters of both types, some of them past their funding; managers; published
/// sessions spread over the years before today and the half year after; a fixed number of confirmed
/// enrollments per session with attendance and feedback for the past ones; and sent emails. The reads
/// then measured see the same shapes the API would have written, only far faster to produce.
/// </summary>
internal static class History
{
    public static async Task WriteAsync(string connectionString, HistorySize size)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        foreach (var sql in Statements(size))
        {
            await using var command = data.CreateCommand(sql);
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync();
        }

        // As a database at rest after years of use: statistics and visibility maps up to date.
        await using var analyze = data.CreateCommand("VACUUM ANALYZE");
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>The id of cluster <paramref name="number"/> (from 1) as the history writes it.</summary>
    public static Guid ClusterId(int number) => Guid.Parse($"00000000-0000-4000-8000-{number:x12}");

    private static IEnumerable<string> Statements(HistorySize size)
    {
        // Sessions run from (span - ahead) days ago to `ahead` days from now, evenly spread.
        var spanDays = Math.Max(30, size.Sessions * 5 / 8);
        var aheadDays = Math.Min(180, spanDays / 4);
        yield return $"""
            INSERT INTO cluster_managers.clusters (id, name, name_key, type, funding_start, funding_end, post_funding_plan, created_at, updated_at)
            SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'Cluster ' || i, 'cluster ' || i,
                   CASE WHEN i % 3 = 0 THEN 'SpearheadCluster' ELSE 'InnovativeBusinessNetwork' END,
                   current_date - 1500, current_date - 400 + (i % 800), 'Undecided', now(), now()
            FROM generate_series(1, {size.Clusters}) AS i
            """;
        yield return $"""
            INSERT INTO cluster_managers.managers (id, cluster_id, full_name, name_key, email, email_key, preferred_language, is_active, announcements, created_at, updated_at)
            SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0'))::uuid,
                   ('00000000-0000-4000-8000-' || lpad(to_hex(1 + i % {size.Clusters}), 12, '0'))::uuid,
                   'Manager ' || i || ' ' || (ARRAY['Peeters','Janssens','Maes','Dubois','Lambert'])[1 + i % 5],
                   'manager ' || i || ' ' || (ARRAY['peeters','janssens','maes','dubois','lambert'])[1 + i % 5],
                   'manager' || i || '@history.example', 'manager' || i || '@history.example',
                   (ARRAY['nl','en','fr'])[1 + i % 3], true, true, now(), now()
            FROM generate_series(1, {size.Managers}) AS i
            """;
        if (size.Sessions == 0)
        {
            yield break;
        }

        yield return $"""
            INSERT INTO sessions.sessions (id, title, kind, status, time_zone, start_local, end_local, starts_at, ends_at, location, capacity,
                reminder_minutes_before, follow_up_minutes_after, sequence, created_at, updated_at, published_at)
            SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid, 'Session ' || i,
                   CASE WHEN i % 4 = 0 THEN 'LearningNetworkMeeting' ELSE 'Training' END, 'Published', 'Europe/Brussels',
                   t.start_local, t.start_local + interval '3 hours',
                   t.start_local AT TIME ZONE 'Europe/Brussels', (t.start_local + interval '3 hours') AT TIME ZONE 'Europe/Brussels',
                   'Koning Albert II-laan 35, Brussel', {size.EnrollmentsPerSession + 20}, ARRAY[1440], ARRAY[60], 0, now(), now(), now()
            FROM generate_series(1, {size.Sessions}) AS i,
                 LATERAL (SELECT (current_date - {spanDays - aheadDays} + (i::bigint * {spanDays} / {size.Sessions})::int)::timestamp + interval '10 hours' AS start_local) AS t
            """;
        yield return $"""
            INSERT INTO enrollments.session_seats (session_id, capacity, seats_taken, waitlist_length, waitlist_counter)
            SELECT id, capacity, {size.EnrollmentsPerSession}, 0, 0 FROM sessions.sessions WHERE title LIKE 'Session %'
            """;
        // Enrollment j of session i goes to manager (i * per + j) mod managers: distinct within a session.
        yield return $"""
            INSERT INTO enrollments.enrollments (id, session_id, cluster_manager_id, status, attendance, enrolled_at, confirmed_at)
            SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(s.n * {size.EnrollmentsPerSession} + j), 12, '0'))::uuid, s.id,
                   ('00000000-0000-4000-9000-' || lpad(to_hex(1 + (s.n * {size.EnrollmentsPerSession} + j) % {size.Managers}), 12, '0'))::uuid,
                   'Confirmed',
                   CASE WHEN s.ends_at > now() THEN 'Unknown' WHEN j % 10 < 7 THEN 'Attended' WHEN j % 10 < 9 THEN 'Absent' ELSE 'Unknown' END,
                   s.starts_at - interval '20 days', s.starts_at - interval '20 days'
            FROM (SELECT id, starts_at, ends_at, row_number() OVER (ORDER BY id) AS n FROM sessions.sessions WHERE title LIKE 'Session %') AS s,
                 generate_series(0, {size.EnrollmentsPerSession - 1}) AS j
            """;
        yield return """
            INSERT INTO enrollments.feedback (enrollment_id, session_id, rating, submitted_at)
            SELECT id, session_id, 1 + abs(hashtext(id::text)) % 5, confirmed_at + interval '21 days'
            FROM enrollments.enrollments WHERE attendance = 'Attended' AND abs(hashtext(id::text)) % 3 = 0
            """;
        // Each enrollment's confirmation, reminder and follow-up, then more kinds round after round until the count is reached.
        yield return $"""
            WITH e AS (SELECT session_id, cluster_manager_id, enrolled_at, row_number() OVER (ORDER BY id) - 1 AS n FROM enrollments.enrollments)
            INSERT INTO notifications.emails (id, kind, source_key, recipient, recipient_name, language, session_id, cluster_manager_id, values,
                protected_values, subject, due_at, status, attempts, next_attempt_at, sent_at, created_at)
            SELECT gen_random_uuid(), k.kind, 'history:' || i, m.email, m.full_name, m.preferred_language, e.session_id, e.cluster_manager_id,
                   jsonb_build_object('title', 'Session'), jsonb_build_object(), k.kind || ': Session',
                   e.enrolled_at + k.after, CASE WHEN e.enrolled_at + k.after < now() THEN 'Sent' ELSE 'Pending' END, 1,
                   e.enrolled_at + k.after, CASE WHEN e.enrolled_at + k.after < now() THEN e.enrolled_at + k.after END, e.enrolled_at + k.after
            FROM generate_series(0, {size.Emails - 1}) AS i
            JOIN e ON e.n = i % {size.Enrollments}
            JOIN cluster_managers.managers AS m ON m.id = e.cluster_manager_id
            CROSS JOIN LATERAL (SELECT (ARRAY['EnrollmentConfirmed','Reminder','FollowUp','SessionAnnounced'])[1 + (i / {size.Enrollments}) % 4] AS kind,
                                       (ARRAY[interval '0', interval '19 days', interval '21 days', interval '-2 days'])[1 + (i / {size.Enrollments}) % 4] AS after) AS k
            """;
    }
}
