using LearningNetwork.Enrollments.Contracts;
using LearningNetwork.Host.Ui;
using LearningNetwork.LearningNetworks.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Manager;

/// <summary>A manager's learning networks: their next meetings and own attendance, and the open networks they may join.</summary>
public sealed class NetworksModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    public IReadOnlyList<NetworkView> Mine { get; private set; } = [];

    public IReadOnlyList<NetworkView> OpenToJoin { get; private set; } = [];

    /// <summary>The manager's live enrollment per session.</summary>
    public IReadOnlyDictionary<Guid, MyEnrollment> Enrollments { get; private set; } = new Dictionary<Guid, MyEnrollment>();

    /// <summary>The signed-in manager (from the sign-in cookie), for their certificate link.</summary>
    public Guid? MyId => Guid.TryParse(User.FindFirst(LearningNetwork.BuildingBlocks.Security.LearningNetworkClaims.ClusterManagerId)?.Value, out var id) ? id : null;

    public async Task OnGetAsync()
    {
        var networks = (await Api.GetNetworksAsync()).Value?.Items ?? [];
        Mine = networks.Where(n => n.IsMember == true).ToList();
        OpenToJoin = networks.Where(n => n.IsMember != true && n.Membership == NetworkMembership.Open).ToList();
        var enrollments = (await Api.GetMyEnrollmentsAsync()).Value?.Items ?? [];
        Enrollments = enrollments.Where(e => e.Status != EnrollmentStatus.Cancelled).GroupBy(e => e.SessionId).ToDictionary(g => g.Key, g => g.First());
    }

    public async Task<IActionResult> OnPostJoinAsync(Guid networkId)
    {
        var result = await Api.JoinNetworkAsync(networkId);
        return result.Ok
            ? Done(T.Format("Welcome to {0}: you are enrolled in its upcoming meetings, and a welcome email is on its way.", result.Result.Name), "/networks")
            : Refused(result.Problem!, "/networks");
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid networkId)
    {
        var result = await Api.LeaveNetworkAsync(networkId);
        return result.Ok
            ? Done(T.Format("You left {0}; your places at its upcoming meetings are given up.", result.Result.Name), "/networks")
            : Refused(result.Problem!, "/networks");
    }

    /// <summary>Attended and marked meetings of this network (those that took place and were marked).</summary>
    public (int Attended, int Marked) AttendanceIn(NetworkView network)
    {
        var marks = network.Meetings.Select(m => Enrollments.GetValueOrDefault(m.SessionId)?.Attendance).Where(a => a is Attendance.Attended or Attendance.Absent).ToList();
        return (marks.Count(a => a == Attendance.Attended), marks.Count);
    }
}
