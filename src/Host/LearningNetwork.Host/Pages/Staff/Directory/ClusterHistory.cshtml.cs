using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Directory;

/// <summary>A cluster's funding history: every change of its type, funding dates and post-funding plan, who made it and when.</summary>
public sealed class ClusterHistoryModel(Api api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ClusterView? Cluster { get; private set; }

    public IReadOnlyList<ClusterChangeView> Changes { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync()
    {
        var cluster = await Api.GetAsync<ClusterView>($"/api/clusters/{Id}");
        if (!cluster.Ok)
        {
            return NotFoundOr(cluster.Problem!);
        }

        Cluster = cluster.Result;
        Changes = (await Api.GetAsync<List<ClusterChangeView>>($"/api/clusters/{Id}/history")).Value ?? [];
        People = ((await Api.GetAsync<List<StaffMemberView>>("/api/staff")).Value ?? []).ToDictionary(s => s.UserId, s => s.FullName);
        return Page();
    }
}
