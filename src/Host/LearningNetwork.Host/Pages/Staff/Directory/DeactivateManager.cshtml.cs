using LearningNetwork.Host.Ui;
using LearningNetwork.Sessions.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Directory;

/// <summary>
/// Deactivating a manager is its own step: the page says what it ends (sign-in, upcoming
/// enrollments, network memberships) before staff confirm, instead of a red button on every row.
/// </summary>
public sealed class DeactivateManagerModel(LearningNetworkApi api, UiText text, TimeProvider clock) : UiPage(api, text)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ManagerView? Manager { get; private set; }

    public int UpcomingEnrollments { get; private set; }

    public int Networks { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var manager = await Api.GetManagerAsync(Id);
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
        var enrollments = Api.GetManagerEnrollmentsAsync(Id, includeCancelled: false);
        var networks = Api.GetManagerNetworksAsync(Id);
        UpcomingEnrollments = ((await enrollments).Value?.Items ?? []).Count(e => e.Session.StartsAt > now && e.Session.Status != SessionState.Cancelled);
        Networks = ((await networks).Value ?? []).Count;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Api.DeactivateManagerAsync(Id);
        return result.Ok ? Done(T["The manager is deactivated."], $"/staff/managers/{Id}") : Refused(result.Problem!, $"/staff/managers/{Id}");
    }
}
