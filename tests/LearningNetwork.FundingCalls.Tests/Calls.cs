using System.Globalization;
using System.Net;
using Hangfire;
using LearningNetwork.ApiClient;
using LearningNetwork.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.FundingCalls.Tests;

/// <summary>The funding calls and the directory the tests need, through the typed client, and the background jobs they plan.</summary>
internal sealed class Calls(LearningNetworkApp app, LearningNetworkApi staff)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    public static string Local(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A call for one cluster type, open from today, with reminders the given days before the deadline (none: the defaults).</summary>
    public static FundingCallRequest For(string type, DateTime deadlineLocal, params int[] reminderDays) => new(
        $"Clusterprojecten {Guid.NewGuid():N}"[..24], "Cluster project", null, [type], DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Local(deadlineLocal), "Europe/Brussels", "https://funding.example/apply", [],
        reminderDays.Length == 0 ? null : reminderDays.Select(d => new ReminderDaysView(d)).ToList());

    public Task<FundingCallView> CreateAsync(FundingCallRequest call) => staff.CreateFundingCallAsync(call).Expect(HttpStatusCode.Created);

    public async Task<FundingCallView> PublishedAsync(FundingCallRequest call)
    {
        var created = await CreateAsync(call);
        return await staff.PublishFundingCallAsync(created.Id).Expect(HttpStatusCode.OK);
    }

    public async Task<Guid> ClusterAsync(string type, DateOnly? fundingStart = null, DateOnly? fundingEnd = null) =>
        (await staff.CreateClusterAsync(new ClusterRequest($"{type} {_tag} {Guid.NewGuid():N}"[..40], type, FundingStart: fundingStart, FundingEnd: fundingEnd))
            .Expect(HttpStatusCode.Created)).Id;

    public async Task<(Guid Id, string Email)> ManagerAsync(Guid clusterId, string language = "nl")
    {
        var email = $"{Guid.NewGuid():N}@{_tag}.example";
        var manager = await staff.CreateManagerAsync(new ManagerRequest(clusterId, $"Manager {language} {_tag}", email, language)).Expect(HttpStatusCode.Created);
        return (manager.Id, email);
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
