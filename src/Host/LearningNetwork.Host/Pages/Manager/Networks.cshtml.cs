using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Manager;

/// <summary>A manager's learning networks: their next meetings and own attendance, and the open networks they may join.</summary>
public sealed class NetworksModel(Api api, UiText text) : UiPage(api, text)
{
    public IReadOnlyList<NetworkView> Mine { get; private set; } = [];

    public IReadOnlyList<NetworkView> OpenToJoin { get; private set; } = [];

    /// <summary>The manager's live enrollment per session.</summary>
    public IReadOnlyDictionary<Guid, MyEnrollment> Enrollments { get; private set; } = new Dictionary<Guid, MyEnrollment>();

    /// <summary>The signed-in manager (from the sign-in cookie), for their certificate link.</summary>
    public Guid? MyId => Guid.TryParse(User.FindFirst(LearningNetwork.BuildingBlocks.Security.LearningNetworkClaims.ClusterManagerId)?.Value, out var id) ? id : null;

    public async Task OnGetAsync()
    {
        var networks = (await Api.GetAsync<Paged<NetworkView>>("/api/learning-networks?pageSize=200")).Value?.Items ?? [];
        Mine = networks.Where(n => n.IsMember == true).ToList();
        OpenToJoin = networks.Where(n => n.IsMember != true && n.Membership == "Open").ToList();
        var enrollments = (await Api.GetAsync<Paged<MyEnrollment>>("/api/me/enrollments?pageSize=200")).Value?.Items ?? [];
        Enrollments = enrollments.Where(e => e.Status != "Cancelled").GroupBy(e => e.SessionId).ToDictionary(g => g.Key, g => g.First());
    }

    public async Task<IActionResult> OnPostJoinAsync(Guid networkId)
    {
        var result = await Api.PostAsync<NetworkView>($"/api/learning-networks/{networkId}/join");
        return result.Ok
            ? Done(T.Format("Welcome to {0}: you are enrolled in its upcoming meetings, and a welcome email is on its way.", result.Result.Name), "/networks")
            : Refused(result.Problem!, "/networks");
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid networkId)
    {
        var result = await Api.PostAsync<NetworkView>($"/api/learning-networks/{networkId}/leave");
        return result.Ok
            ? Done(T.Format("You left {0}; your places at its upcoming meetings are given up.", result.Result.Name), "/networks")
            : Refused(result.Problem!, "/networks");
    }

    /// <summary>Attended and marked meetings of this network (those that took place and were marked).</summary>
    public (int Attended, int Marked) AttendanceIn(NetworkView network)
    {
        var marks = network.Meetings.Select(m => Enrollments.GetValueOrDefault(m.SessionId)?.Attendance).Where(a => a is "Attended" or "Absent").ToList();
        return (marks.Count(a => a == "Attended"), marks.Count);
    }
}
