using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Hangfire;
using LearningNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmtpServer.Protocol;

namespace LearningNetwork.Notifications.Tests;

/// <summary>A host whose database figures are read afresh on every scrape, so a test sees each change at once.</summary>
public sealed class FreshFiguresApp : LearningNetworkApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Metrics:DatabaseFiguresSeconds"] = "0" };
}

/// <summary>
/// The figures at /metrics read back by value after real emails went to the real SMTP server, and
/// the trace of one enrollment followed to the email it caused.
/// </summary>
public sealed class TelemetryTests(FreshFiguresApp app) : IClassFixture<FreshFiguresApp>
{
    private static readonly string[] ModuleSchemas =
        ["accounts", "cluster_managers", "sessions", "enrollments", "guideline_documents", "notifications", "learning_networks", "funding_calls"];

    [Fact]
    public async Task Each_email_sent_is_counted_once_under_its_kind_and_each_enrollment_under_its_status()
    {
        using var staff = await app.StaffClientAsync();
        var managers = await app.CreateManagersAsync(staff, 3);
        var session = await staff.PublishedSessionAsync(capacity: 2);
        // The invitations of the new managers go out first: what follows counts only the enrollments' emails.
        await Eventually.TrueAsync(async () => (await app.MetricsAsync()).Value("learningnetwork_emails_pending") == 0, TimeSpan.FromSeconds(20));
        var before = await app.MetricsAsync();

        foreach (var manager in managers)
        {
            await (await staff.PostAsJsonAsync($"/api/sessions/{session}/enrollments", new { clusterManagerId = manager })).ShouldBe(HttpStatusCode.Created);
        }

        var after = await Eventually.ValueAsync(app.MetricsAsync,
            m => Sent(m, "EnrollmentConfirmed") == Sent(before, "EnrollmentConfirmed") + 2 && Sent(m, "Waitlisted") == Sent(before, "Waitlisted") + 1,
            TimeSpan.FromSeconds(20));
        Assert.Equal(Enrollments(before, "Confirmed") + 2, Enrollments(after, "Confirmed"));
        Assert.Equal(Enrollments(before, "Waitlisted") + 1, Enrollments(after, "Waitlisted"));
        Assert.Equal(3, app.Smtp.Messages.Count(m => Session(m) == session));

        // Exactly: nothing is counted twice once the marks are all committed.
        await Task.Delay(1500);
        var settled = await app.MetricsAsync();
        Assert.Equal(Sent(before, "EnrollmentConfirmed") + 2, Sent(settled, "EnrollmentConfirmed"));
        Assert.Equal(Sent(before, "Waitlisted") + 1, Sent(settled, "Waitlisted"));
        Assert.Equal(Sent(before, "Invitation"), Sent(settled, "Invitation"));
        Assert.Equal(0, settled.Value("learningnetwork_emails_pending"));
        Assert.Equal(0, settled.Value("learningnetwork_email_oldest_pending_seconds"));
    }

    [Fact]
    public async Task An_email_the_relay_defers_shows_as_pending_with_its_age_until_it_goes_and_one_it_refuses_counts_as_failed()
    {
        using var staff = await app.StaffClientAsync();
        await Eventually.TrueAsync(async () => (await app.MetricsAsync()).Value("learningnetwork_emails_pending") == 0, TimeSpan.FromSeconds(20));
        var sentBefore = Sent(await app.MetricsAsync(), "Invitation");

        app.Smtp.Refusal = new SmtpResponse(SmtpReplyCode.MailboxUnavailable - 100, "4.3.2 Try again later"); // 450
        try
        {
            await app.CreateManagersAsync(staff, 1);
            var waiting = await Eventually.ValueAsync(app.MetricsAsync,
                m => m.Value("learningnetwork_emails_pending", ("kind", "Invitation")) == 1 && m.Value("learningnetwork_email_oldest_pending_seconds") >= 1.5,
                TimeSpan.FromSeconds(20));
            Assert.Equal(1, waiting.Value("learningnetwork_emails_pending"));
            Assert.Equal(sentBefore, Sent(waiting, "Invitation"));
        }
        finally
        {
            app.Smtp.Refusal = null;
        }

        var delivered = await Eventually.ValueAsync(app.MetricsAsync, m => m.Value("learningnetwork_emails_pending") == 0, TimeSpan.FromSeconds(20));
        Assert.Equal(0, delivered.Value("learningnetwork_email_oldest_pending_seconds"));
        await Eventually.TrueAsync(async () => Sent(await app.MetricsAsync(), "Invitation") == sentBefore + 1);

        var failedBefore = (await app.MetricsAsync()).Value("learningnetwork_emails_failed_total", ("kind", "Invitation")) ?? 0;
        app.Smtp.Refusal = SmtpResponse.MailboxUnavailable; // 550: failed at once
        try
        {
            await app.CreateManagersAsync(staff, 1);
            await Eventually.TrueAsync(async () => (await app.MetricsAsync()).Value("learningnetwork_emails_failed_total", ("kind", "Invitation")) == failedBefore + 1, TimeSpan.FromSeconds(20));
        }
        finally
        {
            app.Smtp.Refusal = null;
        }

        var afterFailure = await app.MetricsAsync();
        Assert.Equal(0, afterFailure.Value("learningnetwork_emails_pending"));
        Assert.Equal(sentBefore + 1, Sent(afterFailure, "Invitation"));
    }

    [Fact]
    public async Task The_outbox_backlog_of_each_module_is_read_from_the_database_with_the_age_of_its_oldest_message()
    {
        var idle = await Eventually.ValueAsync(app.MetricsAsync, m => ModuleSchemas.All(s => m.Value("learningnetwork_outbox_pending", ("module", s)) == 0));
        Assert.All(ModuleSchemas, s => Assert.Equal(0, idle.Value("learningnetwork_outbox_parked", ("module", s))));
        Assert.True(idle.Value("learningnetwork_hangfire_servers") >= 1, "this host runs Hangfire workers");
        Assert.NotNull(idle.Value("learningnetwork_hangfire_jobs", ("state", "failed")));

        // A message written an hour ago and not due before tomorrow: a backlog of one, an hour late.
        var id = Guid.NewGuid();
        await app.Database.ScalarAsync<Guid>("""
            INSERT INTO sessions.outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts)
            VALUES (@id, 'Nothing, Nowhere', '{}', now() - interval '1 hour', now() + interval '1 day', 0)
            RETURNING id
            """, ("id", id));
        try
        {
            var late = await app.MetricsAsync();
            Assert.Equal(1, late.Value("learningnetwork_outbox_pending", ("module", "sessions")));
            Assert.InRange(late.Value("learningnetwork_outbox_oldest_pending_seconds", ("module", "sessions"))!.Value, 3590, 3700);
            Assert.Equal(0, late.Value("learningnetwork_outbox_oldest_pending_seconds", ("module", "enrollments")));
        }
        finally
        {
            await app.Database.ScalarAsync<Guid>("DELETE FROM sessions.outbox_messages WHERE id = @id RETURNING id", ("id", id));
        }
    }

    [Fact]
    public async Task One_enrollments_trace_reaches_the_sending_of_its_confirmation_email()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "LearningNetwork",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var staff = await app.StaffClientAsync();
        var managerId = (await app.CreateManagersAsync(staff, 1))[0];
        var address = await app.Database.ScalarAsync<string>("SELECT email FROM cluster_managers.managers WHERE id = @id", ("id", managerId));
        var session = await staff.PublishedSessionAsync(capacity: 5);

        // The caller's trace, as a browser's or a gateway's would arrive.
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{session}/enrollments") { Content = JsonContent.Create(new { clusterManagerId = managerId }) };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        await (await staff.SendAsync(request)).ShouldBe(HttpStatusCode.Created);

        var confirmation = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == address) && Kind(m) == "EnrollmentConfirmed");
        var emailId = Guid.Parse(confirmation.MessageId!.Split('@')[0]);
        var send = await Eventually.ValueAsync(
            () => Task.FromResult(spans.FirstOrDefault(s => s.OperationName == "email send EnrollmentConfirmed" && Equals(s.GetTagItem("learningnetwork.email.id"), emailId))),
            s => s is not null);

        Assert.Equal(trace, send!.TraceId);
        var inTrace = spans.Where(s => s.TraceId == trace).ToList();
        var publish = Assert.Single(inTrace, s => s.OperationName == "outbox publish EnrollmentConfirmed");
        var enroll = Assert.Single(inTrace, s => s.OperationName == "Enroll");
        Assert.Equal(publish.SpanId, send.ParentSpanId);
        Assert.Equal(enroll.SpanId, publish.ParentSpanId);
        Assert.Contains(send!.Links, link => link.Context.SpanId == publish.SpanId);
    }

    [Fact]
    public async Task A_background_job_runs_in_a_span_of_its_own_and_its_work_is_part_of_it()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "LearningNetwork",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var probe = Guid.NewGuid();

        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => JobTraceProbe.Record(probe));

        var current = await Eventually.ValueAsync(() => Task.FromResult(JobTraceProbe.Seen.GetValueOrDefault(probe)), seen => seen is not null, TimeSpan.FromSeconds(20));
        var job = await Eventually.ValueAsync(
            () => Task.FromResult(spans.FirstOrDefault(s => s.OperationName == "job JobTraceProbe.Record" && s.Id == current)), s => s is not null);
        Assert.Equal(ActivityStatusCode.Unset, job!.Status);
    }

    private static double Sent(PrometheusText metrics, string kind) => metrics.Value("learningnetwork_emails_sent_total", ("kind", kind)) ?? 0;

    private static double Enrollments(PrometheusText metrics, string status) => metrics.Value("learningnetwork_enrollments_total", ("status", status)) ?? 0;

    private static string? Kind(MimeMessage message) => message.Headers["X-LearningNetwork-Kind"];

    private static string? Session(MimeMessage message) => message.Headers["X-LearningNetwork-Session"];
}

/// <summary>A background job that notes which span was current while it ran.</summary>
public static class JobTraceProbe
{
    public static readonly ConcurrentDictionary<Guid, string> Seen = new();

    public static void Record(Guid probe) => Seen[probe] = Activity.Current?.Id ?? "none";
}
