using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Directory;

/// <summary>One cluster: its details and funding dates (ended or not), its managers and its participation in a year.</summary>
public sealed class ClusterModel(LearningNetworkApi api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ClusterView? Cluster { get; private set; }

    public IReadOnlyList<ManagerView> Managers { get; private set; } = [];

    /// <summary>This cluster's row of the participation report of <see cref="Year"/> (every cluster has one).</summary>
    public ParticipationRowView? Participation { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The funding is over once its last day has passed.</summary>
    public bool FundingEnded => Cluster?.FundingEnd is { } end && end < Today;

    public IReadOnlyList<int> Years => Enumerable.Range(clock.GetUtcNow().Year - 4, 6).Reverse().ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        var cluster = await Api.GetClusterAsync(Id);
        if (!cluster.Ok)
        {
            return NotFoundOr(cluster.Problem!);
        }

        Cluster = cluster.Result;
        Year = Year is { } year && Years.Contains(year) ? year : clock.GetUtcNow().Year;
        var managers = Api.GetManagersAsync(new ManagerQuery(ClusterId: Id));
        var report = Api.GetParticipationAsync(Year.Value);
        Managers = (await managers).Value?.Items ?? [];
        Participation = (await report).Value?.Rows.FirstOrDefault(r => r.ClusterId == Id);
        return Page();
    }
}
