using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Testing;

namespace LearningNetwork.Proof.Tests;

/// <summary>The host on a PostgreSQL of its own, which the test stops and starts again under traffic.</summary>
public sealed class RestartablePostgresApp : LearningNetworkApp
{
    private PrivatePostgres? _postgres;

    public PrivatePostgres Postgres => _postgres ?? throw new InvalidOperationException("Not started.");

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        _postgres = await PrivatePostgres.StartAsync();
        return await TestDatabase.CreateAsync(_postgres.ConnectionString());
    }

    protected override ValueTask DisposeDatabaseServerAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}

public sealed class PostgresRestartTests(RestartablePostgresApp app) : IClassFixture<RestartablePostgresApp>
{
    [Fact]
    public async Task The_host_recovers_by_itself_when_PostgreSQL_restarts_under_enrollment_traffic()
    {
        const int capacity = 10;
        var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 80);
        var session = await staff.PublishedSessionAsync(capacity);
        using var probe = app.CreateClient();
        await (await probe.GetAsync("/health/ready")).ShouldBe(HttpStatusCode.OK);

        // Staff enroll one manager after another while the database goes away and comes back.
        var answers = new ConcurrentQueue<(Guid Manager, HttpStatusCode Status, string Body)>();
        using var stop = new CancellationTokenSource();
        var traffic = Task.Run(async () =>
        {
            foreach (var manager in managers)
            {
                if (stop.IsCancellationRequested)
                {
                    break;
                }

                var response = await staff.PostAsJsonAsync($"/api/sessions/{session.Id()}/enrollments", new { clusterManagerId = manager });
                answers.Enqueue((manager, response.StatusCode, await response.Content.ReadAsStringAsync()));
                await Task.Delay(50);
            }
        });

        await Eventually.TrueAsync(() => Task.FromResult(answers.Count >= 5));
        await app.Postgres.StopServerAsync();
        await Eventually.TrueAsync(async () => (await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable);
        var answeredBeforeRestart = answers.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await app.Postgres.StartServerAsync();
        await Eventually.TrueAsync(async () => (await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(() => Task.FromResult(answers.Skip(answeredBeforeRestart).Any(a => a.Status == HttpStatusCode.Created)), TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await traffic;

        // Refusals during the outage are 503s with a problem document; never a 500.
        var unexpected = answers.Where(a => a.Status is not (HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Select(a => $"{(int)a.Status}: {a.Body}")));
        Assert.Contains(answers, a => a.Status == HttpStatusCode.ServiceUnavailable);

        // Nothing acknowledged is lost, nothing is over-booked, the waitlist is in order.
        foreach (var created in answers.Where(a => a.Status == HttpStatusCode.Created))
        {
            Assert.Equal(1L, await app.Database.ScalarAsync<long>(
                "SELECT count(*) FROM enrollments.enrollments WHERE session_id = @s AND cluster_manager_id = @m AND status <> 'Cancelled'",
                ("s", Guid.Parse(session.Id())), ("m", created.Manager)));
        }

        var confirmed = await app.Database.ScalarAsync<long>("SELECT count(*) FROM enrollments.enrollments WHERE session_id = @s AND status = 'Confirmed'", ("s", Guid.Parse(session.Id())));
        Assert.Equal(Math.Min(capacity, answers.Count(a => a.Status == HttpStatusCode.Created)), confirmed);
        var after = await staff.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/sessions/{session.Id()}");
        Assert.Equal(confirmed, after.GetProperty("seatsTaken").GetInt32());
    }
}
