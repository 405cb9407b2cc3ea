using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Networks;

/// <summary>One learning network: its details, its meetings, and its members (search, add one or a whole cluster, remove).</summary>
public sealed class NetworkDetailsModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    private const int MemberPageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Narrows the member list (name, email or cluster).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>Finds managers to add.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Find { get; set; }

    [BindProperty]
    public NetworkForm Form { get; set; } = new();

    public NetworkView? Network { get; private set; }

    public Paged<NetworkMemberView> Members { get; private set; } = new([], 0);

    public IReadOnlyList<ClusterView> Clusters { get; private set; } = [];

    public IReadOnlyList<StaffMemberView> Staff { get; private set; } = [];

    /// <summary>Managers matching <see cref="Find"/> who are not members yet.</summary>
    public Paged<ManagerView>? Candidates { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var network = await Api.GetNetworkAsync(Id);
        if (!network.Ok)
        {
            return NotFoundOr(network.Problem!);
        }

        Form = NetworkForm.From(network.Result);
        await LoadAsync(network.Result);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync()
    {
        ModelState.Clear();
        var result = await Api.UpdateNetworkAsync(Id, Form.ToRequest());
        if (result.Ok)
        {
            return Done(T["The learning network is saved."], Here);
        }

        ShowProblem(result.Problem!);
        var network = await Api.GetNetworkAsync(Id);
        if (!network.Ok)
        {
            return NotFoundOr(network.Problem!);
        }

        await LoadAsync(network.Result);
        return Page();
    }

    public async Task<IActionResult> OnPostAddClusterAsync(Guid clusterId)
    {
        var managers = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var batch = await Api.GetManagersAsync(new ManagerQuery(ClusterId: clusterId, Page: page));
            if (!batch.Ok)
            {
                return Refused(batch.Problem!, Here);
            }

            managers.AddRange(batch.Result.Items.Where(m => m.IsActive).Select(m => m.Id));
            if (page * 200 >= batch.Result.Total)
            {
                break;
            }
        }

        if (managers.Count == 0)
        {
            TempData["Error"] = T["This cluster has no active cluster managers."];
            return Redirect(Here);
        }

        return await AddAsync(managers);
    }

    public Task<IActionResult> OnPostAddManagerAsync(Guid managerId) => AddAsync([managerId]);

    public async Task<IActionResult> OnPostRemoveAsync(Guid managerId)
    {
        var result = await Api.RemoveNetworkMemberAsync(Id, managerId);
        return result.Ok
            ? Done(T["The member is removed: their places at upcoming meetings are given up."], Here)
            : Refused(result.Problem!, Here);
    }

    private string Here => $"/staff/networks/{Id}";

    private async Task<IActionResult> AddAsync(IReadOnlyList<Guid> managers)
    {
        var result = await Api.AddNetworkMembersAsync(Id, managers);
        if (!result.Ok)
        {
            return Refused(result.Problem!, Here);
        }

        return Done(T.Format("{0} added, {1} already members. New members are enrolled in the upcoming meetings and get a welcome email.", result.Result.Added, result.Result.AlreadyMembers), Here);
    }

    private async Task LoadAsync(NetworkView network)
    {
        Network = network;
        Members = (await Api.GetNetworkMembersAsync(Id, Search, MemberPageSize)).Value ?? new([], 0);
        Clusters = (await Api.GetClustersAsync()).Value?.Items ?? [];
        Staff = (await Api.GetStaffAsync()).Value ?? [];
        if (!string.IsNullOrWhiteSpace(Find))
        {
            var found = (await Api.GetManagersAsync(new ManagerQuery(Search: Find, PageSize: 50))).Value ?? new([], 0);
            Candidates = found with { Items = found.Items.Where(m => m.IsActive).ToList() };
        }
    }
}
