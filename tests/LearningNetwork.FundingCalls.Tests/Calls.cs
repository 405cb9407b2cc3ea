using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Hangfire;
using LearningNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.FundingCalls.Tests;

/// <summary>The funding-call API as tests call it, and the directory they need: typed requests and answers.</summary>
internal sealed class Calls(LearningNetworkApp app, HttpClient staff)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    public sealed record Reminder(int DaysBefore);

    public sealed record NewCall(
        string Title, string Instrument, IReadOnlyList<string> EligibleClusterTypes, string OpensOn, string Deadline, string TimeZone,
        string? Url = null, IReadOnlyList<Guid>? GuidelineIds = null, IReadOnlyList<Reminder>? Reminders = null, string? Description = null);

    public sealed record GuidelineLink(Guid Id, string Title);

    public sealed record Call(
        Guid Id, string Title, string Instrument, IReadOnlyList<string> EligibleClusterTypes, string OpensOn, string Deadline, string TimeZone,
        DateTime DeadlineAt, string? Url, IReadOnlyList<GuidelineLink> Guidelines, IReadOnlyList<Reminder> Reminders, string Status);

    public sealed record NewCluster(string Name, string Type, string? FundingStart = null, string? FundingEnd = null);

    public sealed record NewManager(Guid ClusterId, string FullName, string Email, string PreferredLanguage);

    public sealed record Created(Guid Id);

    public static string Local(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static NewCall For(string type, DateTime deadlineLocal, params int[] reminderDays) => new(
        $"Clusterprojecten {Guid.NewGuid():N}"[..24], "Cluster project", [type], DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Local(deadlineLocal), "Europe/Brussels", "https://funding.example/apply",
        Reminders: reminderDays.Length == 0 ? null : reminderDays.Select(d => new Reminder(d)).ToList());

    public async Task<Call> CreateAsync(NewCall call) =>
        await (await staff.PostAsJsonAsync("/api/funding-calls", call)).Typed<Call>(HttpStatusCode.Created);

    public async Task<Call> PublishedAsync(NewCall call)
    {
        var created = await CreateAsync(call);
        return await (await staff.PostAsync($"/api/funding-calls/{created.Id}/publish", null)).Typed<Call>(HttpStatusCode.OK);
    }

    public async Task<Guid> ClusterAsync(string type, string? fundingStart = null, string? fundingEnd = null) =>
        (await (await staff.PostAsJsonAsync("/api/clusters", new NewCluster($"{type} {_tag} {Guid.NewGuid():N}"[..40], type, fundingStart, fundingEnd)))
            .Typed<Created>(HttpStatusCode.Created)).Id;

    public async Task<(Guid Id, string Email)> ManagerAsync(Guid clusterId, string language = "nl")
    {
        var email = $"{Guid.NewGuid():N}@{_tag}.example";
        var id = (await (await staff.PostAsJsonAsync("/api/cluster-managers", new NewManager(clusterId, $"Manager {language} {_tag}", email, language)))
            .Typed<Created>(HttpStatusCode.Created)).Id;
        return (id, email);
    }

    /// <summary>The call's scheduled reminder jobs in Hangfire, as (job id, the deadline it was planned for).</summary>
    public async Task<IReadOnlyList<string>> ScheduledJobsAsync(Guid callId)
    {
        var ids = await app.Database.ScalarAsync<string>(
            "SELECT coalesce(string_agg(id::text, ',' ORDER BY id), '') FROM hangfire.job WHERE statename = 'Scheduled' AND invocationdata::text LIKE '%DeadlineReminderJobs%' AND (invocationdata::text LIKE @call OR arguments::text LIKE @call)",
            ("call", $"%{callId}%"));
        return ids.Length == 0 ? [] : ids.Split(',');
    }

    /// <summary>Runs a scheduled job now, as if its (far) due time had come.</summary>
    public async Task RunNowAsync(string jobId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>().Requeue(jobId);
        await Eventually.TrueAsync(async () => await app.Database.ScalarAsync<string>("SELECT statename FROM hangfire.job WHERE id = @id", ("id", long.Parse(jobId, CultureInfo.InvariantCulture))) == "Succeeded",
            TimeSpan.FromSeconds(30), $"job {jobId} did not run");
    }

    public async Task<long> DeadlineEmailsAsync(Guid callId, string? recipient = null) =>
        await app.Database.ScalarAsync<long>(
            "SELECT count(*) FROM notifications.emails WHERE kind = 'FundingDeadline' AND values->>'callId' = @call AND (@to = '' OR recipient = @to)",
            ("call", callId.ToString()), ("to", recipient ?? ""));
}
