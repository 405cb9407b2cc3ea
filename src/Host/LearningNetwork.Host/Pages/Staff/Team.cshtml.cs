using LearningNetwork.Host.Ui;
using Microsoft.AspNetCore.Mvc;

namespace LearningNetwork.Host.Pages.Staff;

/// <summary>The agency's staff: invite a colleague, see who activated, shut out someone who left.</summary>
public sealed class TeamModel(Api api, UiText text) : UiPage(api, text)
{
    [BindProperty]
    public InviteForm Form { get; set; } = new();

    public IReadOnlyList<StaffMemberView> Members { get; private set; } = [];

    public Guid? MyId { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var result = await Api.PostAsync("/api/staff", new { email = Form.Email ?? string.Empty, fullName = Form.FullName ?? string.Empty, preferredLanguage = Form.PreferredLanguage });
        if (result.Ok)
        {
            return Done(T.Format("{0} is invited: the invitation email is on its way.", Form.Email ?? string.Empty), "/staff/team");
        }

        ShowProblem(result.Problem!);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id)
    {
        var result = await Api.PostAsync($"/api/staff/{id}/deactivate");
        return result.Ok ? Done(T["The account is deactivated: it can no longer sign in."], "/staff/team") : Refused(result.Problem!, "/staff/team");
    }

    private async Task LoadAsync()
    {
        var members = Api.GetAsync<List<StaffMemberView>>("/api/staff");
        var me = Api.GetAsync<Me>("/api/me");
        Members = (await members).Value ?? [];
        MyId = (await me).Value?.UserId;
    }

    public sealed class InviteForm
    {
        public string? Email { get; set; }

        public string? FullName { get; set; }

        public string PreferredLanguage { get; set; } = "nl";
    }
}
