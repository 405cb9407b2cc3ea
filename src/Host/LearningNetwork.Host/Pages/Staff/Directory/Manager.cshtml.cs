using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Directory;

/// <summary>One cluster manager as staff see them: details to edit, enrollments past and upcoming, downloads and learning networks.</summary>
public sealed class ManagerModel(LearningNetworkApi api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ManagersModel.ManagerForm Form { get; set; } = new();

    public ManagerView? Manager { get; private set; }

    public IReadOnlyList<ClusterView> Clusters { get; private set; } = [];

    public IReadOnlyList<MyEnrollment> Upcoming { get; private set; } = [];

    /// <summary>Past enrollments, latest first.</summary>
    public IReadOnlyList<MyEnrollment> Past { get; private set; } = [];

    public IReadOnlyList<ManagerDownloadView> Downloads { get; private set; } = [];

    public IReadOnlyList<ManagerNetworkView> Networks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var manager = await Api.GetManagerAsync(Id);
        if (!manager.Ok)
        {
            return NotFoundOr(manager.Problem!);
        }

        Manager = manager.Result;
        Form = new ManagersModel.ManagerForm
        {
            ClusterId = Manager.ClusterId, FullName = Manager.FullName, Email = Manager.Email, PreferredLanguage = Manager.PreferredLanguage, Phone = Manager.Phone,
        };
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await Api.UpdateManagerAsync(Id, new ManagerRequest(
            Form.ClusterId, Form.FullName ?? string.Empty, Form.Email ?? string.Empty, Form.PreferredLanguage, string.IsNullOrWhiteSpace(Form.Phone) ? null : Form.Phone));
        if (result.Ok)
        {
            return Done(T["The details are saved."], $"/staff/managers/{Id}");
        }

        var manager = await Api.GetManagerAsync(Id);
        if (!manager.Ok)
        {
            return NotFoundOr(manager.Problem!);
        }

        Manager = manager.Result;
        ShowProblem(result.Problem!);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync()
    {
        var result = await Api.ResendInvitationAsync(Id);
        return result.Ok ? Done(T["A new invitation is on its way."], $"/staff/managers/{Id}") : Refused(result.Problem!, $"/staff/managers/{Id}");
    }

    private async Task LoadAsync()
    {
        var clusters = Api.GetClustersAsync();
        var enrollments = Api.GetManagerEnrollmentsAsync(Id);
        var downloads = Api.GetManagerDownloadsAsync(Id);
        var networks = Api.GetManagerNetworksAsync(Id);
        Clusters = (await clusters).Value?.Items ?? [];
        var now = clock.GetUtcNow().UtcDateTime;
        var all = (await enrollments).Value?.Items ?? [];
        Upcoming = all.Where(e => e.Session.StartsAt > now).ToList();
        Past = all.Where(e => e.Session.StartsAt <= now).Reverse().ToList();
        Downloads = (await downloads).Value ?? [];
        Networks = (await networks).Value ?? [];
    }
}
