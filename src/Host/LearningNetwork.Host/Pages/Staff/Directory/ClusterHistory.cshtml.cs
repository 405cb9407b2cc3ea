using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Directory;

/// <summary>A cluster's funding history: every change of its type, funding dates and post-funding plan, who made it and when.</summary>
public sealed class ClusterHistoryModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ClusterView? Cluster { get; private set; }

    public IReadOnlyList<ClusterChangeView> Changes { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync()
    {
        var cluster = await Api.GetClusterAsync(Id);
        if (!cluster.Ok)
        {
            return NotFoundOr(cluster.Problem!);
        }

        Cluster = cluster.Result;
        Changes = (await Api.GetClusterHistoryAsync(Id)).Value ?? [];
        People = ((await Api.GetStaffAsync()).Value ?? []).ToDictionary(s => s.UserId, s => s.FullName);
        return Page();
    }
}
