using System.Collections.Concurrent;
using LearningNetwork.Testing;
using Npgsql;
using NpgsqlTypes;

namespace LearningNetwork.Benchmarks;

/// <summary>
/// The baselines: bare ASP.NET Core endpoints running the same SQL statements as the system's
/// enroll path and session list with plain Npgsql (no MediatR, EF Core, validation,
/// authentication or module calls). The ratio system/bare is the cost of everything the system
/// adds on top of the database work.
/// </summary>
internal static class BareEndpoints
{
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(string connectionString)
    {
        var port = HostProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // The same pool settings as the host's module data source (no DISCARD ALL on reuse), so
        // the two differ only in what runs on top of the statements.
        var dataSource = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { NoResetOnClose = true } }.Build();
        var app = builder.Build();
        app.MapPost("/bare/sessions/{sessionId:guid}/enrollments", async (Guid sessionId, HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<EnrollBody>();
            return await EnrollAsync(dataSource, sessionId, body!.ClusterManagerId, queue: null);
        });
        // The same, with the system's per-session queue in front of the seat row (two at a time,
        // as SeatTurnstile): shows how much of the system's enrollment figure is that design
        // choice rather than a lighter stack.
        var queues = new ConcurrentDictionary<Guid, SemaphoreSlim>();
        app.MapPost("/bare/sessions/{sessionId:guid}/enrollments-queued", async (Guid sessionId, HttpRequest request) =>
        {
            var body = await request.ReadFromJsonAsync<EnrollBody>();
            return await EnrollAsync(dataSource, sessionId, body!.ClusterManagerId, queues.GetOrAdd(sessionId, _ => new SemaphoreSlim(2, 2)));
        });
        app.MapGet("/bare/sessions", async (DateTimeOffset from, HttpResponse response) =>
        {
            try
            {
                await ListSessionsAsync(dataSource, from, response);
            }
            catch (Exception ex) when (!response.HasStarted)
            {
                response.StatusCode = 500;
                await response.WriteAsync(ex.ToString());
            }
        });
        app.MapGet("/bare/sessions-one-statement", async (DateTimeOffset from, HttpResponse response) =>
        {
            try
            {
                await ListSessionsInOneStatementAsync(dataSource, from, response);
            }
            catch (Exception ex) when (!response.HasStarted)
            {
                response.StatusCode = 500;
                await response.WriteAsync(ex.ToString());
            }
        });
        await app.StartAsync();
        return (app, $"http://127.0.0.1:{port}");
    }

    private sealed record EnrollBody(Guid ClusterManagerId);

    private static async Task<IResult> EnrollAsync(NpgsqlDataSource dataSource, Guid sessionId, Guid managerId, SemaphoreSlim? queue)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        int capacity;
        await using (var session = new NpgsqlCommand("SELECT capacity, status, starts_at FROM sessions.sessions WHERE id = $1", connection) { Parameters = { new() { Value = sessionId } } })
        await using (var reader = await session.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync() || reader.GetString(1) != "Published" || reader.GetFieldValue<DateTimeOffset>(2) <= DateTimeOffset.UtcNow)
            {
                return Results.Conflict();
            }

            capacity = reader.GetInt32(0);
        }

        await using (var manager = new NpgsqlCommand(
            "SELECT m.is_active, c.name FROM cluster_managers.managers m JOIN cluster_managers.clusters c ON c.id = m.cluster_id WHERE m.id = $1", connection)
            { Parameters = { new() { Value = managerId } } })
        {
            if (await manager.ExecuteScalarAsync() is not true)
            {
                return Results.BadRequest();
            }
        }

        await using var transaction = await connection.BeginTransactionAsync();
        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM enrollments.enrollments WHERE session_id = $1 AND cluster_manager_id = $2 AND status <> 'Cancelled')", connection)
            { Parameters = { new() { Value = sessionId }, new() { Value = managerId } } })
        {
            if (await exists.ExecuteScalarAsync() is true)
            {
                return Results.Conflict();
            }
        }

        if (queue is not null)
        {
            await queue.WaitAsync();
        }

        try
        {
            return await TakeSeatAndCommitAsync(connection, transaction, sessionId, managerId, capacity);
        }
        finally
        {
            queue?.Release();
        }
    }

    private static async Task<IResult> TakeSeatAndCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid sessionId, Guid managerId, int capacity)
    {
        // The system's one seat statement (SeatLedger.TakeSeatOrQueueAsync), word for word.
        var firstSeat = capacity > 0 ? 1 : 0;
        int waitlistLength;
        long waitlistCounter;
        await using (var seat = new NpgsqlCommand("""
            INSERT INTO enrollments.session_seats AS s (session_id, capacity, seats_taken, waitlist_length, waitlist_counter)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (session_id) DO UPDATE SET
                seats_taken = s.seats_taken + (CASE WHEN s.seats_taken < s.capacity AND s.waitlist_length = 0 THEN 1 ELSE 0 END),
                waitlist_length = s.waitlist_length + (CASE WHEN s.seats_taken < s.capacity AND s.waitlist_length = 0 THEN 0 ELSE 1 END),
                waitlist_counter = s.waitlist_counter + (CASE WHEN s.seats_taken < s.capacity AND s.waitlist_length = 0 THEN 0 ELSE 1 END)
            RETURNING s.waitlist_length, s.waitlist_counter
            """, connection)
            { Parameters = { new() { Value = sessionId }, new() { Value = capacity }, new() { Value = firstSeat }, new() { Value = 1 - firstSeat }, new() { Value = 1 - firstSeat } } })
        await using (var reader = await seat.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (waitlistLength, waitlistCounter) = (reader.GetInt32(0), reader.GetInt64(1));
        }

        var id = Guid.CreateVersion7();
        var status = waitlistLength == 0 ? "Confirmed" : "Waitlisted";
        long? number = waitlistLength == 0 ? null : waitlistCounter;
        var now = DateTimeOffset.UtcNow;
        // The enrollment and its outbox row in one round trip, as EF's SaveChanges batches them.
        await using (var batch = new NpgsqlBatch(connection))
        {
            var insert = new NpgsqlBatchCommand(
                "INSERT INTO enrollments.enrollments (id, session_id, cluster_manager_id, series_id, status, waitlist_number, attendance, enrolled_at, confirmed_at) VALUES ($1, $2, $3, NULL, $4, $5, 'Unknown', $6, $7)");
            insert.Parameters.Add(new() { Value = id });
            insert.Parameters.Add(new() { Value = sessionId });
            insert.Parameters.Add(new() { Value = managerId });
            insert.Parameters.Add(new() { Value = status });
            insert.Parameters.Add(new() { Value = (object?)number ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            insert.Parameters.Add(new() { Value = now });
            insert.Parameters.Add(new() { Value = status == "Confirmed" ? now : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(insert);
            var outbox = new NpgsqlBatchCommand("INSERT INTO enrollments.outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts, processed_at) VALUES ($1, 'bare', '{}'::jsonb, now(), now(), 0, now())");
            outbox.Parameters.Add(new() { Value = Guid.CreateVersion7() });
            batch.BatchCommands.Add(outbox);
            await batch.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return Results.Json(new { id, sessionId, clusterManagerId = managerId, status }, statusCode: 201);
    }

    /// <summary>
    /// The statements of GET /api/sessions for staff: count and page of sessions from a date,
    /// seat counts and materials of the page; every column written out as JSON.
    /// </summary>
    private static async Task ListSessionsAsync(NpgsqlDataSource dataSource, DateTimeOffset from, HttpResponse response)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM sessions.sessions WHERE starts_at >= $1", connection) { Parameters = { new() { Value = from } } };
        var total = (long)(await count.ExecuteScalarAsync())!;
        var sessions = new List<Dictionary<string, object?>>();
        await using (var page = new NpgsqlCommand("SELECT * FROM sessions.sessions WHERE starts_at >= $1 ORDER BY starts_at, id LIMIT 50", connection) { Parameters = { new() { Value = from } } })
        await using (var reader = await page.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, object?>();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                sessions.Add(row);
            }
        }

        var ids = sessions.Select(s => (Guid)s["id"]!).ToArray();
        await using (var seats = new NpgsqlCommand("SELECT session_id, seats_taken, waitlist_length FROM enrollments.session_seats WHERE session_id = ANY($1)", connection) { Parameters = { new() { Value = ids } } })
        await using (var reader = await seats.ExecuteReaderAsync())
        {
            var bySession = sessions.ToDictionary(s => (Guid)s["id"]!);
            while (await reader.ReadAsync())
            {
                bySession[reader.GetGuid(0)]["seats_taken"] = reader.GetInt32(1);
                bySession[reader.GetGuid(0)]["waitlist_length"] = reader.GetInt32(2);
            }
        }

        await using (var materials = new NpgsqlCommand(
            "SELECT m.session_id, g.id, g.title, g.language FROM guideline_documents.session_materials m JOIN guideline_documents.guidelines g ON g.id = m.guideline_id WHERE m.session_id = ANY($1) AND g.status = 'Published' ORDER BY m.position",
            connection) { Parameters = { new() { Value = ids } } })
        await using (var reader = await materials.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
            }
        }

        await response.WriteAsJsonAsync(new { items = sessions, total });
    }

    /// <summary>
    /// The same page of GET /api/sessions as staff get it, field for field, from the same tables
    /// in one statement (the page first, then its seats and materials joined across schemas; the
    /// total as a subquery PostgreSQL counts once), written with Utf8JsonWriter: the fastest this
    /// answer can reasonably be given.
    /// </summary>
    private static async Task ListSessionsInOneStatementAsync(NpgsqlDataSource dataSource, DateTimeOffset from, HttpResponse response)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT s.id, s.series_id, s.title, s.description, s.kind, s.status, s.start_local, s.end_local, s.time_zone, s.starts_at, s.ends_at,
                   s.location, s.online_url, s.capacity, coalesce(seats.seats_taken, 0), coalesce(seats.waitlist_length, 0),
                   s.enrollment_deadline_local, s.enrollment_deadline_at, s.reminder_minutes_before, s.follow_up_minutes_after, s.sequence,
                   s.cancellation_reason, s.learning_network_id, s.translations::text,
                   coalesce((SELECT json_agg(json_build_object('guidelineId', g.id, 'title', g.title, 'language', g.language) ORDER BY m.position)
                             FROM guideline_documents.session_materials m JOIN guideline_documents.guidelines g ON g.id = m.guideline_id
                             WHERE m.session_id = s.id AND g.status = 'Published'), '[]')::text,
                   (SELECT count(*) FROM sessions.sessions WHERE starts_at >= $1)
            FROM (SELECT * FROM sessions.sessions WHERE starts_at >= $1 ORDER BY starts_at, id LIMIT 50) s
            LEFT JOIN enrollments.session_seats seats ON seats.session_id = s.id
            ORDER BY s.starts_at, s.id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        response.ContentType = "application/json; charset=utf-8";
        await using var json = new System.Text.Json.Utf8JsonWriter(response.BodyWriter);
        long total = 0;
        json.WriteStartObject();
        json.WriteStartArray("items");
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                WriteSession(json, reader);
                total = reader.GetInt64(25);
            }
        }

        json.WriteEndArray();
        json.WriteNumber("total", total);
        json.WriteEndObject();
        await json.FlushAsync();
    }

    private static void WriteSession(System.Text.Json.Utf8JsonWriter json, NpgsqlDataReader row)
    {
        const string local = "yyyy-MM-ddTHH:mm";
        string? Text(int i) => row.IsDBNull(i) ? null : row.GetString(i);
        json.WriteStartObject();
        json.WriteString("id", row.GetGuid(0));
        if (row.IsDBNull(1)) { json.WriteNull("seriesId"); } else { json.WriteString("seriesId", row.GetGuid(1)); }
        json.WriteString("title", row.GetString(2));
        json.WriteString("description", Text(3));
        json.WriteString("kind", row.GetString(4));
        json.WriteString("status", row.GetString(5));
        json.WriteString("start", row.GetDateTime(6).ToString(local, System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("end", row.GetDateTime(7).ToString(local, System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("timeZone", row.GetString(8));
        json.WriteString("startsAt", row.GetFieldValue<DateTimeOffset>(9).UtcDateTime);
        json.WriteString("endsAt", row.GetFieldValue<DateTimeOffset>(10).UtcDateTime);
        json.WriteString("location", Text(11));
        json.WriteString("onlineUrl", Text(12));
        var (capacity, taken) = (row.GetInt32(13), row.GetInt32(14));
        json.WriteNumber("capacity", capacity);
        json.WriteNumber("seatsTaken", taken);
        json.WriteNumber("seatsLeft", Math.Max(0, capacity - taken));
        json.WriteNumber("waitlistLength", row.GetInt32(15));
        json.WriteString("enrollmentDeadline", row.IsDBNull(16) ? null : row.GetDateTime(16).ToString(local, System.Globalization.CultureInfo.InvariantCulture));
        if (row.IsDBNull(17)) { json.WriteNull("enrollmentDeadlineAt"); } else { json.WriteString("enrollmentDeadlineAt", row.GetFieldValue<DateTimeOffset>(17).UtcDateTime); }
        json.WriteStartArray("reminders");
        foreach (var minutes in row.GetFieldValue<int[]>(18))
        {
            json.WriteStartObject();
            json.WriteNumber("minutesBefore", minutes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("followUps");
        foreach (var minutes in row.GetFieldValue<int[]>(19))
        {
            json.WriteStartObject();
            json.WriteNumber("minutesAfter", minutes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("sequence", row.GetInt32(20));
        json.WriteString("cancellationReason", Text(21));
        json.WritePropertyName("materials");
        json.WriteRawValue(row.GetString(24), skipInputValidation: true);
        if (row.IsDBNull(22)) { json.WriteNull("learningNetworkId"); } else { json.WriteString("learningNetworkId", row.GetGuid(22)); }
        json.WritePropertyName("translations");
        json.WriteRawValue(row.GetString(23), skipInputValidation: true);
        json.WriteEndObject();
    }
}
