using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Directory;

public sealed class ManagersModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ClusterId { get; set; }

    [BindProperty]
    public ManagerForm Form { get; set; } = new();

    public IReadOnlyList<ManagerView> Managers { get; private set; } = [];

    public IReadOnlyList<ClusterView> Clusters { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await Api.CreateManagerAsync(new ManagerRequest(
            Form.ClusterId, Form.FullName ?? string.Empty, Form.Email ?? string.Empty, Form.PreferredLanguage, string.IsNullOrWhiteSpace(Form.Phone) ? null : Form.Phone));
        if (result.Ok)
        {
            return Done(T.Format("{0} is added; the invitation is on its way.", result.Result.FullName), "/staff/managers");
        }

        ShowProblem(result.Problem!);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        var result = await Api.ResendInvitationAsync(id);
        return result.Ok ? Done(T["A new invitation is on its way."], "/staff/managers") : Refused(result.Problem!, "/staff/managers");
    }

    private async Task LoadAsync()
    {
        var managers = Api.GetManagersAsync(new ManagerQuery(Search, ClusterId));
        var clusters = Api.GetClustersAsync();
        var list = await managers;
        Managers = list.Value?.Items ?? [];
        Total = list.Value?.Total ?? 0;
        Clusters = (await clusters).Value?.Items ?? [];
    }

    public sealed class ManagerForm
    {
        public Guid? ClusterId { get; set; }

        public string? FullName { get; set; }

        public string? Email { get; set; }

        public string PreferredLanguage { get; set; } = "nl";

        public string? Phone { get; set; }
    }
}
