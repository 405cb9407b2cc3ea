using System.Globalization;
using System.Net;
using LearningNetwork.ApiClient;
using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace LearningNetwork.Reports.Tests;

/// <summary>Builds a known history through the API: clusters with funding periods, managers, sessions at chosen local times, marks and ratings.</summary>
internal sealed class History(LearningNetworkApp app, HttpClient staff)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private readonly LearningNetworkApi _staff = staff.Typed();

    public async Task<Guid> ClusterAsync(string name, string type, string? fundingStart = null, string? fundingEnd = null) =>
        (await _staff.CreateClusterAsync(new ClusterRequest($"{name} {_tag}", type, FundingStart: Date(fundingStart), FundingEnd: Date(fundingEnd)))
            .Expect(HttpStatusCode.Created)).Id;

    public async Task<Guid> ManagerAsync(Guid clusterId, string fullName, string language = "nl") =>
        (await _staff.CreateManagerAsync(new ManagerRequest(clusterId, fullName, $"{Guid.NewGuid():N}@{_tag}.example", language)).Expect(HttpStatusCode.Created)).Id;

    /// <summary>A published training at this local time in Brussels (yyyy-MM-ddTHH:mm).</summary>
    public async Task<Guid> SessionAsync(string title, string start, string end, int capacity = 20)
    {
        var session = await _staff.CreateSessionAsync(new SessionRequest($"{title} {_tag}", "Training", "Europe/Brussels", capacity, Start: start, End: end, Location: "Gent"))
            .Expect(HttpStatusCode.Created);
        await _staff.PublishSessionAsync(session.Id).Expect(HttpStatusCode.OK);
        return session.Id;
    }

    public async Task<Guid> EnrollAsync(Guid session, Guid manager, string? attendance = null)
    {
        var id = (await _staff.EnrollAsync(session, manager).Expect(HttpStatusCode.Created)).Id;
        if (attendance is not null)
        {
            await _staff.RecordAttendanceAsync(session, [(id, attendance)]).Expect(HttpStatusCode.NoContent);
        }

        return id;
    }

    /// <summary>A rating through the real feedback link's token (issued as the follow-up email would).</summary>
    public async Task RateAsync(Guid enrollment, int rating)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new IssueFeedbackTokens([enrollment]));
        using var anonymous = app.CreateClient();
        await anonymous.Typed().SendFeedbackAsync(tokens[enrollment], rating, null).Expect(HttpStatusCode.NoContent);
    }

    public string Name(string cluster) => $"{cluster} {_tag}";

    private static DateOnly? Date(string? value) => value is null ? null : DateOnly.Parse(value, CultureInfo.InvariantCulture);
}
