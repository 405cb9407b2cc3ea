using System.Net;
using System.Net.Http.Json;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using static LearningNetwork.Testing.TestNetworks;

namespace LearningNetwork.Reports.Tests;

/// <summary>Builds a known history through the API: clusters with funding periods, managers, sessions at chosen local times, marks and ratings.</summary>
internal sealed class History(LearningNetworkApp app, HttpClient staff)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    public sealed record NewCluster(string Name, string Type, string? FundingStart, string? FundingEnd);

    public sealed record NewManager(Guid ClusterId, string FullName, string Email, string PreferredLanguage);

    public sealed record Created(Guid Id);

    public sealed record Feedback(string Token, int Rating, string? Comment = null);

    public async Task<Guid> ClusterAsync(string name, string type, string? fundingStart = null, string? fundingEnd = null) =>
        (await (await staff.PostAsJsonAsync("/api/clusters", new NewCluster($"{name} {_tag}", type, fundingStart, fundingEnd))).Typed<Created>(HttpStatusCode.Created)).Id;

    public async Task<Guid> ManagerAsync(Guid clusterId, string fullName, string language = "nl") =>
        (await (await staff.PostAsJsonAsync("/api/cluster-managers", new NewManager(clusterId, fullName, $"{Guid.NewGuid():N}@{_tag}.example", language)))
            .Typed<Created>(HttpStatusCode.Created)).Id;

    /// <summary>A published training at this local time in Brussels (yyyy-MM-ddTHH:mm).</summary>
    public async Task<Guid> SessionAsync(string title, string start, string end, int capacity = 20)
    {
        var session = await (await staff.PostAsJsonAsync("/api/sessions", new NewMeeting($"{title} {_tag}", "Training", start, end, "Europe/Brussels", capacity, null)))
            .Json(HttpStatusCode.Created);
        await (await staff.PostAsync($"/api/sessions/{session.Id()}/publish", null)).ShouldBe(HttpStatusCode.OK);
        return Guid.Parse(session.Id());
    }

    public async Task<Guid> EnrollAsync(Guid session, Guid manager, string? attendance = null)
    {
        var enrollment = await (await staff.EnrollAsync(session.ToString(), manager)).Json(HttpStatusCode.Created);
        var id = Guid.Parse(enrollment.Id());
        if (attendance is not null)
        {
            await (await staff.PutAsJsonAsync($"/api/sessions/{session}/attendance", new[] { new AttendanceMark(id, attendance) })).ShouldBe(HttpStatusCode.NoContent);
        }

        return id;
    }

    /// <summary>A rating through the real feedback link's token (issued as the follow-up email would).</summary>
    public async Task RateAsync(Guid enrollment, int rating)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IssueFeedbackTokens([enrollment]));
        using var anonymous = app.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/feedback", new Feedback(tokens[enrollment], rating))).ShouldBe(HttpStatusCode.NoContent);
    }

    public string Name(string cluster) => $"{cluster} {_tag}";
}
