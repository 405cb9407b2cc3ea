using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff.Networks;

/// <summary>The agency's learning networks: who is in each, what is next, and a form to start one.</summary>
public sealed class NetworksModel(LearningNetworkApi api, UiText text) : UiPage(api, text)
{
    [BindProperty]
    public NetworkForm Form { get; set; } = new();

    public IReadOnlyList<NetworkView> Networks { get; private set; } = [];

    public IReadOnlyList<StaffMemberView> Staff { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await Api.CreateNetworkAsync(Form.ToRequest());
        if (result.Ok)
        {
            return Done(T.Format("The learning network {0} is created. Add its members and plan its meetings.", result.Result.Name), $"/staff/networks/{result.Result.Id}");
        }

        ShowProblem(result.Problem!);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Networks = (await Api.GetNetworksAsync()).Value?.Items ?? [];
        Staff = (await Api.GetStaffAsync()).Value ?? [];
    }
}
