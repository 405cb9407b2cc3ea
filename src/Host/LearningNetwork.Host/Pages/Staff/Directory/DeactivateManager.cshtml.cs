using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Directory;

/// <summary>
/// Deactivating a manager is its own step: the page says what it ends (sign-in, upcoming
/// enrollments, network memberships) before staff confirm, instead of a red button on every row.
/// </summary>
public sealed class DeactivateManagerModel(Api api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ManagerView? Manager { get; private set; }

    public int UpcomingEnrollments { get; private set; }

    public int Networks { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var manager = await Api.GetAsync<ManagerView>($"/api/cluster-managers/{Id}");
        if (!manager.Ok)
        {
            return NotFoundOr(manager.Problem!);
        }

        Manager = manager.Result;
        if (!Manager.IsActive)
        {
            return Done(T["This manager is already deactivated."], $"/staff/managers/{Id}");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var enrollments = Api.GetAsync<Paged<MyEnrollment>>($"/api/cluster-managers/{Id}/enrollments?includeCancelled=false&pageSize=200");
        var networks = Api.GetAsync<List<ManagerNetworkView>>($"/api/cluster-managers/{Id}/learning-networks");
        UpcomingEnrollments = ((await enrollments).Value?.Items ?? []).Count(e => e.Session.StartsAt > now && e.Session.Status != "Cancelled");
        Networks = ((await networks).Value ?? []).Count;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Api.PostAsync($"/api/cluster-managers/{Id}/deactivate");
        return result.Ok ? Done(T["The manager is deactivated."], $"/staff/managers/{Id}") : Refused(result.Problem!, $"/staff/managers/{Id}");
    }
}
